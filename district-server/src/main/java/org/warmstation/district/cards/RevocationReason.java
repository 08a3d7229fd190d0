package org.warmstation.district.cards;

import java.util.Locale;

/** Why a card is revoked (issue 11); stored with the revocation, not sent to the stations. */
public enum RevocationReason {
    /** The member lost the card. */
    LOST("lost", "遗失"),
    /** The card was stolen. */
    STOLEN("stolen", "被盗"),
    /** The member left the union. */
    LEFT_UNION("left-union", "退会");

    private final String label;
    private final String zh;

    RevocationReason(String label, String zh) {
        this.label = label;
        this.zh = zh;
    }

    /** @return the command-line and form value, e.g. {@code left-union} */
    public String label() {
        return label;
    }

    /** @return the Chinese label for the console */
    public String zh() {
        return zh;
    }

    /**
     * @param text {@code lost}, {@code stolen} or {@code left-union} (case and {@code _} or {@code -} ignored)
     * @return the reason
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RevocationReason parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (RevocationReason r : values()) {
            if (r.label.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason '" + text + "': use lost, stolen or left-union");
    }
}

package org.warmstation.protocol.card;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a trusted district key may sign (issue 11, decision 0123). A station accepts a member card
 * only if its key has {@link #CARD}, an enrollment code only with {@link #ENROLLMENT}, a downlink
 * only with {@link #DOWNLINK}, a software update manifest only with {@link #UPDATE} (issue 15,
 * decision 0215).
 */
public enum KeyPurpose {
    /** Member cards (the card-issuing office computer, may stay offline). */
    CARD,
    /** Station enrollment codes (issued at the office with the cards). */
    ENROLLMENT,
    /** Downlinks: deny and trust lists, settings, resends (the district server's key). */
    DOWNLINK,
    /**
     * Software update manifests (issue 15): the release key, never implied by a key line without
     * purposes, so only a key named for updates can make a station install a package.
     */
    UPDATE;

    /**
     * @return the meaning of a trust-list key line without a purpose (before issue 11): card,
     *         enrollment and downlink, never {@link #UPDATE} (decision 0215)
     */
    public static Set<KeyPurpose> legacy() {
        return EnumSet.of(CARD, ENROLLMENT, DOWNLINK);
    }

    /** @return the lower-case name used in the trust-list text, e.g. {@code card} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text comma-separated labels, e.g. {@code card,enrollment}
     * @return the purposes
     * @throws IllegalArgumentException naming an unknown or empty purpose
     */
    public static Set<KeyPurpose> parse(String text) {
        Set<KeyPurpose> out = EnumSet.noneOf(KeyPurpose.class);
        for (String p : text.split(",", -1)) {
            try {
                out.add(valueOf(p.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown key purpose '" + p + "' (card, enrollment, downlink, update)", e);
            }
        }
        return out;
    }

    /**
     * @param purposes purposes, not empty
     * @return their labels, comma-separated, in enum order
     */
    public static String format(Set<KeyPurpose> purposes) {
        return String.join(",", purposes.stream().sorted().map(KeyPurpose::label).toList());
    }
}

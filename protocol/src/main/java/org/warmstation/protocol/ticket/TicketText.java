package org.warmstation.protocol.ticket;

import java.util.Optional;

/**
 * The rule for the short text staff may add to a ticket: at most {@value #MAX_CHARS} characters
 * (UTF-16 code units, as the kiosk's text field counts), no control characters (line breaks
 * included). A blank text counts as none. Pure functions, thread-safe.
 */
public final class TicketText {
    /** Longest text. */
    public static final int MAX_CHARS = 200;

    /** Why a text is refused; each has a zh/en message at the kiosk and the console. */
    public enum Refusal {
        /** More than {@link #MAX_CHARS} characters. */
        TOO_LONG,
        /** Contains a control character (Unicode category Cc, e.g. a line break or tab). */
        CONTROL_CHARACTER
    }

    private TicketText() {
    }

    /**
     * @param text a text as typed, or null
     * @return why it is refused, or empty when it is acceptable
     */
    public static Optional<Refusal> check(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_CHARS) {
            return Optional.of(Refusal.TOO_LONG);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Refusal.CONTROL_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * @param text an acceptable text ({@link #check} empty), or null
     * @return the text stripped, or null when blank
     * @throws IllegalArgumentException when {@link #check} refuses it, naming why
     */
    public static String normalize(String text) {
        Optional<Refusal> refusal = check(text);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(switch (refusal.get()) {
                case TOO_LONG -> "ticket text longer than " + MAX_CHARS + " characters";
                case CONTROL_CHARACTER -> "ticket text contains a control character";
            });
        }
        return text == null || text.isBlank() ? null : text.strip();
    }
}

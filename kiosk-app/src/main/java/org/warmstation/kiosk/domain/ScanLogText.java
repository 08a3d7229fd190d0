package org.warmstation.kiosk.domain;

/**
 * What of a scanned text may appear in the log: a short prefix with every character outside
 * printable ASCII replaced, and the length. A member-card token is a credential and other QR
 * codes may carry personal data, so the full text is never logged.
 */
final class ScanLogText {
    /** Characters of the scanned text shown at most. */
    static final int PREFIX_LENGTH = 6;

    private ScanLogText() {
    }

    /**
     * @param text any scanned text, or null
     * @return e.g. {@code "WSM:6Q…" (135 chars)}: at most {@link #PREFIX_LENGTH} characters, each
     *         outside {@code U+0020–U+007E} (and the quote) shown as {@code ?}
     */
    static String describe(String text) {
        if (text == null) {
            return "(no text)";
        }
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(PREFIX_LENGTH, text.length());
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7e && c != '"' ? c : '?');
        }
        if (text.length() > n) {
            sb.append('…');
        }
        return sb.append("\" (").append(text.length()).append(" chars)").toString();
    }
}

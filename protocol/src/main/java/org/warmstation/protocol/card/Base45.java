package org.warmstation.protocol.card;

/**
 * Base45 encoding as specified by RFC 9285 (the encoding of the EU digital COVID certificate),
 * whose 45-character alphabet is exactly the QR code alphanumeric mode's, so a token fills a QR
 * symbol at 5.5 bits per character.
 *
 * <p>Stateless and thread-safe.
 */
public final class Base45 {
    /** The alphabet of RFC 9285 section 4, in value order. */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private Base45() {
    }

    /**
     * Encodes bytes (RFC 9285 section 4).
     *
     * @param data any bytes
     * @return the Base45 text, {@code ceil(1.5 * length)} characters
     */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 3 / 2 + 2);
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            out.append(ALPHABET.charAt(n % 45));
            out.append(ALPHABET.charAt((n / 45) % 45));
            out.append(ALPHABET.charAt(n / 2025));
        }
        if (i < data.length) {
            int n = data[i] & 0xff;
            out.append(ALPHABET.charAt(n % 45));
            out.append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /**
     * Decodes Base45 text (RFC 9285 section 4.2), rejecting every text that is not the encoding
     * of some byte string, so decoding is one-to-one.
     *
     * @param text Base45 characters only
     * @return the decoded bytes
     * @throws IllegalArgumentException when a character is outside the alphabet, the length is
     *                                  1 modulo 3, or a group's value exceeds its byte range
     */
    public static byte[] decode(CharSequence text) {
        int len = text.length();
        if (len % 3 == 1) {
            throw new IllegalArgumentException("Base45 text of length " + len + " is not valid");
        }
        byte[] out = new byte[len / 3 * 2 + (len % 3 == 2 ? 1 : 0)];
        int o = 0;
        int i = 0;
        for (; i + 2 < len; i += 3) {
            int n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 2025;
            if (n > 0xffff) {
                throw new IllegalArgumentException("Base45 group at " + i + " exceeds 65535");
            }
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
        }
        if (i < len) {
            int n = value(text, i) + value(text, i + 1) * 45;
            if (n > 0xff) {
                throw new IllegalArgumentException("Base45 final group exceeds 255");
            }
            out[o] = (byte) n;
        }
        return out;
    }

    private static int value(CharSequence text, int index) {
        int v = ALPHABET.indexOf(text.charAt(index));
        if (v < 0) {
            throw new IllegalArgumentException("not a Base45 character at " + index);
        }
        return v;
    }
}

package org.warmstation.protocol.card;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The QR text of a member card: {@code "WSM:"} followed by the Base45 encoding (RFC 9285) of a
 * 23-byte body and its 64-byte Ed25519 signature (RFC 8032). The layout is specified in
 * {@code docs/card-format.md} section "Layout"; the whole token is 135 characters and fits a
 * QR code of version 6 (41x41 modules) at error-correction level M in alphanumeric mode.
 *
 * <p>Stateless and thread-safe.
 */
public final class CardToken {
    /** Prefix that marks a warm-station member card; it is part of the signed message. */
    public static final String PREFIX = "WSM:";
    /** The only body format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** Length of the signed body in bytes. */
    public static final int BODY_LENGTH = 23;
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;
    /** Length of a whole token in characters. */
    public static final int TOKEN_LENGTH = PREFIX.length() + (BODY_LENGTH + SIGNATURE_LENGTH) / 2 * 3 + 2;

    private static final LocalDate EPOCH = LocalDate.of(1970, 1, 1);

    private CardToken() {
    }

    /**
     * Signs a card with a district's private key and encodes it as QR text.
     *
     * @param card       the card; its {@code keyId} must be the id of {@code districtKey}
     * @param districtKey an Ed25519 private key
     * @return the token text, {@link #TOKEN_LENGTH} characters of the QR alphanumeric set
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    public static String sign(MemberCard card, PrivateKey districtKey) {
        byte[] body = body(card);
        byte[] sig = Ed25519.sign(districtKey, signedMessage(body));
        byte[] all = Arrays.copyOf(body, BODY_LENGTH + SIGNATURE_LENGTH);
        System.arraycopy(sig, 0, all, BODY_LENGTH, SIGNATURE_LENGTH);
        return PREFIX + Base45.encode(all);
    }

    /**
     * The 23-byte body of a card, as laid out in {@code docs/card-format.md}.
     *
     * @param card the card
     * @return a new array of {@link #BODY_LENGTH} bytes
     */
    public static byte[] body(MemberCard card) {
        ByteBuffer b = ByteBuffer.allocate(BODY_LENGTH);
        b.put((byte) FORMAT_VERSION);
        b.put((byte) (card.districtId() >> 16)).put((byte) (card.districtId() >> 8)).put((byte) card.districtId());
        b.putInt((int) card.cardSerial());
        b.put(card.memberId().bytes());
        b.put((byte) card.category().code());
        b.putShort((short) days(card.validFrom()));
        b.putShort((short) days(card.validUntil()));
        b.putShort((short) card.keyId());
        return b.array();
    }

    /**
     * The message the Ed25519 signature covers: the ASCII prefix, then the body, so a signature
     * made for another kind of district document can never pass as a card's.
     *
     * @param body the 23-byte body
     * @return prefix bytes followed by the body
     */
    static byte[] signedMessage(byte[] body) {
        return Ed25519.prefixed(PREFIX, body);
    }

    /**
     * Parses a body; does not verify anything but its shape.
     *
     * @param body exactly {@link #BODY_LENGTH} bytes
     * @return the card it describes
     * @throws IllegalArgumentException when the version, a field or the length is not valid
     */
    static MemberCard parseBody(byte[] body) {
        if (body.length != BODY_LENGTH) {
            throw new IllegalArgumentException("body is " + body.length + " bytes, not " + BODY_LENGTH);
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        int version = b.get() & 0xff;
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown card format version " + version);
        }
        int district = ((b.get() & 0xff) << 16) | ((b.get() & 0xff) << 8) | (b.get() & 0xff);
        long serial = b.getInt() & 0xffff_ffffL;
        byte[] member = new byte[8];
        b.get(member);
        int categoryCode = b.get() & 0xff;
        WorkerCategory category = WorkerCategory.fromCode(categoryCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown worker category " + categoryCode));
        LocalDate from = EPOCH.plusDays(b.getShort() & 0xffff);
        LocalDate until = EPOCH.plusDays(b.getShort() & 0xffff);
        int keyId = b.getShort() & 0xffff;
        return new MemberCard(district, serial, new MemberCard.MemberId(member), category, from, until, keyId);
    }

    static void checkDateRange(LocalDate date) {
        long d = date.toEpochDay();
        if (d < 0 || d > 0xffff) {
            throw new IllegalArgumentException("date outside 1970-01-01..2149-06-06: " + date);
        }
    }

    private static int days(LocalDate date) {
        return (int) date.toEpochDay();
    }
}

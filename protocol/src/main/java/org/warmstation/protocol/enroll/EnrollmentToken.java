package org.warmstation.protocol.enroll;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.Ed25519;

/**
 * The QR text of a station enrollment code: {@code "WSE:"} followed by the Base45 encoding
 * (RFC 9285) of a variable-length body and its 64-byte Ed25519 signature (RFC 8032) by the district
 * key. The signature covers the ASCII prefix and the body, so a member card's signature ({@code WSM:})
 * can never pass as an enrollment's and the reverse. Layout: {@code docs/decisions/0060-station-enrollment-code.md}.
 * Base45 uses only the QR alphanumeric set, so the Chinese station name costs nothing extra in the QR
 * code's mode. Stateless and thread-safe.
 */
public final class EnrollmentToken {
    /** Prefix that marks a warm-station enrollment code; it is part of the signed message. */
    public static final String PREFIX = "WSE:";
    /** The only body format version this code reads and writes. */
    public static final int FORMAT_VERSION = 2;
    /** Bytes of a CA pin (SHA-256). */
    public static final int PIN_LENGTH = 32;
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;
    /** Bytes of the fixed part of the body (version to longitude). */
    static final int FIXED_LENGTH = 18;
    /** Longest possible token in characters; longer texts are not looked at. */
    public static final int MAX_TOKEN_LENGTH = PREFIX.length() + (FIXED_LENGTH + 4
            + StationEnrollment.MAX_STATION_ID_BYTES + StationEnrollment.MAX_NAME_BYTES + StationEnrollment.MAX_URL_BYTES
            + StationEnrollment.MAX_CREDENTIAL_LENGTH + 1 + PIN_LENGTH + SIGNATURE_LENGTH) / 2 * 3 + 2;

    private EnrollmentToken() {
    }

    /**
     * Signs an enrollment with a district's private key and encodes it as QR text.
     *
     * @param enrollment  the enrollment; its {@code keyId} must be the id of {@code districtKey}
     * @param districtKey an Ed25519 private key
     * @return the token text, characters of the QR alphanumeric set only
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    public static String sign(StationEnrollment enrollment, PrivateKey districtKey) {
        byte[] body = body(enrollment);
        byte[] sig = Ed25519.sign(districtKey, signedMessage(body));
        byte[] all = Arrays.copyOf(body, body.length + SIGNATURE_LENGTH);
        System.arraycopy(sig, 0, all, body.length, SIGNATURE_LENGTH);
        return PREFIX + Base45.encode(all);
    }

    /**
     * The signed body, big-endian: version (1), district id (3), key id (2), expiry in seconds since
     * 1970 (4, unsigned), latitude and longitude in micro-degrees (4 each, signed), then four
     * length-prefixed strings (1 length byte each): station id, station name (UTF-8), broker URL,
     * credential; then the CA pin, length-prefixed (0 bytes for a {@code tcp://} code, else the 32
     * bytes of the SHA-256). Format version 2 (version 1 had no pin and is no longer read).
     *
     * @param e the enrollment
     * @return a new array
     */
    public static byte[] body(StationEnrollment e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(200);
        ByteBuffer fixed = ByteBuffer.allocate(FIXED_LENGTH);
        fixed.put((byte) FORMAT_VERSION);
        fixed.put((byte) (e.districtId() >> 16)).put((byte) (e.districtId() >> 8)).put((byte) e.districtId());
        fixed.putShort((short) e.keyId());
        fixed.putInt((int) e.expiresAt().getEpochSecond());
        fixed.putInt((int) Math.round(e.latitude() * 1e6));
        fixed.putInt((int) Math.round(e.longitude() * 1e6));
        out.writeBytes(fixed.array());
        for (String s : new String[] {e.stationId(), e.stationName(), e.brokerUrl(), e.credential()}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b.length);
            out.writeBytes(b);
        }
        byte[] pin = e.caPin() == null ? new byte[0] : java.util.HexFormat.of().parseHex(e.caPin());
        out.write(pin.length);
        out.writeBytes(pin);
        return out.toByteArray();
    }

    /** @return the message the signature covers: the ASCII prefix, then the body */
    static byte[] signedMessage(byte[] body) {
        return Ed25519.prefixed(PREFIX, body);
    }

    /**
     * Splits decoded bytes into body and signature and parses the body; checks only its shape.
     *
     * @param all body followed by the signature
     * @return the enrollment it describes
     * @throws IllegalArgumentException when the version, a length or a field is not valid
     */
    static StationEnrollment parseBody(byte[] all) {
        if (all.length < FIXED_LENGTH + 5 + SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("too short: " + all.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(all, 0, all.length - SIGNATURE_LENGTH);
        try {
            int version = b.get() & 0xff;
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown enrollment format version " + version);
            }
            int district = ((b.get() & 0xff) << 16) | ((b.get() & 0xff) << 8) | (b.get() & 0xff);
            int keyId = b.getShort() & 0xffff;
            long expiry = b.getInt() & 0xffff_ffffL;
            double lat = b.getInt() / 1e6;
            double lon = b.getInt() / 1e6;
            String id = string(b);
            String name = string(b);
            String url = string(b);
            String credential = string(b);
            int pinLength = b.get() & 0xff;
            if (pinLength != 0 && pinLength != PIN_LENGTH) {
                throw new IllegalArgumentException("a CA pin has " + PIN_LENGTH + " bytes, not " + pinLength);
            }
            byte[] pin = new byte[pinLength];
            b.get(pin);
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " bytes after the last field");
            }
            return new StationEnrollment(district, id, name, lat, lon, url, credential, Instant.ofEpochSecond(expiry),
                    keyId, pinLength == 0 ? null : java.util.HexFormat.of().formatHex(pin));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("body ends inside a field", e);
        }
    }

    /**
     * The id of a code: what the district registers and records the use of (decision 0181).
     *
     * @param e the code's content
     * @return 16 lower-case hex digits: the first 8 bytes of the SHA-256 of the code's signed body
     *         ({@link #body}), which holds the code's random credential, so each issued code has its own
     */
    public static String codeId(StationEnrollment e) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body(e));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    /** @return the length of the body within decoded bytes (all but the signature) */
    static int bodyLength(byte[] all) {
        return all.length - SIGNATURE_LENGTH;
    }

    private static String string(ByteBuffer b) {
        int n = b.get() & 0xff;
        byte[] s = new byte[n];
        b.get(s);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a text field is not UTF-8", e);
        }
    }
}

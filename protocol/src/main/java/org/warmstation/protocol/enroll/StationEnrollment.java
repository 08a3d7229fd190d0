package org.warmstation.protocol.enroll;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.warmstation.protocol.card.MemberCard;

/**
 * What a station enrollment code tells a new terminal: which station it is, where, which broker it
 * talks to and with which credential. The layout of the signed form is in
 * {@code docs/decisions/0060-station-enrollment-code.md}; {@link EnrollmentToken} signs and encodes it.
 *
 * @param districtId  6-digit administrative division code of the district that issued it, 1–16777215
 * @param stationId   the station id, 1–{@value #MAX_STATION_ID_BYTES} characters of {@code A-Z 0-9 -},
 *                    e.g. CY-0042; also the station's MQTT username
 * @param stationName the name shown on screen, 1–{@value #MAX_NAME_BYTES} bytes of UTF-8 (Chinese allowed)
 * @param latitude    decimal degrees (WGS-84), -90 to 90; carried to 6 decimals (about 0.1 m)
 * @param longitude   decimal degrees (WGS-84), -180 to 180; carried to 6 decimals
 * @param brokerUrl   the district's MQTT broker, {@code tcp://} or {@code ssl://}, at most
 *                    {@value #MAX_URL_BYTES} ASCII characters
 * @param credential  the station's MQTT password, {@value #MIN_CREDENTIAL_LENGTH}–{@value #MAX_CREDENTIAL_LENGTH}
 *                    characters of {@code A-Z a-z 0-9 _ -}; issued anew with each code
 * @param expiresAt   the last instant the code may be used; carried to whole seconds (1970–2106)
 * @param keyId       the id of the district key that signs it, 0–65535
 * @param caPin       the SHA-256 fingerprint of the broker's CA certificate (DER), 64 lower-case hex
 *                    digits: the terminal trusts only a broker chain ending at that CA (decision
 *                    0180); required with {@code ssl://}, null with {@code tcp://} (lab codes only)
 */
public record StationEnrollment(int districtId, String stationId, String stationName, double latitude,
                                double longitude, String brokerUrl, String credential, Instant expiresAt,
                                int keyId, String caPin) {
    /** Longest station id in bytes. */
    public static final int MAX_STATION_ID_BYTES = 16;
    /** Longest station name in UTF-8 bytes (20 Chinese characters). */
    public static final int MAX_NAME_BYTES = 60;
    /** Longest broker URL in bytes. */
    public static final int MAX_URL_BYTES = 100;
    /** Shortest credential. */
    public static final int MIN_CREDENTIAL_LENGTH = 12;
    /** Longest credential. */
    public static final int MAX_CREDENTIAL_LENGTH = 64;

    /**
     * @throws IllegalArgumentException naming the field that breaks a rule above
     * @throws NullPointerException     when a field is null
     */
    public StationEnrollment {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(stationName, "stationName");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (districtId < 1 || districtId > MemberCard.MAX_DISTRICT_ID) {
            throw new IllegalArgumentException("district id out of range: " + districtId);
        }
        if (stationId.isEmpty() || stationId.length() > MAX_STATION_ID_BYTES || !stationId.matches("[A-Z0-9-]+")) {
            throw new IllegalArgumentException("station id must be 1-" + MAX_STATION_ID_BYTES
                    + " characters of A-Z, 0-9 and '-': '" + stationId + "'");
        }
        int nameBytes = stationName.getBytes(StandardCharsets.UTF_8).length;
        if (stationName.isBlank() || nameBytes > MAX_NAME_BYTES || stationName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("station name must be 1-" + MAX_NAME_BYTES
                    + " bytes of UTF-8 without control characters (found " + nameBytes + " bytes)");
        }
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90: " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180: " + longitude);
        }
        if (brokerUrl.length() > MAX_URL_BYTES || !brokerUrl.matches("(tcp|ssl)://[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException("broker URL must be tcp://... or ssl://..., printable ASCII, at most "
                    + MAX_URL_BYTES + " characters: '" + brokerUrl + "'");
        }
        if (credential.length() < MIN_CREDENTIAL_LENGTH || credential.length() > MAX_CREDENTIAL_LENGTH
                || !credential.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("credential must be " + MIN_CREDENTIAL_LENGTH + "-" + MAX_CREDENTIAL_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (expiresAt.getEpochSecond() < 0 || expiresAt.getEpochSecond() > 0xffff_ffffL) {
            throw new IllegalArgumentException("expiry outside 1970..2106: " + expiresAt);
        }
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("key id out of range: " + keyId);
        }
        if (brokerUrl.startsWith("ssl://") && (caPin == null || !caPin.matches("[0-9a-f]{64}"))) {
            throw new IllegalArgumentException("an ssl:// code needs the broker CA's SHA-256 pin, 64 lower-case hex digits");
        }
        if (brokerUrl.startsWith("tcp://") && caPin != null) {
            throw new IllegalArgumentException("a tcp:// code carries no CA pin");
        }
    }

    /**
     * A code without CA pin: only for a {@code tcp://} broker (a lab); otherwise as the canonical
     * constructor.
     *
     * @throws IllegalArgumentException as the canonical constructor, and for an {@code ssl://} URL
     */
    public StationEnrollment(int districtId, String stationId, String stationName, double latitude,
                             double longitude, String brokerUrl, String credential, Instant expiresAt, int keyId) {
        this(districtId, stationId, stationName, latitude, longitude, brokerUrl, credential, expiresAt, keyId, null);
    }

    /** @return whether the broker is reached over plain TCP, which a terminal accepts only in lab mode */
    public boolean insecure() {
        return brokerUrl.startsWith("tcp://");
    }

    /** The credential is a secret: never in logs. */
    @Override
    public String toString() {
        return "StationEnrollment[district=" + districtId + ", station=" + stationId + " " + stationName + ", at "
                + latitude + "," + longitude + ", broker " + brokerUrl + ", expires " + expiresAt
                + String.format(", key %04x", keyId) + (caPin == null ? ", no CA pin]" : ", CA pin " + caPin.substring(0, 12) + "…]");
    }
}

package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A newly enrolled terminal's one-time request for its own broker password (decision 0181), station
 * to district on {@link EnrollTopics#request} at QoS 1, not retained, sent while connected as the
 * code's enrollment account ({@link EnrollTopics#account}) with the QR code's credential. The district
 * accepts the first request of a registered, unexpired code and refuses (and records) every later
 * one; it answers with an {@link EnrollReply}.
 *
 * @param schema     always {@link #SCHEMA}
 * @param district   the district of the code
 * @param station    the station id of the code
 * @param codeId     the code's id, {@link #CODE_ID_PATTERN} ({@code EnrollmentToken.codeId}: 16 hex
 *                   digits of the SHA-256 of the signed code)
 * @param terminalId a random id the terminal draws once per enrollment (UUID text); the reply
 *                   names it, so a terminal takes only its own answer
 * @param stationKey Base64 X.509 of the terminal's new Ed25519 day-summary public key, or null
 *                   (the district registers it for the station with the enrollment)
 * @param epochId    the id of the terminal's visit-log epoch (at most 64 characters of
 *                   {@code A-Z a-z 0-9 _ -}), or null
 * @param appVersion the terminal software version
 * @param at         when the terminal sent it (station clock)
 */
public record EnrollRequest(String schema, int district, String station, String codeId, String terminalId,
                            String stationKey, String epochId, String appVersion, Instant at) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.enroll/1";
    /** Shape of a code id: 16 lower-case hex digits. */
    public static final Pattern CODE_ID_PATTERN = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TERMINAL_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    private static final Pattern EPOCH_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    /** @throws IllegalArgumentException naming the first invalid field */
    public EnrollRequest {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(codeId, "codeId");
        if (!CODE_ID_PATTERN.matcher(codeId).matches()) {
            throw new IllegalArgumentException("codeId must be 16 lower-case hex digits: '" + Check.abbreviate(codeId) + "'");
        }
        Objects.requireNonNull(terminalId, "terminalId");
        if (!TERMINAL_ID.matcher(terminalId).matches()) {
            throw new IllegalArgumentException("terminalId must be 1-64 of A-Z a-z 0-9 '-'");
        }
        Check.text("stationKey", stationKey, 200);
        if (epochId != null && !EPOCH_ID.matcher(epochId).matches()) {
            throw new IllegalArgumentException("epochId must be 1-64 of A-Z a-z 0-9 '_' '-'");
        }
        Objects.requireNonNull(appVersion, "appVersion");
        Check.text("appVersion", appVersion, 64);
        Objects.requireNonNull(at, "at");
    }
}

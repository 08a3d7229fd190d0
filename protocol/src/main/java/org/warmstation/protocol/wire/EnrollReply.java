package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The district's answer to an {@link EnrollRequest}, district to terminal on
 * {@link EnrollTopics#reply} at QoS 1, not retained (decision 0181). The topic is readable only by
 * the code's enrollment account (broker ACL), and the terminal takes only a reply naming its own
 * {@code terminalId}.
 *
 * @param schema     always {@link #SCHEMA}
 * @param district   the district
 * @param station    the station
 * @param codeId     the code's id, as in the request
 * @param terminalId the requesting terminal's id, as in the request
 * @param outcome    accepted or refused
 * @param password   when accepted: the station's new broker password (12–64 of
 *                   {@code A-Z a-z 0-9 _ -}), in force at the broker before this reply is sent;
 *                   null when refused
 * @param reason     when refused: why; null when accepted
 * @param at         when the district decided
 */
public record EnrollReply(String schema, int district, String station, String codeId, String terminalId,
                          Outcome outcome, String password, Refusal reason, Instant at) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.enroll-reply/1";
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{12,64}");

    /** The district's decision. */
    public enum Outcome {
        /** The code was unused: its use is recorded and the station has a new password. */
        ACCEPTED,
        /** Refused; the attempt is recorded. */
        REFUSED
    }

    /** Why a request was refused. */
    public enum Refusal {
        /** No code of that id was registered at the district for this station. */
        UNKNOWN_CODE,
        /** The code was used already (by another terminal, or this one before). */
        ALREADY_USED,
        /** The code's validity ended. */
        EXPIRED,
        /** The request came from another enrollment account than the code's station. */
        WRONG_ACCOUNT
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public EnrollReply {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(codeId, "codeId");
        if (!EnrollRequest.CODE_ID_PATTERN.matcher(codeId).matches()) {
            throw new IllegalArgumentException("codeId must be 16 lower-case hex digits");
        }
        Objects.requireNonNull(terminalId, "terminalId");
        Check.text("terminalId", terminalId, 64);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        if (outcome == Outcome.ACCEPTED) {
            if (password == null || !PASSWORD.matcher(password).matches() || reason != null) {
                throw new IllegalArgumentException("an accepted reply carries a password of 12-64 of A-Z a-z 0-9 _ - "
                        + "and no reason");
            }
        } else if (password != null || reason == null) {
            throw new IllegalArgumentException("a refused reply carries a reason and no password");
        }
    }

    /**
     * @param request  the request answered
     * @param password the station's new broker password
     * @param at       decision instant
     * @return an accepted reply
     */
    public static EnrollReply accepted(EnrollRequest request, String password, Instant at) {
        return new EnrollReply(SCHEMA, request.district(), request.station(), request.codeId(), request.terminalId(),
                Outcome.ACCEPTED, password, null, at);
    }

    /**
     * @param request the request answered
     * @param reason  why
     * @param at      decision instant
     * @return a refused reply
     */
    public static EnrollReply refused(EnrollRequest request, Refusal reason, Instant at) {
        return new EnrollReply(SCHEMA, request.district(), request.station(), request.codeId(), request.terminalId(),
                Outcome.REFUSED, null, reason, at);
    }

    /** The password is a secret: never in logs. */
    @Override
    public String toString() {
        return "EnrollReply[" + district + "/" + station + " code " + codeId + " terminal " + terminalId + ": " + outcome
                + (reason == null ? "" : " " + reason) + " at " + at + "]";
    }
}

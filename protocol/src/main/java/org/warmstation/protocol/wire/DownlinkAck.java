package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A station's answer to a verified {@link DownlinkCommand}, station to district on
 * {@code ws/v1/{district}/{station}/downlink-ack} at QoS 1 (schema
 * {@code docs/schemas/downlink-ack.schema.json}). Messages that fail verification are not
 * answered (they are logged and ignored), so that a forger learns nothing.
 *
 * @param schema    always {@link #SCHEMA}
 * @param district  the district
 * @param station   the station
 * @param commandId the command's id
 * @param outcome   what the station did
 * @param message   detail for the district's log (at most 500 characters), or null
 * @param at        when the station decided (station clock)
 */
public record DownlinkAck(String schema, int district, String station, UUID commandId, Outcome outcome,
                          String message, Instant at) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.downlink-ack/1";

    /** What the station did with a command. */
    public enum Outcome {
        /** Applied atomically and in force. */
        APPLIED,
        /** Refused: stale (older than the last applied of its kind) or not applicable; nothing changed. */
        REFUSED,
        /** Applying failed (e.g. disk full); nothing changed. */
        FAILED
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public DownlinkAck {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(outcome, "outcome");
        Check.text("message", message, 500);
        Objects.requireNonNull(at, "at");
    }

    /**
     * @param command the command answered
     * @param outcome the outcome
     * @param message detail, or null; cut to 500 characters
     * @param at      decision instant
     * @return the ack
     */
    public static DownlinkAck of(DownlinkCommand command, Outcome outcome, String message, Instant at) {
        String m = message == null || message.length() <= 500 ? message : message.substring(0, 500);
        return new DownlinkAck(SCHEMA, command.district(), command.station(), command.id(), outcome, m, at);
    }
}

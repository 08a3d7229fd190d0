package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A downlink whose signature verified and which is addressed to this station, but whose command
 * is invalid (a malformed opening span, an unknown service, ...): the district sent it, so the
 * station answers it with a {@link DownlinkAck.Outcome#REFUSED} ack naming the fault, instead of
 * ignoring it as it does a forgery. Nothing of the command is applied.
 */
public final class InvalidCommandException extends WireFormatException {
    private static final long serialVersionUID = 1L;

    /** The fields of a command that are read even when the rest is invalid. */
    record Header(String schema, UUID id, int district, String station, String kind) {
    }

    private final transient Header header;

    InvalidCommandException(Header header, String reason, Throwable cause) {
        super(reason, cause);
        this.header = Objects.requireNonNull(header, "header");
    }

    /** @return the refused command's id */
    public UUID commandId() {
        return header.id();
    }

    /** @return the refused command's kind as sent (possibly one this station does not know), or null */
    public String kind() {
        return header.kind();
    }

    /**
     * @param at decision instant (station clock)
     * @return the REFUSED ack naming the fault (cut to 500 characters)
     */
    public DownlinkAck refusal(Instant at) {
        String m = "invalid command: " + getMessage();
        return new DownlinkAck(DownlinkAck.SCHEMA, header.district(), header.station(), header.id(),
                DownlinkAck.Outcome.REFUSED, m.length() <= 500 ? m : m.substring(0, 500), at);
    }
}

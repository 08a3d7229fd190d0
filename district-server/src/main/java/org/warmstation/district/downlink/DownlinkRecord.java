package org.warmstation.district.downlink;

import java.time.Instant;
import java.util.UUID;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;

/**
 * One row of the district's {@code downlink} table: a command for one station, its delivery and
 * the station's answer.
 *
 * @param district    district id
 * @param station     station id
 * @param commandId   the command id (echoed by the station's ack)
 * @param kind        the command's kind
 * @param listVersion the deny- or trust-list version the command carries, or null for other kinds
 * @param issuedAt    when the district issued it
 * @param queuedBy    who queued it (console user, {@code cli:NAME}, {@code reconciler}), or null
 * @param firstSentAt when the district server first published it, or null while queued
 * @param lastSentAt  when it was last published (the first time, or a re-send on the station's birth), or null
 * @param sendCount   how often it was published
 * @param ackedAt     when the station decided (station clock, from the ack), or null when no ack came yet
 * @param outcome     the station's outcome, or null when no ack came yet
 * @param message     the ack's detail, or null
 */
public record DownlinkRecord(int district, String station, UUID commandId, DownlinkCommand.Kind kind,
                             Long listVersion, Instant issuedAt, String queuedBy, Instant firstSentAt,
                             Instant lastSentAt, int sendCount, Instant ackedAt, DownlinkAck.Outcome outcome,
                             String message) {

    /** @return whether the station answered (any outcome) */
    public boolean acked() {
        return outcome != null;
    }
}

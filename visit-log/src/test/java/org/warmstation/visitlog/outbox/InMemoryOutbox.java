package org.warmstation.visitlog.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.wire.WireVisit;

/**
 * An {@link Outbox} of visits held in memory ({@link InMemoryTypedOutbox}): the same contract as
 * {@link SqliteOutbox}, without durability. Thread-safe (calls are serialised); never blocks on I/O.
 */
public final class InMemoryOutbox extends InMemoryTypedOutbox<WireVisit> implements Outbox {
    /**
     * Adds a new visit as a CREATED entry (what the visit store does when it records a visit).
     *
     * @param visit the visit; its seq must be the next one (highest so far + 1)
     * @param at    creation time
     * @throws IllegalArgumentException when the seq is not the next one or the uuid is already held
     */
    public void append(WireVisit visit, Instant at) {
        add(Objects.requireNonNull(visit, "visit"), at);
    }

    /**
     * Replaces a visit's services, bumps its revision and sets its entry back to CREATED (what the
     * visit store does on a services update).
     *
     * @param uuid     the visit
     * @param services the services now used
     * @return the visit at its new revision
     * @throws IllegalArgumentException when the visit is not held
     */
    public synchronized WireVisit revise(UUID uuid, List<String> services) {
        WireVisit v = current(uuid).orElseThrow(() -> new IllegalArgumentException("no visit " + uuid + " in the outbox"));
        return replace(new WireVisit(v.uuid(), v.seq(), v.revision() + 1, v.recordedAt(), v.zone(), v.memberId(),
                v.cardSerial(), v.category(), services, v.source(), v.clockSynced(), v.sinceBootMs()));
    }
}

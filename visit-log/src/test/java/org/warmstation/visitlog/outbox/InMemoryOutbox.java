package org.warmstation.visitlog.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.warmstation.protocol.wire.WireVisit;

/**
 * An {@link Outbox} held in memory, for simulated stations (load tests with many stations in one
 * process) and demos: the same contract as {@link SqliteOutbox}, without durability — its content
 * is gone when the process ends. Thread-safe (calls are serialised); never blocks on I/O.
 */
public final class InMemoryOutbox implements Outbox {
    private enum State { CREATED, PUBLISHED, CONFIRMED }

    private static final class Entry {
        WireVisit visit;
        State state = State.CREATED;
        Instant createdAt;
        Instant publishedAt;
        Instant confirmedAt;
    }

    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<UUID, Long> seqOf = new HashMap<>();
    private long highestSeq;

    /**
     * Adds a new visit as a CREATED entry (what the visit store does when it records a visit).
     *
     * @param visit the visit; its seq must be the next one (highest so far + 1)
     * @param at    creation time
     * @throws IllegalArgumentException when the seq is not the next one or the uuid is already held
     */
    public synchronized void append(WireVisit visit, Instant at) {
        Objects.requireNonNull(visit, "visit");
        if (visit.seq() != highestSeq + 1) {
            throw new IllegalArgumentException("next seq is " + (highestSeq + 1) + ", not " + visit.seq());
        }
        if (seqOf.containsKey(visit.uuid())) {
            throw new IllegalArgumentException("visit " + visit.uuid() + " is already in the outbox");
        }
        Entry e = new Entry();
        e.visit = visit;
        e.createdAt = at;
        entries.put(visit.seq(), e);
        seqOf.put(visit.uuid(), visit.seq());
        highestSeq = visit.seq();
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
        Long seq = seqOf.get(uuid);
        Entry e = seq == null ? null : entries.get(seq);
        if (e == null) {
            throw new IllegalArgumentException("no visit " + uuid + " in the outbox");
        }
        WireVisit v = e.visit;
        e.visit = new WireVisit(v.uuid(), v.seq(), v.revision() + 1, v.recordedAt(), v.zone(), v.memberId(),
                v.cardSerial(), v.category(), services, v.source(), v.clockSynced(), v.sinceBootMs());
        e.state = State.CREATED;
        e.publishedAt = null;
        e.confirmedAt = null;
        return e.visit;
    }

    @Override
    public synchronized List<WireVisit> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        Instant cutoff = now.minus(resendAfter);
        List<WireVisit> out = new ArrayList<>();
        for (Entry e : entries.tailMap(afterSeq, false).values()) {
            if (e.state == State.CREATED || (e.state == State.PUBLISHED && !e.publishedAt.isAfter(cutoff))) {
                out.add(e.visit);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void markPublished(Collection<WireVisit> visits, Instant at) {
        for (WireVisit v : visits) {
            Entry e = entries.get(v.seq());
            if (e != null && e.visit.revision() == v.revision() && e.state != State.CONFIRMED) {
                e.state = State.PUBLISHED;
                e.publishedAt = at;
            }
        }
    }

    @Override
    public synchronized int confirm(Collection<WireVisit> visits, Instant at) {
        int n = 0;
        for (WireVisit v : visits) {
            Entry e = entries.get(v.seq());
            if (e != null && e.visit.uuid().equals(v.uuid()) && e.visit.revision() <= v.revision()
                    && e.state != State.CONFIRMED) {
                e.state = State.CONFIRMED;
                e.confirmedAt = at;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int requeue(long fromSeq, long toSeq) {
        int n = 0;
        for (Entry e : entries.subMap(fromSeq, true, toSeq, true).values()) {
            e.state = State.CREATED;
            e.publishedAt = null;
            e.confirmedAt = null;
            n++;
        }
        return n;
    }

    @Override
    public synchronized int purgeConfirmed(Instant confirmedBefore) {
        int n = 0;
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.state == State.CONFIRMED && e.confirmedAt.isBefore(confirmedBefore) && e.visit.seq() < highestSeq) {
                it.remove();
                seqOf.remove(e.visit.uuid());
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized OutboxStats stats(Instant now) {
        long waiting = 0;
        long published = 0;
        Instant oldest = null;
        Long minPending = null;
        for (Entry e : entries.values()) {
            if (e.state != State.CONFIRMED) {
                waiting++;
                if (e.state == State.PUBLISHED) {
                    published++;
                }
                if (oldest == null || e.createdAt.isBefore(oldest)) {
                    oldest = e.createdAt;
                }
                if (minPending == null) {
                    minPending = e.visit.seq();
                }
            }
        }
        Optional<Duration> age = oldest == null ? Optional.empty()
                : Optional.of(oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now));
        return new OutboxStats(waiting, published, age, minPending == null ? highestSeq : minPending - 1, highestSeq);
    }

    @Override
    public void close() {
        // nothing to release
    }
}

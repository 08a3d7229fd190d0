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
import org.warmstation.protocol.wire.OutboxEntry;

/**
 * A {@link TypedOutbox} held in memory, for simulated stations (load tests with many stations in
 * one process), demos and drainer tests: the same contract as the SQLite outboxes, without
 * durability — its content is gone when the process ends. Subclasses add and revise entries the
 * way their kind's recorder does. Thread-safe (calls are serialised); never blocks on I/O.
 *
 * @param <E> the entries
 */
public abstract class InMemoryTypedOutbox<E extends OutboxEntry> implements TypedOutbox<E> {
    private enum State { CREATED, PUBLISHED, CONFIRMED }

    private final class Entry {
        E value;
        State state = State.CREATED;
        Instant createdAt;
        Instant publishedAt;
        Instant confirmedAt;
    }

    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<UUID, Long> seqOf = new HashMap<>();
    private long highestSeq;

    /**
     * Adds a new entry as CREATED (what a recorder does when it records).
     *
     * @param value the entry; its seq must be the next one (highest so far + 1)
     * @param at    creation time
     * @throws IllegalArgumentException when the seq is not the next one or the uuid is already held
     */
    protected final synchronized void add(E value, Instant at) {
        Objects.requireNonNull(value, "value");
        if (value.seq() != highestSeq + 1) {
            throw new IllegalArgumentException("next seq is " + (highestSeq + 1) + ", not " + value.seq());
        }
        if (seqOf.containsKey(value.uuid())) {
            throw new IllegalArgumentException(value.kind() + " " + value.uuid() + " is already in the outbox");
        }
        Entry e = new Entry();
        e.value = value;
        e.createdAt = at;
        entries.put(value.seq(), e);
        seqOf.put(value.uuid(), value.seq());
        highestSeq = value.seq();
    }

    /** @return the next seq to {@link #add} */
    protected final synchronized long nextSeq() {
        return highestSeq + 1;
    }

    /**
     * @param uuid an entry's id
     * @return the entry at its current revision, or empty when not held
     */
    public final synchronized Optional<E> current(UUID uuid) {
        Long seq = seqOf.get(uuid);
        return seq == null ? Optional.empty() : Optional.of(entries.get(seq).value);
    }

    /**
     * Replaces an entry by its next revision and sets it back to CREATED (what a recorder does on
     * a revision).
     *
     * @param next the entry at its new revision (same uuid and seq)
     * @return {@code next}
     * @throws IllegalArgumentException when the entry is not held
     */
    protected final synchronized E replace(E next) {
        Long seq = seqOf.get(next.uuid());
        Entry e = seq == null ? null : entries.get(seq);
        if (e == null || e.value.seq() != next.seq()) {
            throw new IllegalArgumentException("no " + next.kind() + " " + next.uuid() + " in the outbox");
        }
        e.value = next;
        e.state = State.CREATED;
        e.publishedAt = null;
        e.confirmedAt = null;
        return next;
    }

    /**
     * @param afterSeq only larger seqs
     * @param limit    most entries
     * @return every held entry (any state) in seq order
     */
    protected final synchronized List<E> held(long afterSeq, int limit) {
        return entries.tailMap(afterSeq, false).values().stream().limit(limit).map(e -> e.value).toList();
    }

    @Override
    public synchronized List<E> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        Instant cutoff = now.minus(resendAfter);
        List<E> out = new ArrayList<>();
        for (Entry e : entries.tailMap(afterSeq, false).values()) {
            if (e.state == State.CREATED || (e.state == State.PUBLISHED && !e.publishedAt.isAfter(cutoff))) {
                out.add(e.value);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void markPublished(Collection<E> published, Instant at) {
        for (E v : published) {
            Entry e = entries.get(v.seq());
            if (e != null && e.value.revision() == v.revision() && e.state != State.CONFIRMED) {
                e.state = State.PUBLISHED;
                e.publishedAt = at;
            }
        }
    }

    @Override
    public synchronized int confirm(Collection<E> acknowledged, Instant at) {
        int n = 0;
        for (E v : acknowledged) {
            Entry e = entries.get(v.seq());
            if (e != null && e.value.uuid().equals(v.uuid()) && e.value.revision() <= v.revision()
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
            if (e.state == State.CONFIRMED && e.confirmedAt.isBefore(confirmedBefore) && e.value.seq() < highestSeq) {
                it.remove();
                seqOf.remove(e.value.uuid());
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
                    minPending = e.value.seq();
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

package org.warmstation.sync.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.warmstation.protocol.wire.OutboxEntry;

/**
 * What one {@link Drainer} has published and not yet seen acknowledged: the batches awaiting the
 * district's ack (their entries are not sent again meanwhile), the last {@value #LATE_BATCHES}
 * batches whose wait ran out (a late ack still confirms them), and which batches have no
 * PUBLISHED mark yet (decision 0245). Memory only; not thread-safe (the agent's thread).
 *
 * @param <E> the entries
 */
final class SentBatches<E extends OutboxEntry> {
    /** How many batches whose wait ran out are remembered for a late ack. */
    static final int LATE_BATCHES = 64;

    /**
     * A published batch.
     *
     * @param entries     its entries, as published
     * @param publishedAt when
     * @param expiresAt   when its entries are due again without an ack (the wait in force when sent)
     * @param <E>         the entries
     */
    record Batch<E>(List<E> entries, Instant publishedAt, Instant expiresAt) {
    }

    /**
     * An acknowledged batch, taken out.
     *
     * @param batch  the batch
     * @param marked whether its PUBLISHED mark was written
     * @param <E>    the entries
     */
    record Taken<E>(Batch<E> batch, boolean marked) {
    }

    /** An entry in flight: its seq and revision, which name one entry's content. */
    private record InFlight(long seq, int revision) {
        static InFlight of(OutboxEntry e) {
            return new InFlight(e.seq(), e.revision());
        }
    }

    /** Batches awaiting the district's ack, in send order: their entries are in flight. */
    private final LinkedHashMap<UUID, Batch<E>> awaiting = new LinkedHashMap<>();
    /** Acknowledged batches whose confirmation is being written (decision 0320): still not sent again. */
    private final LinkedHashMap<UUID, Batch<E>> confirming = new LinkedHashMap<>();
    /** Batches whose PUBLISHED mark is not written yet, in send order. */
    private final LinkedHashMap<UUID, Batch<E>> unmarked = new LinkedHashMap<>();
    private final LinkedHashMap<UUID, Batch<E>> late = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Batch<E>> eldest) {
            return size() > LATE_BATCHES;
        }
    };

    /** Adds a batch just published, awaiting its ack, unmarked. */
    void add(UUID batchId, Batch<E> batch) {
        awaiting.put(batchId, batch);
        unmarked.put(batchId, batch);
    }

    /** @return how many batches await their ack */
    int awaiting() {
        return awaiting.size();
    }

    /**
     * @param due entries read as due, in increasing seq
     * @return those not in a batch awaiting its ack
     */
    List<E> notInFlight(List<E> due) {
        if ((awaiting.isEmpty() && confirming.isEmpty()) || due.isEmpty() || due.getFirst().seq() > highestInFlight()) {
            return due; // the common case of a drain: the page starts after everything in flight
        }
        // a resend pass while batches await their ack: only then the set of what is in flight,
        // keyed by (seq, revision), not by the entry record, whose hash covers every field
        Set<InFlight> inFlight = new HashSet<>();
        for (Batch<E> b : awaiting.values()) {
            b.entries().forEach(e -> inFlight.add(InFlight.of(e)));
        }
        for (Batch<E> b : confirming.values()) {
            b.entries().forEach(e -> inFlight.add(InFlight.of(e)));
        }
        return due.stream().filter(e -> !inFlight.contains(InFlight.of(e))).toList();
    }

    /**
     * @return the highest seq of the batches awaiting their ack or being confirmed (a batch's
     *         entries rise in seq)
     */
    private long highestInFlight() {
        long highest = 0;
        for (Batch<E> b : awaiting.values()) {
            highest = Math.max(highest, b.entries().getLast().seq());
        }
        for (Batch<E> b : confirming.values()) {
            highest = Math.max(highest, b.entries().getLast().seq());
        }
        return highest;
    }

    /**
     * Holds an acknowledged batch (taken out with {@link #take}) while its confirmation is written
     * elsewhere: its entries are not sent again meanwhile (decision 0320).
     *
     * @param batchId the batch
     * @param batch   the batch as taken
     */
    void confirming(UUID batchId, Batch<E> batch) {
        confirming.put(batchId, batch);
    }

    /**
     * Releases a batch held by {@link #confirming}: its confirmation is written, or failed (then its
     * entries are due again as the outbox says).
     *
     * @param batchId the batch
     */
    void confirmDone(UUID batchId) {
        confirming.remove(batchId);
    }

    /** @return how many acknowledged batches are being confirmed */
    int beingConfirmed() {
        return confirming.size();
    }

    /**
     * Moves the batches whose wait ran out to the late list; their entries are no longer in flight.
     *
     * @param now the current time
     * @return the batches moved, in send order
     */
    List<Batch<E>> expire(Instant now) {
        List<Batch<E>> expired = new ArrayList<>();
        Iterator<Map.Entry<UUID, Batch<E>>> it = awaiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UUID, Batch<E>> e = it.next();
            if (!e.getValue().expiresAt().isAfter(now)) {
                it.remove();
                late.put(e.getKey(), e.getValue());
                expired.add(e.getValue());
            }
        }
        return expired;
    }

    /**
     * Takes out the unmarked batches published at least {@code delay} before {@code now}; the
     * caller marks them.
     *
     * @param now   the current time
     * @param delay the mark delay
     * @return those batches, in send order
     */
    List<Batch<E>> takeOverdueUnmarked(Instant now, Duration delay) {
        List<Batch<E>> due = new ArrayList<>();
        Iterator<Batch<E>> it = unmarked.values().iterator();
        while (it.hasNext()) {
            Batch<E> b = it.next();
            if (b.publishedAt().plus(delay).isAfter(now)) {
                break; // send order: the rest were sent later
            }
            due.add(b);
            it.remove();
        }
        return due;
    }

    /**
     * @param delay the mark delay
     * @return when the oldest unmarked batch is due for its mark, if any is unmarked
     */
    Optional<Instant> nextMark(Duration delay) {
        return unmarked.isEmpty() ? Optional.empty()
                : Optional.of(unmarked.firstEntry().getValue().publishedAt().plus(delay));
    }

    /**
     * Takes out an acknowledged batch, awaiting or late.
     *
     * @param batchId the batch its ack names
     * @return the batch and whether it was marked, or empty for a batch not known (sent before a
     *         restart, or forgotten)
     */
    Optional<Taken<E>> take(UUID batchId) {
        Batch<E> b = awaiting.remove(batchId);
        if (b == null) {
            b = late.remove(batchId);
        }
        if (b == null) {
            return Optional.empty();
        }
        return Optional.of(new Taken<>(b, unmarked.remove(batchId) == null));
    }

    /**
     * The connection is gone: every batch awaiting its ack moves to the late list and nothing is
     * in flight any more.
     *
     * @return the batches that were unmarked, in send order; the caller marks them
     */
    List<Batch<E>> connectionLost() {
        List<Batch<E>> toMark = List.copyOf(unmarked.values());
        unmarked.clear();
        late.putAll(awaiting);
        awaiting.clear();
        return toMark;
    }
}

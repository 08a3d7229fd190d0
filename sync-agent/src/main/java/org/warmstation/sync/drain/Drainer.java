package org.warmstation.sync.drain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.OutboxEntry;
import org.warmstation.visitlog.outbox.TypedOutbox;

/**
 * Drains one kind's {@link TypedOutbox} to the broker: reads due entries page by page in seq order
 * (one page in memory), publishes each page as one batch at QoS 1 — at most as many publishes
 * awaiting their PUBACK as the shared {@link PublishWindow} allows, at most
 * {@code maxAwaitingAck} batches awaiting the district's ack, paced by a {@link TokenBucket}
 * (entries/s) — and confirms entries only when the district's ack for their batch names them
 * ({@link #confirmBatch}). A batch whose ack does not come within the {@link ResendTimer}'s wait
 * (first {@code resendAfter}, doubling with jitter while no ack comes, up to {@code resendCap}) is
 * forgotten (a late ack of one of the last 64 such batches still confirms); its entries are due again.
 * Entries of a batch still awaiting its ack are never sent again meanwhile.
 * Subclasses give the batch format and read their kind's ack. Outbox writes are grouped: one
 * {@code markPublished} per {@link #drain} call (every page it published), one {@code confirm}
 * per group of acks handed over together ({@link #confirmBatches}).
 *
 * <p>Runs on the agent's one thread ({@link #drain}, acks, {@link #connectionLost}); PUBACK
 * completions may come from any thread.
 *
 * @param <E> the entries
 */
public abstract class Drainer<E extends OutboxEntry> {
    private static final Logger log = LoggerFactory.getLogger(Drainer.class);
    private static final int LATE_BATCHES = 64;

    /** Publishes a batch; {@code done} is called with null on PUBACK, else with the failure. */
    @FunctionalInterface
    public interface Publisher {
        /**
         * @param payload the encoded batch
         * @param done    completion callback (any thread)
         */
        void publish(byte[] payload, Consumer<Throwable> done);
    }

    /**
     * Batch and ack limits of one drainer.
     *
     * @param batchSize      entries per batch, at least 1
     * @param maxAwaitingAck batches awaiting the district's ack, at least 1
     * @param resendAfter    how long a batch waits for its ack before its entries are due again,
     *                       while the district answers
     * @param resendCap      the longest such wait (before jitter) while no ack comes
     */
    public record Limits(int batchSize, int maxAwaitingAck, Duration resendAfter, Duration resendCap) {
        /** @throws IllegalArgumentException for a size below 1 or a negative timeout */
        public Limits {
            if (batchSize < 1 || maxAwaitingAck < 1) {
                throw new IllegalArgumentException("batch size and ack window must be >= 1");
            }
            if (Objects.requireNonNull(resendAfter, "resendAfter").isNegative()
                    || Objects.requireNonNull(resendCap, "resendCap").isNegative()) {
                throw new IllegalArgumentException("resend timeouts must not be negative");
            }
        }

        /**
         * Limits whose resend wait grows up to 16 times {@code resendAfter}.
         *
         * @param batchSize      entries per batch
         * @param maxAwaitingAck batches awaiting the district's ack
         * @param resendAfter    the first resend wait
         */
        public Limits(int batchSize, int maxAwaitingAck, Duration resendAfter) {
            this(batchSize, maxAwaitingAck, resendAfter, resendAfter.multipliedBy(16));
        }
    }

    /**
     * An encoded batch.
     *
     * @param batchId the id its ack will name
     * @param payload the bytes to publish
     */
    protected record Batch(UUID batchId, byte[] payload) {
    }

    /** An entry in flight: its seq and revision. */
    private record InFlight(long seq, int revision) {
        static InFlight of(OutboxEntry e) {
            return new InFlight(e.seq(), e.revision());
        }
    }

    /** A published batch; its entries are due again from {@code expiresAt} (the wait in force when it was sent). */
    private record Pending<E>(List<E> entries, Instant publishedAt, Instant expiresAt) {
    }

    private final TypedOutbox<E> outbox;
    private final InstantSource clock;
    private final Limits limits;
    private final PublishWindow window;
    private final TokenBucket bucket;
    private final ResendTimer resend;
    /**
     * Seq and revision of the entries of the batches in {@link #awaiting}: not sent again while
     * their ack may come. Keyed by (seq, revision), which names one entry's content, not by the
     * entry record, whose hash covers every field (a tenth of the drain's CPU, decision 0240).
     */
    private final java.util.Set<InFlight> inFlight = new java.util.HashSet<>();
    private final LinkedHashMap<UUID, Pending<E>> awaiting = new LinkedHashMap<>();
    private final LinkedHashMap<UUID, Pending<E>> late = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Pending<E>> eldest) {
            return size() > LATE_BATCHES;
        }
    };
    private long cursor;
    private volatile Instant lastConfirmation;
    private long published;
    private long confirmed;

    /**
     * @param outbox the kind's outbox
     * @param clock  wall clock for publish and confirm times
     * @param limits batch and ack limits
     * @param window the publish window (shared by the agent's drainers)
     * @param bucket the pace (shared by the agent's drainers)
     */
    protected Drainer(TypedOutbox<E> outbox, InstantSource clock, Limits limits, PublishWindow window, TokenBucket bucket) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.window = Objects.requireNonNull(window, "window");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.resend = new ResendTimer(limits.resendAfter(), limits.resendCap(),
                java.util.concurrent.ThreadLocalRandom.current());
    }

    /**
     * @param page   due entries of the kind, increasing seq
     * @param sentAt the publish time
     * @return the page as one batch with a new id
     */
    protected abstract Batch encode(List<E> page, Instant sentAt);

    /**
     * Publishes what is due, as far as the windows and the pace allow.
     *
     * @param publisher the connected publisher
     * @return when to call again at the latest: {@link Duration#ZERO} when more could go now,
     *         otherwise the time until tokens, timeouts or a poll are due
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    public Duration drain(Publisher publisher) {
        Instant now = clock.instant();
        expire(now);
        List<E> sent = new ArrayList<>();
        try {
            return publishPages(publisher, now, sent);
        } finally {
            markPublished(sent, now);
        }
    }

    private Duration publishPages(Publisher publisher, Instant now, List<E> sent) {
        boolean wrapped = false;
        while (window.hasRoom() && awaiting.size() < limits.maxAwaitingAck()) {
            long nanos = System.nanoTime();
            Duration wait = bucket.waitFor(limits.batchSize(), nanos);
            if (!wait.isZero()) {
                return wait;
            }
            List<E> due = outbox.due(cursor, limits.batchSize(), now, limits.resendAfter());
            if (due.isEmpty()) {
                if (cursor == 0 || wrapped) {
                    return Duration.ofSeconds(1);
                }
                markPublished(sent, now); // before looking again from the start: what was just sent is not due
                cursor = 0; // wrap: look again from the start for resends and re-queued ranges
                wrapped = true;
                continue;
            }
            cursor = due.getLast().seq();
            List<E> page = inFlight.isEmpty() ? due : due.stream().filter(e -> !inFlight.contains(InFlight.of(e))).toList();
            if (page.isEmpty()) {
                continue; // all awaiting their ack (the wait grew beyond resendAfter)
            }
            bucket.tryTake(page.size(), nanos);
            send(publisher, page, now);
            sent.addAll(page);
        }
        return Duration.ofSeconds(1); // windows full: a PUBACK or an ack wakes the caller earlier
    }

    /**
     * Marks what this drain published, in one transaction, and forgets it. Marking after the
     * publish keeps the contract: acks are handled on this same thread, so no entry is confirmed
     * before it is marked, and the outbox is not read from the start again before the mark. If the
     * mark fails, the entries stay CREATED and are sent once more; the district drops the duplicates.
     */
    private void markPublished(List<E> sent, Instant now) {
        if (!sent.isEmpty()) {
            List<E> marking = List.copyOf(sent);
            sent.clear();
            outbox.markPublished(marking, now);
        }
    }

    private void send(Publisher publisher, List<E> page, Instant now) {
        Batch batch = encode(page, now);
        int gen = window.take();
        awaiting.put(batch.batchId(), new Pending<>(page, now, now.plus(resend.timeout())));
        page.forEach(e -> inFlight.add(InFlight.of(e)));
        published += page.size();
        publisher.publish(batch.payload(), error -> {
            window.release(gen);
            if (error != null) {
                log.debug("{} batch {} not delivered: {}", outbox.kind(), batch.batchId(), error.toString());
            }
        });
    }

    private void expire(Instant now) {
        Iterator<Map.Entry<UUID, Pending<E>>> it = awaiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UUID, Pending<E>> e = it.next();
            if (!e.getValue().expiresAt().isAfter(now)) {
                it.remove();
                e.getValue().entries().forEach(x -> inFlight.remove(InFlight.of(x)));
                resend.missed(e.getValue().publishedAt(), now);
                late.put(e.getKey(), e.getValue()); // a late ack still confirms
            }
        }
    }

    /**
     * A district ack of one batch.
     *
     * @param batchId the acknowledged batch
     * @param stored  which of the batch's entries, as published, the ack confirms
     * @param <E>     the entries
     */
    protected record Acked<E>(UUID batchId, Predicate<E> stored) {
    }

    /**
     * Confirms the entries of a batch that the district's ack names, if the batch is known (acks
     * of batches sent before a restart are ignored: those entries are resent and acked again).
     *
     * @param batchId the acknowledged batch
     * @param stored  which of the batch's entries, as published, the ack confirms
     * @return how many outbox entries became CONFIRMED
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    protected final int confirmBatch(UUID batchId, Predicate<E> stored) {
        return confirmBatches(List.of(new Acked<>(batchId, stored)));
    }

    /**
     * As {@link #confirmBatch} for several acks at once, in one outbox transaction (acks that
     * arrived together while this thread was busy).
     *
     * @param acks the acks, in arrival order
     * @return how many outbox entries became CONFIRMED
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    protected final int confirmBatches(List<Acked<E>> acks) {
        List<E> acked = new ArrayList<>();
        boolean known = false;
        for (Acked<E> a : acks) {
            Pending<E> p = awaiting.remove(a.batchId());
            if (p != null) {
                p.entries().forEach(x -> inFlight.remove(InFlight.of(x)));
            } else {
                p = late.remove(a.batchId());
            }
            if (p == null) {
                log.debug("{} ack of unknown batch {} ignored", outbox.kind(), a.batchId());
                continue;
            }
            known = true;
            resend.answered();
            int before = acked.size();
            p.entries().stream().filter(a.stored()).forEach(acked::add);
            if (acked.size() - before < p.entries().size()) {
                log.warn("district stored {} of {} {} entries of batch {}; the rest will be resent",
                        acked.size() - before, p.entries().size(), outbox.kind(), a.batchId());
            }
        }
        if (!known) {
            return 0;
        }
        Instant now = clock.instant();
        int n = acked.isEmpty() ? 0 : outbox.confirm(acked, now);
        confirmed += n;
        lastConfirmation = now;
        return n;
    }

    /**
     * The connection is gone: PUBACKs of this connection will not come, and the batches awaiting
     * an ack move to the late list (a late ack still confirms them; otherwise their entries are due
     * again after the resend timeout), so both windows reopen for the next connection.
     */
    public void connectionLost() {
        window.reset();
        late.putAll(awaiting);
        awaiting.clear();
        inFlight.clear();
    }

    /** @return when the district last confirmed entries of this kind, or null */
    public Instant lastConfirmation() {
        return lastConfirmation;
    }

    /** @return entries published since start (resends included) */
    public long published() {
        return published;
    }

    /** @return rounds in which batches timed out without an ack, since start (each grew the resend wait) */
    public long timedOutRounds() {
        return resend.timedOutRounds();
    }

    /** @return outbox entries confirmed since start */
    public long confirmed() {
        return confirmed;
    }
}

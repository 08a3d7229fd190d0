package org.warmstation.sync.drain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.OutboxEntry;
import org.warmstation.visitlog.outbox.ConfirmWriter;
import org.warmstation.visitlog.outbox.TypedOutbox;

/**
 * Drains one kind's {@link TypedOutbox} to the broker: reads due entries page by page in seq order
 * (one page in memory), publishes each page as one batch at QoS 1 — at most as many publishes
 * awaiting their PUBACK as the shared {@link PublishWindow} allows, at most
 * {@code maxAwaitingAck} batches awaiting the district's ack, paced by a {@link TokenBucket}
 * (entries/s) — and confirms entries only when the district's ack for their batch names them
 * ({@link #confirmBatch}). A batch whose ack does not come within the {@link ResendTimer}'s wait
 * (first {@code resendAfter}, doubling with jitter while no ack comes, up to {@code resendCap}) is
 * forgotten (a late ack of one of the last {@value SentBatches#LATE_BATCHES} such batches still
 * confirms); its entries are due again.
 * Entries of a batch still awaiting its ack are never sent again meanwhile.
 * Subclasses give the batch format and read their kind's ack. Outbox writes are grouped and
 * deferred: a batch is marked PUBLISHED only if its ack has not come within the mark delay
 * ({@link #MARK_DELAY}, at most half of {@code resendAfter}); a batch acked sooner goes from
 * CREATED to CONFIRMED in one write ({@code TypedOutbox.confirmSent}, with the same publish time
 * and attempt), one write per group of acks handed over together ({@link #confirmBatches}).
 * Batches still unmarked when the connection is lost are marked then (decision 0245).
 *
 * <p>Runs on the agent's one thread ({@link #drain}, acks, {@link #connectionLost}); PUBACK
 * completions may come from any thread. After {@link #confirmOn}, confirmations are written on the
 * writer's thread and counted back on the agent's thread (decision 0320).
 *
 * @param <E> the entries
 */
public abstract class Drainer<E extends OutboxEntry> {
    private static final Logger log = LoggerFactory.getLogger(Drainer.class);
    /** How long a batch may await its ack before its entries are marked PUBLISHED. */
    public static final Duration MARK_DELAY = Duration.ofSeconds(2);

    /**
     * Publishes a batch; {@code done} is called with null on PUBACK, else with the failure. The
     * batch is encoded when {@code payload} is called, on whatever thread the publisher chooses:
     * JSON and gzip are a quarter of the drain's work, and the agent does them on a thread of its
     * own, in send order (decision 0245).
     */
    @FunctionalInterface
    public interface Publisher {
        /**
         * @param payload encodes the batch (pure; may throw {@code WireFormatException}, which the
         *                publisher hands to {@code done})
         * @param done    completion callback (any thread)
         */
        void publish(java.util.function.Supplier<byte[]> payload, Consumer<Throwable> done);
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

    private final TypedOutbox<E> outbox;
    private final InstantSource clock;
    private final Limits limits;
    private final PublishWindow window;
    private final TokenBucket bucket;
    private final ResendTimer resend;
    private final SentBatches<E> sent = new SentBatches<>();
    private final Duration markDelay;
    private long cursor;
    /** Where confirmations are written (decision 0320); null: on this thread, through the outbox. */
    private ConfirmElsewhere<E> elsewhere;
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
        Duration half = limits.resendAfter().dividedBy(2);
        this.markDelay = half.compareTo(MARK_DELAY) < 0 ? half : MARK_DELAY;
    }

    /**
     * Encodes a batch; pure, called on the publisher's thread.
     *
     * @param batchId the id its ack will name
     * @param page    due entries of the kind, increasing seq
     * @param sentAt  the publish time
     * @return the batch's payload
     */
    protected abstract byte[] encode(UUID batchId, List<E> page, Instant sentAt);

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
        markOverdue(now); // before expiry: an expiring batch is always overdue (markDelay <= resendAfter / 2)
        expire(now);
        Duration next = publishPages(publisher, now);
        return sent.nextMark(markDelay).map(at -> {
            Duration mark = Duration.between(now, at);
            return mark.isNegative() ? Duration.ZERO : mark.compareTo(next) < 0 ? mark : next;
        }).orElse(next);
    }

    private Duration publishPages(Publisher publisher, Instant now) {
        boolean wrapped = false;
        // acknowledged batches whose confirmation is being written have a window of the same size
        while (window.hasRoom() && sent.awaiting() < limits.maxAwaitingAck()
                && sent.beingConfirmed() < limits.maxAwaitingAck()) {
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
                cursor = 0; // wrap: look again from the start for resends and re-queued ranges
                wrapped = true;
                continue;
            }
            cursor = due.getLast().seq();
            List<E> page = sent.notInFlight(due);
            if (page.isEmpty()) {
                continue; // all awaiting their ack (the wait grew beyond resendAfter)
            }
            bucket.tryTake(page.size(), nanos);
            send(publisher, page, now);
        }
        return Duration.ofSeconds(1); // windows full: a PUBACK or an ack wakes the caller earlier
    }

    /** Marks the batches that have awaited their ack for the mark delay. */
    private void markOverdue(Instant now) {
        mark(sent.takeOverdueUnmarked(now, markDelay));
    }

    /**
     * Writes PUBLISHED marks, one {@code markPublished} per publish time (a drain call's batches
     * share one). If a mark fails the entries stay CREATED and are sent once more; the district
     * drops the duplicates.
     */
    private void mark(List<SentBatches.Batch<E>> batches) {
        int i = 0;
        while (i < batches.size()) {
            Instant at = batches.get(i).publishedAt();
            List<E> entries = new ArrayList<>();
            for (; i < batches.size() && batches.get(i).publishedAt().equals(at); i++) {
                entries.addAll(batches.get(i).entries());
            }
            outbox.markPublished(entries, at);
        }
    }

    private void send(Publisher publisher, List<E> page, Instant now) {
        UUID batchId = UUID.randomUUID();
        int gen = window.take();
        sent.add(batchId, new SentBatches.Batch<>(page, now, now.plus(resend.timeout())));
        published += page.size();
        publisher.publish(() -> encode(batchId, page, now), error -> {
            window.release(gen);
            if (error != null) {
                log.debug("{} batch {} not delivered: {}", outbox.kind(), batchId, error.toString());
            }
        });
    }

    private void expire(Instant now) {
        for (SentBatches.Batch<E> b : sent.expire(now)) { // to the late list: a late ack still confirms
            resend.missed(b.publishedAt(), now);
        }
    }

    /**
     * A district ack of one batch: naming its entries, or counting them (decision 0275).
     *
     * @param batchId    the acknowledged batch
     * @param stored     which of the batch's entries, as published, the ack names (unused when
     *                   {@code wholeBatch} is set)
     * @param wholeBatch null, or how many entries the district counted in the batch: all of them
     *                   are confirmed if that is the number sent, none otherwise
     * @param <E>        the entries
     */
    protected record Acked<E>(UUID batchId, Predicate<E> stored, Integer wholeBatch) {
        /**
         * @param batchId the acknowledged batch
         * @param stored  which of the batch's entries, as published, the ack names
         */
        public Acked(UUID batchId, Predicate<E> stored) {
            this(batchId, stored, null);
        }

        /**
         * @param batchId the acknowledged batch
         * @param count   how many entries the district counted in it, all held (decision 0275)
         * @param <E>     entry type
         * @return an ack that confirms the whole batch if {@code count} is the number of entries sent
         */
        public static <E> Acked<E> whole(UUID batchId, int count) {
            return new Acked<>(batchId, e -> false, count);
        }

        private List<E> named(List<E> sent, String kind) {
            if (wholeBatch == null) {
                return sent.stream().filter(stored).toList();
            }
            if (wholeBatch == sent.size()) {
                return sent;
            }
            log.warn("district counted {} {} entries in batch {}, {} were sent: none confirmed by this ack",
                    wholeBatch, kind, batchId, sent.size());
            return List.of();
        }
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
     * @return how many outbox entries became CONFIRMED; when confirming elsewhere ({@link #confirmOn}),
     *         how many were handed to the writer
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    protected final int confirmBatches(List<Acked<E>> acks) {
        List<TypedOutbox.Sent<E>> confirming = new ArrayList<>();
        Map<UUID, SentBatches.Batch<E>> held = new LinkedHashMap<>();
        boolean known = false;
        for (Acked<E> a : acks) {
            Optional<SentBatches.Taken<E>> taken = sent.take(a.batchId());
            if (taken.isEmpty()) {
                log.debug("{} ack of unknown batch {} ignored", outbox.kind(), a.batchId());
                continue;
            }
            known = true;
            resend.answered();
            SentBatches.Batch<E> p = taken.get().batch();
            boolean marked = taken.get().marked();
            List<E> named = a.named(p.entries(), outbox.kind().toString());
            if (named.size() < p.entries().size()) {
                log.warn("district stored {} of {} {} entries of batch {}; the rest will be resent",
                        named.size(), p.entries().size(), outbox.kind(), a.batchId());
                if (!marked) { // the rest wait for the resend timeout, as marked entries do
                    Set<E> confirmedNow = Collections.newSetFromMap(new IdentityHashMap<>());
                    confirmedNow.addAll(named);
                    outbox.markPublished(p.entries().stream().filter(e -> !confirmedNow.contains(e)).toList(),
                            p.publishedAt());
                }
            }
            if (!named.isEmpty()) {
                confirming.add(new TypedOutbox.Sent<>(named, p.publishedAt(), marked));
                held.put(a.batchId(), p);
            }
        }
        if (!known) {
            return 0;
        }
        Instant now = clock.instant();
        if (elsewhere != null && !confirming.isEmpty()) {
            return confirmElsewhere(elsewhere, confirming, held, now);
        }
        int n = confirming.isEmpty() ? 0 : outbox.confirmSent(confirming, now);
        confirmed += n;
        lastConfirmation = now;
        return n;
    }

    /**
     * Writes confirmations on {@code writerThread} through {@code writer} from now on, instead of on
     * this drainer's thread (decision 0320): the drainer's thread reads and publishes the next
     * batches meanwhile. The acknowledged batches are held until their write is done — not sent
     * again, and at most {@code maxAwaitingAck} of them at once (a second window beside the ack
     * window: while it is full nothing more is published) — and {@code agentThread} then releases them and
     * counts what was confirmed. A failed write releases them too (the outbox still has their
     * entries waiting: they are sent again) and throws its {@code StoreException} on
     * {@code agentThread}, as a confirmation on this thread would have.
     *
     * @param writer       the outbox's confirm writer (the caller closes it after the last write)
     * @param writerThread runs the writes, one at a time, in order
     * @param agentThread  runs the completions on this drainer's thread
     */
    public void confirmOn(ConfirmWriter<E> writer, Executor writerThread, Executor agentThread) {
        elsewhere = new ConfirmElsewhere<>(Objects.requireNonNull(writer, "writer"),
                Objects.requireNonNull(writerThread, "writerThread"), Objects.requireNonNull(agentThread, "agentThread"));
    }

    /** Where confirmations are written: see {@link #confirmOn}. */
    private record ConfirmElsewhere<E extends OutboxEntry>(ConfirmWriter<E> writer, Executor writerThread,
                                                           Executor agentThread) {
    }

    /** @return the entries handed to the writer (0 when it no longer takes work: they stay due) */
    private int confirmElsewhere(ConfirmElsewhere<E> to, List<TypedOutbox.Sent<E>> confirming,
                                 Map<UUID, SentBatches.Batch<E>> held, Instant at) {
        held.forEach(sent::confirming);
        try {
            to.writerThread().execute(() -> {
                int n = 0;
                RuntimeException failure = null;
                try {
                    n = to.writer().confirmSent(confirming, at);
                } catch (RuntimeException e) {
                    failure = e;
                }
                int written = n;
                RuntimeException failed = failure;
                try {
                    to.agentThread().execute(() -> confirmWritten(held.keySet(), written, at, failed));
                } catch (RejectedExecutionException e) {
                    // stopping: the write is done, nothing waits for its count
                }
            });
        } catch (RejectedExecutionException e) { // stopping: the entries stay waiting in the outbox
            held.keySet().forEach(sent::confirmDone);
            return 0;
        }
        int handed = 0;
        for (TypedOutbox.Sent<E> s : confirming) {
            handed += s.entries().size();
        }
        return handed;
    }

    /** A write of {@link #confirmElsewhere} is done (on this drainer's thread). */
    private void confirmWritten(Collection<UUID> held, int n, Instant at, RuntimeException failure) {
        held.forEach(sent::confirmDone);
        confirmed += n;
        if (failure != null) {
            throw failure; // reported as a failed confirmation on this thread is; the entries are due again
        }
        lastConfirmation = at;
    }

    /**
     * The connection is gone: PUBACKs of this connection will not come, and the batches awaiting
     * an ack move to the late list (a late ack still confirms them; otherwise their entries are due
     * again after the resend timeout), so both windows reopen for the next connection.
     */
    public void connectionLost() {
        window.reset();
        List<SentBatches.Batch<E>> unmarked = sent.connectionLost();
        try { // their acks may still come late; meanwhile they wait for the resend timeout, as before
            mark(unmarked);
        } catch (RuntimeException e) {
            log.warn("{}: marking the batches in flight failed, they will be sent again: {}", outbox.kind(), e.toString());
        }
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

package org.warmstation.sync.drain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.outbox.Outbox;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.protocol.wire.Wire;

/**
 * Drains the {@link Outbox} to the broker: reads due visits page by page in seq order (one page in
 * memory), publishes them as {@link VisitBatch}es at QoS 1 with at most {@code maxInFlight}
 * publishes awaiting their PUBACK and at most {@code maxAwaitingAck} batches awaiting the
 * district's ack, paced to {@code drainRate} visits/s, and confirms visits only when a
 * {@link VisitAck} names them.
 *
 * <p>Runs on the agent's one thread ({@link #drain}, {@link #onAck}, {@link #connectionLost});
 * PUBACK completions may come from any thread.
 */
public final class OutboxDrainer {
    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int LATE_BATCHES = 64;

    /** Publishes a batch; {@code done} is called with null on PUBACK, else with the failure. */
    public interface Publisher {
        /**
         * @param payload the encoded batch
         * @param done    completion callback (any thread)
         */
        void publish(byte[] payload, java.util.function.Consumer<Throwable> done);
    }

    private record Pending(List<WireVisit> visits, Instant publishedAt) {
    }

    private final Outbox outbox;
    private final InstantSource clock;
    private final int district;
    private final String station;
    private final int batchSize;
    private final int maxInFlight;
    private final int maxAwaitingAck;
    private final Duration resendAfter;
    private final TokenBucket bucket;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private final LinkedHashMap<UUID, Pending> awaiting = new LinkedHashMap<>();
    private final LinkedHashMap<UUID, Pending> late = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Pending> eldest) {
            return size() > LATE_BATCHES;
        }
    };
    private long cursor;
    private volatile Instant lastConfirmation;
    private long published;
    private long confirmed;

    /**
     * @param outbox         the outbox
     * @param clock          wall clock for publish and confirm times
     * @param district       the station's district
     * @param station        the station
     * @param batchSize      visits per batch
     * @param maxInFlight    publishes awaiting PUBACK
     * @param maxAwaitingAck batches awaiting the district's ack
     * @param resendAfter    resend timeout
     * @param drainRate      visits per second
     */
    public OutboxDrainer(Outbox outbox, InstantSource clock, int district, String station, int batchSize,
                         int maxInFlight, int maxAwaitingAck, Duration resendAfter, int drainRate) {
        this.outbox = outbox;
        this.clock = clock;
        this.district = district;
        this.station = station;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.maxAwaitingAck = maxAwaitingAck;
        this.resendAfter = resendAfter;
        this.bucket = new TokenBucket(drainRate, Math.max(batchSize, drainRate), System.nanoTime());
    }

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
        while (inFlight.get() < maxInFlight && activeAwaiting() < maxAwaitingAck) {
            long nanos = System.nanoTime();
            Duration wait = bucket.waitFor(batchSize, nanos);
            if (!wait.isZero()) {
                return wait;
            }
            List<WireVisit> page = outbox.due(cursor, batchSize, now, resendAfter);
            if (page.isEmpty()) {
                if (cursor == 0) {
                    return Duration.ofSeconds(1);
                }
                cursor = 0; // wrap: look again from the start for resends and re-queued ranges
                continue;
            }
            cursor = page.getLast().seq();
            bucket.tryTake(page.size(), nanos);
            send(publisher, page, now);
        }
        return Duration.ofSeconds(1); // windows full: a PUBACK or an ack wakes the caller earlier
    }

    private void send(Publisher publisher, List<WireVisit> page, Instant now) {
        VisitBatch batch = VisitBatch.of(district, station, now, page);
        byte[] bytes = Wire.encode(batch);
        int gen = generation.get();
        inFlight.incrementAndGet();
        awaiting.put(batch.batchId(), new Pending(page, now));
        outbox.markPublished(page, now);
        published += page.size();
        publisher.publish(bytes, error -> {
            if (generation.get() == gen) {
                inFlight.decrementAndGet();
            }
            if (error != null) {
                log.debug("batch {} not delivered: {}", batch.batchId(), error.toString());
            }
        });
    }

    private int activeAwaiting() {
        return awaiting.size();
    }

    private void expire(Instant now) {
        Iterator<Map.Entry<UUID, Pending>> it = awaiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UUID, Pending> e = it.next();
            if (!e.getValue().publishedAt.plus(resendAfter).isAfter(now)) {
                it.remove();
                late.put(e.getKey(), e.getValue()); // a late ack still confirms
            }
        }
    }

    /**
     * Confirms the visits a district ack names, if the batch is known (acks of batches sent
     * before a restart are ignored: those visits are resent and acked again).
     *
     * @param ack the ack
     * @return how many outbox entries became CONFIRMED
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    public int onAck(VisitAck ack) {
        Pending p = awaiting.remove(ack.batchId());
        if (p == null) {
            p = late.remove(ack.batchId());
        }
        if (p == null) {
            log.debug("ack of unknown batch {} ignored", ack.batchId());
            return 0;
        }
        Set<UUID> stored = new HashSet<>(ack.stored());
        List<WireVisit> visits = p.visits.stream().filter(v -> stored.contains(v.uuid())).toList();
        Instant now = clock.instant();
        int n = outbox.confirm(visits, now);
        confirmed += n;
        lastConfirmation = now;
        if (visits.size() < p.visits.size()) {
            log.warn("district stored {} of {} visits of batch {}; the rest will be resent", visits.size(),
                    p.visits.size(), ack.batchId());
        }
        return n;
    }

    /**
     * The connection is gone: PUBACKs of this connection will not come, and the batches awaiting
     * an ack move to the late list (a late ack still confirms them; otherwise their visits are due
     * again after the resend timeout), so both windows reopen for the next connection.
     */
    public void connectionLost() {
        generation.incrementAndGet();
        inFlight.set(0);
        late.putAll(awaiting);
        awaiting.clear();
    }

    /** @return when the district last confirmed visits, or null */
    public Instant lastConfirmation() {
        return lastConfirmation;
    }

    /** @return visits published since start (resends included) */
    public long published() {
        return published;
    }

    /** @return outbox entries confirmed since start */
    public long confirmed() {
        return confirmed;
    }
}

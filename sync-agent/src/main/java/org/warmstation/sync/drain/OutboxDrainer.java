package org.warmstation.sync.drain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.outbox.Outbox;

/**
 * The {@link Drainer} of visits: publishes {@link VisitBatch}es ({@code ws.visits/1}, with the
 * outbox's visit-log epoch) and confirms
 * the visits a {@link VisitAck} names by uuid, or the whole batch when the ack counts it and the
 * count is right (decision 0275), at the revision that was sent. Threading as
 * {@link Drainer}.
 */
public final class OutboxDrainer extends Drainer<WireVisit> {
    /** Publishes a batch; {@code done} is called with null on PUBACK, else with the failure. */
    @FunctionalInterface
    public interface Publisher extends Drainer.Publisher {
    }

    private final int district;
    private final String station;
    /** The visit log's epoch, sent with every batch (null for a log from before epochs). */
    private final UUID epoch;

    /**
     * A visits drainer with a publish window and pace of its own.
     *
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
        this(outbox, clock, district, station, new Limits(batchSize, maxAwaitingAck, resendAfter),
                new PublishWindow(maxInFlight), TokenBucket.of(drainRate, batchSize));
    }

    /**
     * A visits drainer sharing its publish window and pace with the agent's other drainers.
     *
     * @param outbox   the outbox
     * @param clock    wall clock for publish and confirm times
     * @param district the station's district
     * @param station  the station
     * @param limits   batch and ack limits
     * @param window   the shared publish window
     * @param bucket   the shared pace
     */
    public OutboxDrainer(Outbox outbox, InstantSource clock, int district, String station, Limits limits,
                         PublishWindow window, TokenBucket bucket) {
        super(outbox, clock, limits, window, bucket);
        this.district = district;
        this.station = station;
        this.epoch = outbox.epoch().orElse(null);
    }

    @Override
    protected byte[] encode(UUID batchId, List<WireVisit> page, Instant sentAt) {
        return Wire.encodeCompressed(new VisitBatch(VisitBatch.SCHEMA, district, station, batchId, sentAt, page, epoch,
                true)); // a counted ack will do (decision 0275)
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
        return onAcks(List.of(ack));
    }

    /**
     * As {@link #onAck} for several acks at once, confirmed in one outbox transaction.
     *
     * @param acks the acks, in arrival order
     * @return how many outbox entries became CONFIRMED
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    public int onAcks(List<VisitAck> acks) {
        List<Acked<WireVisit>> all = new ArrayList<>(acks.size());
        for (VisitAck ack : acks) {
            if (ack.wholeBatch() != null) {
                all.add(Acked.whole(ack.batchId(), ack.wholeBatch()));
            } else {
                Set<UUID> stored = new HashSet<>(ack.stored());
                all.add(new Acked<>(ack.batchId(), v -> stored.contains(v.uuid())));
            }
        }
        return confirmBatches(all);
    }
}

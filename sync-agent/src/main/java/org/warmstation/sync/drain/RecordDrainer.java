package org.warmstation.sync.drain;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.outbox.RecordOutbox;

/**
 * The {@link Drainer} of one record kind (tickets, supplies, loans, ratings): publishes
 * {@link RecordBatch}es ({@code ws.records/1}) and confirms the records a {@link RecordAck}
 * names by uuid and revision (a record revised after its batch was sent stays queued). Threading
 * as {@link Drainer}.
 */
public final class RecordDrainer extends Drainer<WireRecord> {
    private final RecordKind kind;
    private final int district;
    private final String station;

    /**
     * @param outbox   the kind's outbox
     * @param clock    wall clock for publish and confirm times
     * @param district the station's district
     * @param station  the station
     * @param limits   batch and ack limits
     * @param window   the publish window shared with the agent's other drainers
     * @param bucket   the pace shared with the agent's other drainers
     */
    public RecordDrainer(RecordOutbox outbox, InstantSource clock, int district, String station, Limits limits,
                         PublishWindow window, TokenBucket bucket) {
        super(outbox, clock, limits, window, bucket);
        this.kind = outbox.kind();
        this.district = district;
        this.station = station;
    }

    /** @return the kind drained */
    public RecordKind kind() {
        return kind;
    }

    @Override
    protected byte[] encode(UUID batchId, List<WireRecord> page, Instant sentAt) {
        return Wire.encodeCompressed(new RecordBatch(RecordBatch.SCHEMA, district, station, batchId, sentAt, page));
    }

    /**
     * Confirms the records of a known batch that the ack names at their published revision or a
     * later one; an ack of another kind or of an unknown batch confirms nothing.
     *
     * @param ack the ack
     * @return how many outbox entries became CONFIRMED
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    public int onAck(RecordAck ack) {
        return onAcks(List.of(ack));
    }

    /**
     * As {@link #onAck} for several acks at once, confirmed in one outbox transaction; acks of
     * another kind are skipped.
     *
     * @param acks the acks, in arrival order
     * @return how many outbox entries became CONFIRMED
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the outbox fails
     */
    public int onAcks(List<RecordAck> acks) {
        List<Acked<WireRecord>> ours = new ArrayList<>(acks.size());
        for (RecordAck ack : acks) {
            if (ack.kind() == kind) {
                ours.add(new Acked<>(ack.batchId(), ack::confirms));
            }
        }
        return confirmBatches(ours);
    }
}

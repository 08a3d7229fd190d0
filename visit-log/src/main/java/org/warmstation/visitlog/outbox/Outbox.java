package org.warmstation.visitlog.outbox;

import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.WireVisit;

/**
 * The station's outbox of visits ({@link RecordKind#VISIT}) for the MQTT sync: the
 * {@link TypedOutbox} contract over {@link WireVisit}s, which the visit store writes in the same
 * transaction as each visit (and again when its services change). Visits travel as
 * {@code VisitBatch}es ({@code ws.visits/1}), are confirmed by a {@code VisitAck}
 * (see {@code docs/mqtt.md}), and a range can be re-queued by the district's {@code RESEND}
 * downlink after a day-close gap. Life cycle, order, retention, full store and threading: as
 * {@link TypedOutbox}.
 */
public interface Outbox extends TypedOutbox<WireVisit> {
    /** @return always {@link RecordKind#VISIT} */
    @Override
    default RecordKind kind() {
        return RecordKind.VISIT;
    }

    /**
     * @return the epoch of the visit log the visits come from (decision 0195), sent with every
     *         batch; empty for a log from before epochs (and by default). Fixed for the outbox's
     *         lifetime; blocks on storage at most once.
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    default Optional<UUID> epoch() {
        return Optional.empty();
    }
}

package org.warmstation.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.sync.drain.OutboxDrainer;
import org.warmstation.sync.drain.RecordDrainer;
import org.warmstation.visitlog.domain.StationClock;

/**
 * The district's acks (visits on {@code ack}, other records on {@code records-ack}) handed to the
 * drainer of their kind. A malformed ack, one for another station or one of a kind this agent
 * does not drain is logged and ignored. The commit time of each ack of this station is a time the
 * station has seen from the district: it raises the clock's floor ({@link StationClock#saw}).
 * Acks handed over together are confirmed together, one outbox transaction per kind
 * ({@link AckInbox} collects them). Runs on the agent's thread.
 */
final class AckReceiver {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    private final Topics topics;
    private final OutboxDrainer visits;
    private final Map<RecordKind, RecordDrainer> records;
    private final StationClock clock;

    AckReceiver(Topics topics, OutboxDrainer visits, Map<RecordKind, RecordDrainer> records, StationClock clock) {
        this.topics = topics;
        this.visits = visits;
        this.records = Map.copyOf(records);
        this.clock = clock;
    }

    /**
     * @param payload a {@code VisitAck}
     * @return whether it was applied (the visits' uplink may send more)
     */
    boolean onVisitAck(byte[] payload) {
        return onVisitAcks(List.of(payload));
    }

    /**
     * Applies several {@code VisitAck}s at once: the visits they confirm in one outbox transaction.
     *
     * @param payloads the acks as received, in arrival order
     * @return whether any was applied (the visits' uplink may send more)
     */
    boolean onVisitAcks(List<byte[]> payloads) {
        List<VisitAck> ours = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            try {
                VisitAck ack = Wire.decode(payload, VisitAck.class);
                if (ours(ack.district(), ack.station())) {
                    clock.saw(ack.storedAt(), "district ack");
                    ours.add(ack);
                }
            } catch (WireFormatException e) {
                log.warn("{}: malformed ack ignored: {}", topics.station(), e.getMessage());
            }
        }
        if (ours.isEmpty()) {
            return false;
        }
        visits.onAcks(ours);
        return true;
    }

    /**
     * @param payload a {@code RecordAck}
     * @return the kind whose records it confirmed, or null when it was ignored
     */
    RecordKind onRecordAck(byte[] payload) {
        Set<RecordKind> kinds = onRecordAcks(List.of(payload));
        return kinds.isEmpty() ? null : kinds.iterator().next();
    }

    /**
     * Applies several {@code RecordAck}s at once: one outbox transaction per kind.
     *
     * @param payloads the acks as received, in arrival order
     * @return the kinds whose records they confirmed (empty when all were ignored)
     */
    Set<RecordKind> onRecordAcks(List<byte[]> payloads) {
        Map<RecordKind, List<RecordAck>> byKind = new EnumMap<>(RecordKind.class);
        for (byte[] payload : payloads) {
            try {
                RecordAck ack = Wire.decode(payload, RecordAck.class);
                if (!ours(ack.district(), ack.station())) {
                    continue;
                }
                clock.saw(ack.storedAt(), "district ack");
                if (!records.containsKey(ack.kind())) {
                    log.warn("{}: ack of {} records ignored: this agent drains none", topics.station(), ack.kind());
                    continue;
                }
                byKind.computeIfAbsent(ack.kind(), k -> new ArrayList<>()).add(ack);
            } catch (WireFormatException e) {
                log.warn("{}: malformed records ack ignored: {}", topics.station(), e.getMessage());
            }
        }
        byKind.forEach((kind, acks) -> records.get(kind).onAcks(acks));
        return byKind.keySet();
    }

    private boolean ours(int district, String station) {
        if (district != topics.district() || !station.equals(topics.station())) {
            log.warn("{}: ack for {}/{} ignored", topics.station(), district, station);
            return false;
        }
        return true;
    }
}

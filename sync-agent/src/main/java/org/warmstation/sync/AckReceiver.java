package org.warmstation.sync;

import java.util.Map;
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
 * Runs on the agent's thread.
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
        try {
            VisitAck ack = Wire.decode(payload, VisitAck.class);
            if (ours(ack.district(), ack.station())) {
                clock.saw(ack.storedAt(), "district ack");
                visits.onAck(ack);
                return true;
            }
        } catch (WireFormatException e) {
            log.warn("{}: malformed ack ignored: {}", topics.station(), e.getMessage());
        }
        return false;
    }

    /**
     * @param payload a {@code RecordAck}
     * @return the kind whose records it confirmed, or null when it was ignored
     */
    RecordKind onRecordAck(byte[] payload) {
        try {
            RecordAck ack = Wire.decode(payload, RecordAck.class);
            RecordDrainer drainer = records.get(ack.kind());
            if (!ours(ack.district(), ack.station())) {
                return null;
            }
            clock.saw(ack.storedAt(), "district ack");
            if (drainer == null) {
                log.warn("{}: ack of {} records ignored: this agent drains none", topics.station(), ack.kind());
                return null;
            }
            drainer.onAck(ack);
            return ack.kind();
        } catch (WireFormatException e) {
            log.warn("{}: malformed records ack ignored: {}", topics.station(), e.getMessage());
            return null;
        }
    }

    private boolean ours(int district, String station) {
        if (district != topics.district() || !station.equals(topics.station())) {
            log.warn("{}: ack for {}/{} ignored", topics.station(), district, station);
            return false;
        }
        return true;
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.sync.drain.OutboxDrainer;

/**
 * Visits up to the district ({@code docs/mqtt.md}): runs the windowed, paced {@link OutboxDrainer}
 * while connected, wakes it when a publish completes or an ack arrives, and checks acks are for this
 * station. At most one drain is queued at a time. All methods run on the agent's thread except
 * {@link #wake()}, which any thread may call.
 */
final class VisitUplink {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    private final OutboxDrainer drainer;
    private final BrokerSession session;
    private final AgentThread thread;
    private final Topics topics;
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    VisitUplink(OutboxDrainer drainer, BrokerSession session, AgentThread thread, Topics topics) {
        this.drainer = drainer;
        this.session = session;
        this.thread = thread;
        this.topics = topics;
    }

    /** Publishes what the window and pace allow now; schedules the next drain when it is due within 1 s. */
    void drainNow() {
        drainQueued.set(false);
        if (!session.connected() || session.stopped()) {
            return;
        }
        Duration next = drainer.drain((bytes, done) -> session.publish(Kind.VISITS, bytes, 1, false,
                VisitBatch.SCHEMA, err -> {
                    done.accept(err);
                    wake();
                }));
        if (next.compareTo(Duration.ofSeconds(1)) < 0 && drainQueued.compareAndSet(false, true)) {
            thread.after("drain", next, this::drainNow);
        }
    }

    /** Queues a drain unless one is queued already; any thread. */
    void wake() {
        if (drainQueued.compareAndSet(false, true)) {
            thread.run("drain", this::drainNow);
        }
    }

    /** Applies an ack payload; a malformed one or one for another station is logged and ignored. */
    void onAck(byte[] payload) {
        try {
            VisitAck ack = Wire.decode(payload, VisitAck.class);
            if (ack.district() != topics.district() || !ack.station().equals(topics.station())) {
                log.warn("{}: ack for {}/{} ignored", topics.station(), ack.district(), ack.station());
                return;
            }
            drainer.onAck(ack);
            wake();
        } catch (WireFormatException e) {
            log.warn("{}: malformed ack ignored: {}", topics.station(), e.getMessage());
        }
    }

    /** Forgets what was in flight; it is sent again after reconnecting. */
    void connectionLost() {
        drainer.connectionLost();
    }

    /** @return when the district last confirmed visits, or null */
    Instant lastConfirmation() {
        return drainer.lastConfirmation();
    }
}

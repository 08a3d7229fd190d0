package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.sync.drain.Drainer;

/**
 * One kind's records up to the district ({@code docs/mqtt.md}): runs its windowed, paced
 * {@link Drainer} while connected, publishing on the kind's topic with its schema, and wakes it
 * when a publish completes or an ack arrives. At most one drain is queued at a time. All methods
 * run on the agent's thread except {@link #wake()}, which any thread may call.
 */
final class Uplink {
    private final Drainer<?> drainer;
    private final Kind topic;
    private final String schema;
    private final BrokerSession session;
    private final AgentThread thread;
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /**
     * @param drainer the kind's drainer
     * @param topic   where its batches go ({@link Kind#VISITS} or {@link Kind#RECORDS})
     * @param schema  the batches' schema, for the MQTT user property
     * @param session the broker session
     * @param thread  the agent's thread
     */
    Uplink(Drainer<?> drainer, Kind topic, String schema, BrokerSession session, AgentThread thread) {
        this.drainer = drainer;
        this.topic = topic;
        this.schema = schema;
        this.session = session;
        this.thread = thread;
    }

    /** Publishes what the window and pace allow now; schedules the next drain when it is due within 1 s. */
    void drainNow() {
        drainQueued.set(false);
        if (!session.connected() || session.stopped()) {
            return;
        }
        Duration next = drainer.drain((bytes, done) -> session.publish(topic, bytes, 1, false, schema, err -> {
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

    /** Forgets what was in flight; it is sent again after reconnecting. */
    void connectionLost() {
        drainer.connectionLost();
    }

    /** @return when the district last confirmed entries of this kind, or null */
    Instant lastConfirmation() {
        return drainer.lastConfirmation();
    }
}

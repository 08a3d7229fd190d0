package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.sync.drain.Drainer;

/**
 * One kind's records up to the district ({@code docs/mqtt.md}): runs its windowed, paced
 * {@link Drainer} while connected, publishing on the kind's topic with its schema, and wakes it
 * when a publish completes or an ack arrives. At most one drain is queued at a time. Batches are
 * encoded and handed to Paho on the agent's encoder thread, in send order (decision 0245). All
 * methods run on the agent's thread except {@link #wake()}, which any thread may call.
 */
final class Uplink {
    private final Drainer<?> drainer;
    private final Kind topic;
    private final String schema;
    private final BrokerSession session;
    private final AgentThread thread;
    private final Executor encoder;
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /**
     * @param drainer the kind's drainer
     * @param topic   where its batches go ({@link Kind#VISITS} or {@link Kind#RECORDS})
     * @param schema  the batches' schema, for the MQTT user property
     * @param session the broker session
     * @param thread  the agent's thread
     * @param encoder one thread (or the caller's) that encodes and publishes batches in the order given
     */
    Uplink(Drainer<?> drainer, Kind topic, String schema, BrokerSession session, AgentThread thread, Executor encoder) {
        this.drainer = drainer;
        this.topic = topic;
        this.schema = schema;
        this.session = session;
        this.thread = thread;
        this.encoder = encoder;
    }

    /** Publishes what the window and pace allow now; schedules the next drain when it is due within 1 s. */
    void drainNow() {
        drainQueued.set(false);
        if (!session.connected() || session.stopped()) {
            return;
        }
        Duration next = drainer.drain((payload, done) -> {
            try {
                encoder.execute(() -> publish(payload, done));
            } catch (RejectedExecutionException e) { // stopping: the batch stays in the outbox
                done.accept(e);
            }
        });
        if (next.compareTo(Duration.ofSeconds(1)) < 0 && drainQueued.compareAndSet(false, true)) {
            thread.after("drain", next, this::drainNow);
        }
    }

    /** Encodes and publishes one batch; on the encoder thread. */
    private void publish(Supplier<byte[]> payload, Consumer<Throwable> done) {
        byte[] bytes;
        try {
            bytes = payload.get();
        } catch (RuntimeException e) { // e.g. a batch over the size limit: it stays in the outbox
            done.accept(e);
            return;
        }
        session.publish(topic, bytes, 1, false, schema, err -> {
            done.accept(err);
            wake();
        });
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

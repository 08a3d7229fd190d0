package org.warmstation.terminal.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.warmstation.mqtt.NoDelaySockets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.mqtt.MqttCallbackAdapter;
import org.warmstation.sync.mqtt.MqttLink;

/**
 * Plays the district for the benchmark: receives every visit batch and acks it at once (no
 * database), so the figure measures the terminal side. Not a district server.
 */
final class BenchDistrict implements AutoCloseable {
    private static final int ACKS_IN_FLIGHT = 16;
    private final MqttAsyncClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final AtomicLong received = new AtomicLong();
    // acks are published without waiting for each PUBACK (a district server does not wait either),
    // at most ACKS_IN_FLIGHT at once: Mosquitto's Receive Maximum is 20
    private final Semaphore acksInFlight = new Semaphore(ACKS_IN_FLIGHT);
    private final MqttActionListener releaseAck = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            acksInFlight.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            acksInFlight.release();
        }
    };

    BenchDistrict(String uri) throws MqttException {
        client = new MqttAsyncClient(uri, "bench-district", new MemoryPersistence());
        client.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                byte[] p = m.getPayload();
                worker.execute(() -> ack(topic, p));
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSocketFactory(NoDelaySockets.plain()); // as the agent's and the district's clients
        client.connect(o).waitForCompletion(10_000);
        client.subscribe("ws/v1/+/+/visits", 1).waitForCompletion(10_000);
    }

    private void ack(String topic, byte[] payload) {
        try {
            VisitBatch b = Wire.decode(payload, VisitBatch.class);
            received.addAndGet(b.visits().size());
            Topics t = Topics.parse(topic).orElseThrow().topics();
            acksInFlight.acquire();
            client.publish(t.topic(Topics.Kind.ACK), MqttLink.message(Wire.encode(VisitAck.of(b, 0, Instant.now())), 1,
                    false, VisitAck.SCHEMA), null, releaseAck);
        } catch (MqttException | RuntimeException e) {
            acksInFlight.release();
            // the station resends; a benchmark goes on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until {@code n} visits in all have been received (the district has worked off what it
     * was sent), polling every 10 ms.
     *
     * @param n       visits
     * @param timeout the longest wait
     * @throws InterruptedException  when interrupted
     * @throws IllegalStateException when they do not arrive in time
     */
    void awaitReceived(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench district received " + received.get() + " of " + n
                        + " visits in " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** @return visits received (duplicates included) */
    long received() {
        return received.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            client.disconnectForcibly(0, 1000, false);
            client.close(true);
        } catch (MqttException e) {
            // closing only
        }
    }
}

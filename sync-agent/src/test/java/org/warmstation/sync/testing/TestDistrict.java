package org.warmstation.sync.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.mqtt.MqttCallbackAdapter;
import org.warmstation.sync.mqtt.MqttLink;

/**
 * Plays the district in the agent's own tests (until district-server exists, and independent of
 * it): a real MQTT client on the real broker that stores every received visit uuid in memory
 * (counting receipts, so duplicates show) and acks each batch after "storing" it — only through
 * the agreed wire formats. Also records status, telemetry, downlink acks and day summaries.
 * Reconnects by itself when the broker restarts. Acking can be switched off (district down).
 */
public final class TestDistrict implements AutoCloseable {
    private final MqttAsyncClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-district");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, AtomicInteger> receipts = new ConcurrentHashMap<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong gzipBatches = new AtomicLong();
    private final AtomicLong acksFailed = new AtomicLong();
    private final Map<String, StationStatus> statuses = new ConcurrentHashMap<>();
    private final List<Telemetry> telemetry = new CopyOnWriteArrayList<>();
    private final List<DownlinkAck> downlinkAcks = new CopyOnWriteArrayList<>();
    private final List<DaySummary> summaries = new CopyOnWriteArrayList<>();
    private volatile boolean acking = true;

    /**
     * Connects and subscribes to every station's topics of all districts.
     *
     * @param brokerUri the broker
     * @param clientId  its client id
     * @throws MqttException when it cannot connect
     */
    public TestDistrict(String brokerUri, String clientId) throws MqttException {
        client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallbackAdapter() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                byte[] payload = m.getPayload();
                if (topic.endsWith("/visits") && Wire.isCompressed(payload) && !m.getProperties().getPayloadFormat()
                        && m.getProperties().getUserProperties().stream().anyMatch(u ->
                        u.getKey().equals(Wire.ENCODING_PROPERTY) && u.getValue().equals(Wire.GZIP))) {
                    gzipBatches.incrementAndGet();
                }
                worker.execute(() -> handle(topic, payload));
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
                if (reconnect) {
                    worker.execute(TestDistrict.this::subscribe);
                }
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        client.connect(o).waitForCompletion(10_000);
        subscribe();
    }

    private void subscribe() {
        try {
            client.subscribe(new String[] {"ws/v1/+/+/visits", "ws/v1/+/+/status", "ws/v1/+/+/telemetry",
                    "ws/v1/+/+/downlink-ack", "ws/v1/+/+/ledger"}, new int[] {1, 1, 0, 1, 1}).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new IllegalStateException("test district cannot subscribe: " + e.getMessage(), e);
        }
    }

    private void handle(String topic, byte[] payload) {
        Topics.Parsed p = Topics.parse(topic).orElseThrow();
        switch (p.kind()) {
            case VISITS -> {
                VisitBatch b = Wire.decode(payload, VisitBatch.class);
                batches.incrementAndGet();
                if (!acking) {
                    return;
                }
                for (WireVisit v : b.visits()) {
                    receipts.computeIfAbsent(v.uuid(), k -> new AtomicInteger()).incrementAndGet();
                }
                publish(p.topics().topic(Topics.Kind.ACK), Wire.encode(VisitAck.of(b, 0, Instant.now())), VisitAck.SCHEMA);
            }
            case STATUS -> statuses.put(p.topics().station(), Wire.decode(payload, StationStatus.class));
            case TELEMETRY -> telemetry.add(Wire.decode(payload, Telemetry.class));
            case DOWNLINK_ACK -> downlinkAcks.add(Wire.decode(payload, DownlinkAck.class));
            case LEDGER -> summaries.add(Wire.decode(payload, DaySummary.class));
            default -> { }
        }
    }

    /**
     * Publishes at QoS 1 and waits for the broker's PUBACK.
     *
     * @param topic   topic
     * @param payload bytes
     * @param schema  schema user property
     */
    public void publish(String topic, byte[] payload, String schema) {
        try {
            client.publish(topic, MqttLink.message(payload, 1, false, schema)).waitForCompletion(10_000);
        } catch (MqttException | RuntimeException e) {
            acksFailed.incrementAndGet(); // the station resends; the next ack will do
        }
    }

    /** @param on whether to store and ack batches (off: the district is down; batches are dropped) */
    public void acking(boolean on) {
        acking = on;
    }

    /** @return distinct visit uuids stored */
    public Set<UUID> stored() {
        return Set.copyOf(receipts.keySet());
    }

    /** @return receipts beyond the first of each visit (at-least-once duplicates) */
    public long duplicates() {
        return receipts.values().stream().mapToLong(a -> a.get() - 1).sum();
    }

    /**
     * @return visit batches received gzip-compressed and marked so (binary payload format,
     *         {@code content-encoding: gzip})
     */
    public long gzipBatches() {
        return gzipBatches.get();
    }

    /** @return batches received (acked or not) */
    public long batches() {
        return batches.get();
    }

    /** @return the latest status per station */
    public Map<String, StationStatus> statuses() {
        return statuses;
    }

    /** @return heartbeats received */
    public List<Telemetry> telemetry() {
        return telemetry;
    }

    /** @return downlink acks received */
    public List<DownlinkAck> downlinkAcks() {
        return downlinkAcks;
    }

    /** @return day summaries received */
    public List<DaySummary> summaries() {
        return summaries;
    }

    @Override
    public void close() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException ignored) {
            // down already
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closed already
        }
        worker.shutdownNow();
    }
}

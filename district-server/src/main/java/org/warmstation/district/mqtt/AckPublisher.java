package org.warmstation.district.mqtt;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.Wire;

/**
 * Publishes the district's acks and downlinks at QoS 1 from its own thread, so the MQTT callback
 * thread never blocks on a publish (Paho's callback thread waiting for a PUBACK can deadlock the
 * client). The queue is unbounded but holds only what the callback produced since the last
 * publish: one small ack per received batch. When the client is not connected, messages are
 * dropped with a log line; the station resends its batch and gets a new ack.
 *
 * <p>Thread-safe: {@link #publish} may be called from any thread.
 */
final class AckPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AckPublisher.class);
    private static final int MAX_INFLIGHT_REASON = 32202;

    private record Out(String topic, byte[] payload) {
    }

    private final Supplier<MqttAsyncClient> client;
    private final BlockingQueue<Out> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    AckPublisher(Supplier<MqttAsyncClient> client, String name) {
        this.client = client;
        this.thread = Thread.ofPlatform().name(name + "-publisher").daemon(true).start(this::loop);
    }

    /**
     * Queues a message; returns at once.
     *
     * @param topic   the topic
     * @param payload the JSON payload
     */
    void publish(String topic, byte[] payload) {
        queue.add(new Out(topic, payload));
    }

    private void loop() {
        while (running) {
            Out o;
            try {
                o = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (o != null) {
                send(o);
            }
        }
    }

    private void send(Out o) {
        MqttMessage m = new MqttMessage(o.payload(), 1, false, properties(o.payload()));
        for (int attempt = 0; running; attempt++) {
            MqttAsyncClient c = client.get();
            if (c == null || !c.isConnected()) {
                LOG.debug("not connected: dropped message to {} (the station will send again)", o.topic());
                return;
            }
            try {
                c.publish(o.topic(), m);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MAX_INFLIGHT_REASON || attempt > 2000) {
                    LOG.warn("could not publish to {}: {}", o.topic(), e.toString());
                    return;
                }
                sleep(Duration.ofMillis(5)); // Receive Maximum reached: wait for PUBACKs
            }
        }
    }

    static MqttProperties properties(byte[] payload) {
        MqttProperties p = new MqttProperties();
        p.setContentType(Wire.CONTENT_TYPE);
        p.setPayloadFormat(true);
        String schema = schemaOf(payload);
        if (schema != null) {
            p.setUserProperties(java.util.List.of(new UserProperty(Wire.SCHEMA_PROPERTY, schema)));
        }
        return p;
    }

    private static String schemaOf(byte[] json) {
        String head = new String(json, 0, Math.min(json.length, 64), java.nio.charset.StandardCharsets.UTF_8);
        int i = head.indexOf("\"schema\":\"");
        if (i < 0) {
            return null;
        }
        int start = i + 10;
        int end = head.indexOf('"', start);
        return end > start ? head.substring(start, end) : null;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return messages waiting to be published */
    int backlog() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

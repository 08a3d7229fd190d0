package org.warmstation.district.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.DistrictService;
import org.warmstation.protocol.wire.Topics;

/**
 * The district server's MQTT 5 connection (Eclipse Paho): subscribes with shared subscriptions
 * {@code $share/{group}/ws/v1/{district}/+/visits} (and telemetry, ledger, downlink-ack) so that
 * several instances share the stations' traffic, plus a plain subscription to the retained status
 * topics (retained messages are not sent to shared subscriptions, MQTT 5 section 4.8.2). Each
 * message is handed to the {@link DistrictService} on Paho's callback thread; the PUBACK goes out
 * when that returns, i.e. after the visits are committed. Acks and downlinks leave through an
 * {@link AckPublisher}.
 *
 * <p>Clean start, session expiry 0: an instance that dies leaves no session behind that would
 * hold messages for it, so the remaining instances get every new message. Reconnects (also
 * when the very first connect fails) with exponential backoff and jitter, from its own thread.
 *
 * <p>Thread-safe start and close; blocks in neither for longer than a connect attempt.
 */
public final class DistrictReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistrictReceiver.class);

    private final ReceiverSettings settings;
    private final MqttAsyncClient client;
    private final AckPublisher publisher;
    private final AtomicLong received = new AtomicLong();
    private DistrictService service;
    private volatile boolean closed;
    private Thread connector;

    /**
     * @param settings connection settings
     * @throws MqttException when the broker URL is invalid
     */
    public DistrictReceiver(ReceiverSettings settings) throws MqttException {
        this.settings = settings;
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        this.publisher = new AckPublisher(client, settings.clientId());
    }

    /** @return where the service sends acks and downlinks: this receiver's publisher */
    public DistrictService.Outbound outbound() {
        return publisher::publish;
    }

    /**
     * Starts connecting in the background and handing messages to the service.
     *
     * @param handler the service that processes messages
     */
    public synchronized void start(DistrictService handler) {
        this.service = handler;
        client.setCallback(new Callback());
        connector = Thread.ofPlatform().name(settings.clientId() + "-connect").daemon(true).start(this::connectLoop);
    }

    private void connectLoop() {
        Duration delay = Duration.ofMillis(500);
        while (!closed && !client.isConnected()) {
            try {
                client.connect(options()).waitForCompletion(30_000);
                LOG.info("{} connected to {}", settings.clientId(), settings.brokerUrl());
                subscribe();
                return;
            } catch (MqttException e) {
                long jittered = ThreadLocalRandom.current().nextLong(delay.toMillis() / 2, delay.toMillis() + 1);
                LOG.warn("{}: connecting to {} failed ({}); next attempt in {} ms", settings.clientId(),
                        settings.brokerUrl(), e.getMessage(), jittered);
                try {
                    Thread.sleep(jittered);
                } catch (InterruptedException ie) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay.multipliedBy(2);
            }
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(15);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, (int) Math.max(1, settings.maxBackoff().toSeconds()));
        if (settings.username() != null) {
            o.setUserName(settings.username());
            o.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return o;
    }

    private void subscribe() throws MqttException {
        int d = settings.district();
        String g = settings.shareGroup();
        MqttSubscription[] subs = {
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.VISITS), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.LEDGER), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.DOWNLINK_ACK), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.TELEMETRY), 0),
            new MqttSubscription(Topics.PREFIX + d + "/+/" + Topics.Kind.STATUS.level(), 1),
        };
        IMqttToken t = client.subscribe(subs);
        t.waitForCompletion(30_000);
        for (int rc : t.getReasonCodes()) {
            if (rc >= 0x80) {
                LOG.error("{}: a subscription was refused (reason {}); check the broker ACL", settings.clientId(), rc);
            }
        }
    }

    /** @return messages received since start */
    public long received() {
        return received.get();
    }

    /** @return whether connected now */
    public boolean connected() {
        return client.isConnected();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            LOG.warn("{} disconnected: {}", settings.clientId(), r);
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("{}: MQTT error {}", settings.clientId(), e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
            try {
                service.handle(topic, message.getPayload());
            } catch (RuntimeException | LinkageError e) {
                // never let an exception reach Paho: it would drop the connection
                LOG.error("{}: handling a message on {} failed: {}", settings.clientId(), topic, e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // acks are fire-and-forget: the station resends until one arrives
        }

        @Override
        public void connectComplete(boolean reconnect, String uri) {
            if (reconnect) {
                Thread.ofPlatform().name(settings.clientId() + "-resubscribe").daemon(true).start(() -> {
                    try {
                        subscribe();
                        LOG.info("{} reconnected and resubscribed", settings.clientId());
                    } catch (MqttException e) {
                        LOG.error("{}: resubscribing failed: {}", settings.clientId(), e.toString());
                    }
                });
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    /** Disconnects and stops the threads. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        publisher.close();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT client: {}", e.toString());
            try {
                client.disconnectForcibly(1000);
                client.close(true);
            } catch (MqttException ignored) {
                LOG.debug("forced close failed too");
            }
        }
    }
}

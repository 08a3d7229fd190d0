package org.warmstation.district.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.warmstation.mqtt.NoDelaySockets;
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
import org.warmstation.mqtt.Backoff;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.district.DistrictService;
import org.warmstation.protocol.wire.Topics;

/**
 * The district server's MQTT 5 connection (Eclipse Paho): subscribes with shared subscriptions
 * {@code $share/{group}/ws/v1/{district}/+/visits} (and records, telemetry, ledger, downlink-ack) so that
 * several instances share the stations' traffic, plus a plain subscription to the retained status
 * topics (retained messages are not sent to shared subscriptions, MQTT 5 section 4.8.2). Each
 * message is handed to the {@link DistrictService} on Paho's callback thread. Acknowledgements are
 * manual (Paho's {@code setManualAcks}): the PUBACK goes out only when the service stored the
 * message (or dropped it for good); a message the database failed to store is not acknowledged,
 * and a {@link StoreGate} then leaves the shared subscription while the database does not answer
 * and rejoins when it does (decision 0191). Acks and downlinks leave through an
 * {@link AckPublisher}.
 *
 * <p>Clean start, session expiry 0: an instance that dies leaves no session behind that would
 * hold messages for it, so the remaining instances get every new message. Reconnects (also
 * when the very first connect fails) with exponential backoff and jitter, from its own thread,
 * each time with a fresh Paho client (Paho's automatic reconnect is not used: a client that
 * lost its connection may still hold unacknowledged publishes of the old session).
 *
 * <p>Thread-safe start and close; blocks in neither for longer than a connect attempt.
 */
public final class DistrictReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistrictReceiver.class);
    /** Bound of the first reconnect delay (full jitter: a random wait below it), doubling up to the maximum. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final ReceiverSettings settings;
    private final javax.net.ssl.SSLSocketFactory tls;
    private volatile MqttAsyncClient client;
    private final AckPublisher publisher;
    private final java.util.concurrent.atomic.AtomicBoolean connecting = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private DistrictService service;
    private StoreGate gate;
    private volatile boolean closed;
    private volatile boolean subscribed;
    private Thread connector;

    /**
     * @param settings connection settings
     * @throws MqttException when the broker URL is invalid
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
     */
    public DistrictReceiver(ReceiverSettings settings) throws MqttException {
        this.settings = settings;
        this.tls = settings.caFile() == null ? null : TlsSockets.trusting(settings.caFile());
        newClient().close(); // validates the URL now
        this.publisher = new AckPublisher(() -> client, settings.clientId());
    }

    private MqttAsyncClient newClient() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        c.setManualAcks(true); // PUBACK only after the message is stored (Callback.messageArrived)
        return c;
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
        // the probe asks the service only once a store failed (TlsReceiverTest connects without one)
        this.gate = new StoreGate(() -> service.databaseHealthy(), settings.maxBackoff(), new StoreGate.Actions() {
            @Override
            public void leave() {
                unsubscribe();
            }

            @Override
            public void rejoin() {
                subscribed = false;
                reconnect(); // a fresh session: the broker forgets what this one left unacknowledged
            }
        }, settings.clientId());
        reconnect();
    }

    private void reconnect() {
        if (!closed && connecting.compareAndSet(false, true)) {
            connector = Thread.ofPlatform().name(settings.clientId() + "-connect").daemon(true).start(() -> {
                try {
                    connectLoop();
                } finally {
                    connecting.set(false);
                }
                if (!closed && (!connected() || (!subscribed && gate.open()))) {
                    reconnect(); // lost again, or the gate opened, between the connect and the end of this loop
                }
            });
        }
    }

    private void connectLoop() {
        Backoff backoff = new Backoff(FIRST_RETRY, FIRST_RETRY, settings.maxBackoff(), ThreadLocalRandom.current());
        while (!closed) {
            MqttAsyncClient c = null;
            try {
                subscribed = false;
                discard(client);
                client = null;
                c = newClient();
                c.setCallback(new Callback(c));
                c.connect(options()).waitForCompletion(30_000);
                client = c;
                LOG.info("{} connected to {}", settings.clientId(), settings.brokerUrl());
                if (gate.open()) { // while the database is down the gate rejoins later
                    subscribe(c);
                    subscribed = true;
                }
                return;
            } catch (MqttException e) {
                discard(c);
                client = null;
                Duration wait = backoff.next();
                LOG.warn("{}: connecting to {} failed ({}); next attempt in {} ms", settings.clientId(),
                        settings.brokerUrl(), e.getCause() == null ? e.getMessage() : e.getCause().toString(), wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(15);
        o.setAutomaticReconnect(false);
        if (tls != null) {
            o.setSocketFactory(NoDelaySockets.tls(tls));
            o.setHttpsHostnameVerificationEnabled(true);
        } else {
            o.setSocketFactory(NoDelaySockets.plain());
        }
        if (settings.username() != null) {
            o.setUserName(settings.username());
            o.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return o;
    }

    private static void discard(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        // Paho 1.2.5 throws a NullPointerException from disconnectForcibly on a client whose
        // normal disconnect has just shut it down: a client being discarded may fail either way
        try {
            c.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
            LOG.trace("discarding a client: {}", e.toString());
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.trace("closing a client: {}", e.toString());
        }
    }

    private MqttSubscription[] subscriptions() {
        int d = settings.district();
        String g = settings.shareGroup();
        return new MqttSubscription[] {
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.VISITS), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.RECORDS), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.LEDGER), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.DOWNLINK_ACK), 1),
            new MqttSubscription(Topics.sharedFilter(d, g, Topics.Kind.TELEMETRY), 0),
            new MqttSubscription(Topics.PREFIX + d + "/+/" + Topics.Kind.STATUS.level(), 1),
            new MqttSubscription(org.warmstation.protocol.wire.EnrollTopics.sharedRequestFilter(d, g), 1),
        };
    }

    /** Leaves every subscription (the database is down); the connection stays for a quick rejoin. */
    private void unsubscribe() {
        subscribed = false;
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return; // a lost connection left them already; the connect loop waits for the gate
        }
        String[] filters = java.util.Arrays.stream(subscriptions()).map(MqttSubscription::getTopic)
                .toArray(String[]::new);
        try {
            c.unsubscribe(filters).waitForCompletion(10_000);
            LOG.info("{}: left the subscriptions while the database is down", settings.clientId());
        } catch (MqttException e) {
            LOG.warn("{}: unsubscribing failed ({}); dropping the connection instead", settings.clientId(), e.toString());
            discard(c);
        }
    }

    private void subscribe(MqttAsyncClient c) throws MqttException {
        IMqttToken t = c.subscribe(subscriptions());
        t.waitForCompletion(30_000);
        for (int rc : t.getReasonCodes()) {
            if (rc >= 0x80) {
                LOG.error("{}: a subscription was refused (reason {}); check the broker ACL", settings.clientId(), rc);
            }
        }
    }

    /** @return whether connected and subscribed (messages published from now on reach this instance's group) */
    public boolean ready() {
        return subscribed && connected() && (gate == null || gate.open());
    }

    /** @return false while the receiver stays away because the database does not answer */
    public boolean databaseAvailable() {
        return gate == null || gate.open();
    }

    /** @return database outages during which this receiver left the shared subscription */
    public long databaseOutages() {
        return gate == null ? 0 : gate.outages();
    }

    /** @return messages not acknowledged to the broker because they were not stored */
    public long notAcknowledged() {
        return gate == null ? 0 : gate.notAcknowledgedCount();
    }

    /** @return how long the last database outage kept this receiver away (zero before one) */
    public Duration lastDatabaseOutage() {
        return gate == null ? Duration.ZERO : gate.lastOutage();
    }

    /** @return messages received since start */
    public long received() {
        return received.get();
    }

    /** @return whether connected now */
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    private final class Callback implements MqttCallback {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            LOG.warn("{} disconnected: {}", settings.clientId(), r);
            if (owner == client) {
                reconnect();
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("{}: MQTT error {}", settings.clientId(), e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
            if (!gate.open()) {
                gate.notAcknowledged(); // the database is down: neither stored nor acknowledged
                return;
            }
            boolean stored;
            try {
                stored = service.handle(topic, message.getPayload());
            } catch (RuntimeException | LinkageError e) {
                // never let an exception reach Paho: it would drop the connection
                LOG.error("{}: handling a message on {} failed: {}", settings.clientId(), topic, e.toString());
                stored = false;
            }
            if (stored) {
                acknowledge(message);
                gate.stored();
            } else {
                gate.failed();
            }
        }

        private void acknowledge(MqttMessage message) {
            if (message.getQos() == 0) {
                return;
            }
            try {
                owner.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException | RuntimeException e) {
                LOG.debug("{}: acknowledging message {} failed: {}", settings.clientId(), message.getId(), e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // acks are fire-and-forget: the station resends until one arrives
        }

        @Override
        public void connectComplete(boolean reconnect, String uri) {
            // subscriptions are made by the connect loop after each (new) connection
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
        if (gate != null) {
            gate.close();
        }
        publisher.close();
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect().waitForCompletion(5_000);
                }
            } catch (MqttException e) {
                LOG.debug("disconnecting: {}", e.toString());
            }
            discard(c);
        }
    }
}

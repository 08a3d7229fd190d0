package org.warmstation.sync.mqtt;

import java.util.List;
import java.util.Objects;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.Wire;

/**
 * The agent's Eclipse Paho MQTT v5 asynchronous client: a fresh client for each connect, the
 * previous one closed (so no client threads pile up across reconnects, and no stale in-flight
 * state is retransmitted). Paho's automatic reconnect is off: the caller runs its own loop. Paho's in-flight store is in memory only — the outbox, not Paho, is the record of
 * what must be sent.
 *
 * <p>Callbacks ({@link Events}) arrive on Paho's threads and must not block; callers hand them to
 * their own thread.
 */
public final class MqttLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

    /** What the link reports; called on Paho threads. */
    public interface Events {
        /**
         * @param reason why the connection was lost, for the log
         */
        void connectionLost(String reason);

        /**
         * @param topic   the topic
         * @param payload the payload bytes (not yet validated)
         */
        void message(String topic, byte[] payload);
    }

    /** Completion of an asynchronous action; called on a Paho thread. */
    public interface Done {
        /**
         * @param error null on success, else what failed
         */
        void done(Throwable error);
    }

    private volatile String serverUri;
    private final String clientId;
    private final Events events;
    private volatile MqttAsyncClient client;

    /**
     * @param serverUri broker URI
     * @param clientId  MQTT client id (the station id)
     * @param events    receiver of connection loss and messages
     * @throws IllegalArgumentException when the URI or client id is not acceptable to Paho
     */
    public MqttLink(String serverUri, String clientId, Events events) {
        this.serverUri = serverUri;
        this.clientId = clientId;
        this.events = events;
        this.client = newClient();
    }

    private MqttAsyncClient newClient() {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + serverUri + ": " + e.getMessage(), e);
        }
        c.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                if (c == client) {
                    events.connectionLost(response == null ? "disconnected" : response.toString());
                }
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("MQTT error: {}", exception.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    events.message(topic, message.getPayload());
                } catch (RuntimeException e) { // never let Paho drop the connection for our error
                    log.error("handling a message on {} failed: {}", topic, e.toString());
                }
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // completion is reported through each publish's listener
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                log.debug("connected to {}", serverURI);
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // no enhanced authentication
            }
        });
        return c;
    }

    /** @return the broker URI the next connect goes to */
    public String server() {
        return serverUri;
    }

    /**
     * Makes the next {@link #connect} go to another broker (a district settings document's,
     * decision 0211); the current connection is left as it is.
     *
     * @param uri the broker URI; one Paho cannot use makes each later connect fail
     */
    public void server(String uri) {
        serverUri = Objects.requireNonNull(uri, "uri");
    }

    /**
     * Starts a connect; returns at once.
     *
     * @param options the connect options (see {@link ConnectOptions})
     * @param done    told the outcome, on a Paho thread
     */
    public void connect(MqttConnectionOptions options, Done done) {
        try {
            // A fresh client per connection: Paho's retransmission of in-flight publishes after a
            // broker restart (session gone) made Mosquitto 2.0.11 disconnect with "protocol error"
            // (reason 130) in a loop. The outbox resends whatever was in flight instead.
            MqttAsyncClient old = client;
            if (old.isConnected()) {
                done.done(new IllegalStateException("already connected"));
                return;
            }
            client = newClient();
            release(old);
            client.connect(options, null, listener(done));
        } catch (MqttException | RuntimeException e) {
            done.done(e);
        }
    }

    /** @return whether Paho thinks it is connected */
    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Subscribes at QoS 1, without receiving its own messages.
     *
     * @param topics the topic filters
     * @param done   told the outcome
     */
    public void subscribe(List<String> topics, Done done) {
        MqttSubscription[] subs = topics.stream().map(t -> {
            MqttSubscription s = new MqttSubscription(t, 1);
            s.setNoLocal(true);
            return s;
        }).toArray(MqttSubscription[]::new);
        try {
            client.subscribe(subs, null, listener(done), new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            done.done(e);
        }
    }

    /**
     * Publishes with content type {@link Wire#CONTENT_TYPE}, payload format UTF-8 and user
     * property {@link Wire#SCHEMA_PROPERTY}.
     *
     * @param topic    the topic
     * @param payload  the bytes
     * @param qos      0 or 1
     * @param retained whether the broker keeps it as the topic's last value
     * @param schema   the payload's schema name, e.g. {@code ws.visits/1}
     * @param done     told when the broker acknowledged it (QoS 1) or it was written (QoS 0);
     *                 told of a failure directly when it cannot be sent now
     */
    public void publish(String topic, byte[] payload, int qos, boolean retained, String schema, Done done) {
        try {
            client.publish(topic, message(payload, qos, retained, schema), null, listener(done));
        } catch (MqttException | RuntimeException e) {
            done.done(e);
        }
    }

    /**
     * @param payload  JSON bytes, or gzip-compressed JSON ({@link Wire#encodeCompressed}): then the
     *                 payload format indicator says binary and the user property
     *                 {@code content-encoding: gzip} is added
     * @param qos      QoS
     * @param retained retained flag
     * @param schema   schema user property
     * @return a message with the sync's MQTT 5 properties
     */
    public static MqttMessage message(byte[] payload, int qos, boolean retained, String schema) {
        MqttProperties p = new MqttProperties();
        p.setContentType(Wire.CONTENT_TYPE);
        UserProperty schemaProperty = new UserProperty(Wire.SCHEMA_PROPERTY, Objects.requireNonNull(schema, "schema"));
        if (Wire.isCompressed(payload)) { // gzip: binary, not UTF-8 (MQTT 5 §3.3.2.3.2)
            p.setPayloadFormat(false);
            p.setUserProperties(List.of(schemaProperty, new UserProperty(Wire.ENCODING_PROPERTY, Wire.GZIP)));
        } else {
            p.setPayloadFormat(true);
            p.setUserProperties(List.of(schemaProperty));
        }
        return new MqttMessage(payload, qos, retained, p);
    }

    /**
     * Disconnects cleanly (the will is not sent), waiting at most the given time.
     *
     * @param timeout how long to wait
     */
    public void disconnect(java.time.Duration timeout) {
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis() + 1000);
            }
        } catch (MqttException | RuntimeException e) {
            log.debug("disconnect: {}", e.getMessage());
            try {
                client.disconnectForcibly(0, 1000, false);
            } catch (MqttException | RuntimeException ignored) {
                // already down
            }
        }
    }

    /** Releases the client's resources; call after {@link #disconnect}. Idempotent. */
    @Override
    public void close() {
        release(client);
    }

    private static void release(MqttAsyncClient c) {
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException e) {
            log.debug("disconnect: {}", e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("close: {}", e.getMessage());
        }
    }

    private static MqttActionListener listener(Done done) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.done(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                done.done(exception == null ? new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION) : exception);
            }
        };
    }
}

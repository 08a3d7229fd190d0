package org.warmstation.district.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain Paho MQTT 5 client for tests: received messages and disconnects go into queues. */
public final class TestClient implements AutoCloseable {
    /** A received message. */
    public record Received(String topic, MqttMessage message) {
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<MqttDisconnectResponse> disconnects = new LinkedBlockingQueue<>();

    private TestClient(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects (clean start, no session kept).
     *
     * @param url      broker URL
     * @param clientId client id
     * @param username username or null
     * @param password password or null
     * @return the connected client
     * @throws MqttException when the broker refuses or cannot be reached
     */
    public static TestClient connect(String url, String clientId, String username, String password) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        TestClient t = new TestClient(c);
        c.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
                t.disconnects.add(r);
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                t.received.add(new Received(topic, m));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(10);
        if (username != null) {
            o.setUserName(username);
            o.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        c.connect(o).waitForCompletion(15_000);
        return t;
    }

    /**
     * @param filter topic filter
     * @return the SUBACK reason codes (0x00..0x02 granted, 0x80 and above refused)
     * @throws MqttException when the subscribe fails outright
     */
    public int[] subscribe(String filter) throws MqttException {
        IMqttToken t = client.subscribe(filter, 1);
        t.waitForCompletion(15_000);
        return t.getReasonCodes();
    }

    /**
     * Publishes at QoS 1 and waits for the PUBACK.
     *
     * @param topic   topic
     * @param payload bytes
     * @return the PUBACK reason codes (0 = success, 0x87 = not authorized)
     * @throws MqttException when publishing fails
     */
    public int[] publish(String topic, byte[] payload) throws MqttException {
        IMqttToken t = client.publish(topic, payload, 1, false);
        t.waitForCompletion(15_000);
        return t.getReasonCodes();
    }

    /**
     * @param timeout how long to wait
     * @return the next message, or null
     * @throws InterruptedException when interrupted
     */
    public Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param timeout how long to wait
     * @return the next disconnect notice, or null
     * @throws InterruptedException when interrupted
     */
    public MqttDisconnectResponse nextDisconnect(Duration timeout) throws InterruptedException {
        return disconnects.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return whether connected */
    public boolean connected() {
        return client.isConnected();
    }

    /** @return the underlying client */
    public MqttAsyncClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing a test client: nothing to do
        }
    }
}

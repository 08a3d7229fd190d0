package org.warmstation.district.testing;

import java.io.IOException;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.warmstation.mqtt.NoDelaySockets;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;

/**
 * A station as the broker sees it, for console tests: a real Paho v5 client with the station's
 * last will (OFFLINE, retained), its birth message (ONLINE with profile and heartbeat interval) and
 * heartbeats on demand. {@link #kill} closes its TCP socket without an MQTT DISCONNECT, as a power
 * cut or a pulled cable does, so the broker publishes the will.
 */
public final class SimulatedStation implements AutoCloseable {
    private final MqttAsyncClient client;
    private final Topics topics;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private SimulatedStation(MqttAsyncClient client, Topics topics) {
        this.client = client;
        this.topics = topics;
    }

    /**
     * Connects with the will and publishes the birth message (waits for both PUBACKs).
     *
     * @param url              broker URL
     * @param district         district
     * @param station          station id
     * @param profile          the birth message's profile
     * @param heartbeatSeconds announced heartbeat interval
     * @return the connected station
     * @throws MqttException when the broker cannot be reached
     */
    public static SimulatedStation connect(String url, int district, String station, StationProfile profile,
                                           int heartbeatSeconds) throws MqttException {
        Topics topics = new Topics(district, station);
        SimulatedStation s = new SimulatedStation(new MqttAsyncClient(url, station, new MemoryPersistence()), topics);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        o.setSocketFactory(s.recordingFactory());
        Instant now = Instant.now();
        o.setWill(topics.topic(Topics.Kind.STATUS), message(Wire.encode(new StationStatus(StationStatus.SCHEMA, district,
                station, StationStatus.State.OFFLINE, "sim-1", now, null)), StationStatus.SCHEMA, true));
        s.client.connect(o).waitForCompletion(15_000);
        s.publish(Topics.Kind.STATUS, Wire.encode(new StationStatus(StationStatus.SCHEMA, district, station,
                StationStatus.State.ONLINE, "sim-1", now, null, profile, heartbeatSeconds)), StationStatus.SCHEMA, true);
        return s;
    }

    /**
     * Publishes one heartbeat (QoS 1 here, so the test knows it reached the broker).
     *
     * @param queueDepth visits waiting at the station
     * @throws MqttException when publishing fails
     */
    public void heartbeat(long queueDepth) throws MqttException {
        publish(Topics.Kind.TELEMETRY, Wire.encode(new Telemetry(Telemetry.SCHEMA, topics.district(), topics.station(),
                Instant.now(), "sim-1", 60, queueDepth, null, 0, 1_000_000_000L, false, true, 16.5, 0, 3L, 1L)),
                Telemetry.SCHEMA, false);
    }

    /** Closes the TCP connection without DISCONNECT: the broker publishes the will. */
    public void kill() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private void publish(Topics.Kind kind, byte[] payload, String schema, boolean retained) throws MqttException {
        client.publish(topics.topic(kind), message(payload, schema, retained)).waitForCompletion(15_000);
    }

    private static MqttMessage message(byte[] payload, String schema, boolean retained) {
        MqttMessage m = new MqttMessage(payload, 1, retained, new MqttProperties());
        m.getProperties().setContentType(Wire.CONTENT_TYPE);
        m.getProperties().setPayloadFormat(true);
        m.getProperties().setUserProperties(List.of(new UserProperty(Wire.SCHEMA_PROPERTY, schema)));
        return m;
    }

    private SocketFactory recordingFactory() {
        return NoDelaySockets.decorated(SocketFactory.getDefault(), sockets::add);
    }

    /** Disconnects if still connected, and closes the client. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing more to do
        }
    }
}

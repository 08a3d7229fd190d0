package org.warmstation.packaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.Wire;

/**
 * The district's side of the update E2E on the broker: sends signed downlinks to the station and
 * keeps what it reports (running version and update report from status and heartbeats, downlink
 * acks). Thread-safe.
 */
final class StationWatch implements AutoCloseable {
    /** What the station said, from a status or heartbeat. */
    record Seen(String appVersion, UpdateReport update) {
    }

    private final MqttClient client;
    private final Topics topics;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<DownlinkAck> acks = new CopyOnWriteArrayList<>();

    StationWatch(String brokerUrl, Topics topics) throws MqttException {
        this.topics = topics;
        client = new MqttClient(brokerUrl, "district-e2e", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                try {
                    if (topic.equals(topics.topic(Topics.Kind.STATUS))) {
                        StationStatus s = Wire.decode(m.getPayload(), StationStatus.class);
                        if (s.state() == StationStatus.State.ONLINE) {
                            seen.add(new Seen(s.appVersion(), s.update()));
                        }
                    } else if (topic.equals(topics.topic(Topics.Kind.TELEMETRY))) {
                        Telemetry t = Wire.decode(m.getPayload(), Telemetry.class);
                        seen.add(new Seen(t.appVersion(), t.update()));
                    } else if (topic.equals(topics.topic(Topics.Kind.DOWNLINK_ACK))) {
                        acks.add(Wire.decode(m.getPayload(), DownlinkAck.class));
                    }
                } catch (RuntimeException e) {
                    // a malformed message fails the waits, which print what was seen
                }
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reason, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        client.connect(o);
        client.subscribe(new String[] {topics.topic(Topics.Kind.STATUS), topics.topic(Topics.Kind.TELEMETRY),
                topics.topic(Topics.Kind.DOWNLINK_ACK)}, new int[] {1, 0, 1});
    }

    void send(DownlinkCommand cmd, DistrictKey downlinkKey) throws MqttException {
        client.publish(topics.topic(Topics.Kind.DOWNLINK), Wire.encode(Downlink.sign(cmd, downlinkKey)), 1, false);
    }

    /** @return the latest report seen that matches, waiting up to {@code timeout} */
    Seen await(Duration timeout, String what, Predicate<Seen> wanted, KioskInRoot kiosk) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            kiosk.restartWhenAsked();
            for (int i = seen.size() - 1; i >= 0; i--) {
                if (wanted.test(seen.get(i))) {
                    return seen.get(i);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen "
                + (seen.isEmpty() ? "nothing" : seen.getLast()) + "\nkiosk log:\n" + Shell.tail(kiosk.output()));
    }

    /** @return the ack of a command, waiting up to {@code timeout} */
    DownlinkAck ack(java.util.UUID command, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (DownlinkAck a : acks) {
                if (a.commandId().equals(command)) {
                    return a;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ack of " + command + " within " + timeout + "; acks " + acks);
    }

    /** Forgets what was seen so far. */
    void clear() {
        seen.clear();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}

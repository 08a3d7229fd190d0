package org.warmstation.sync.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.warmstation.mqtt.NoDelaySockets;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.protocol.wire.EnrollRequest;
import org.warmstation.protocol.wire.EnrollTopics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.sync.SyncConfig;

/**
 * The terminal's side of the one-time enrollment handshake (decision 0181): connects to the
 * station's broker as the code's enrollment account ({@link EnrollTopics#account}) with the code's
 * credential, over the same transport rules as the agent (ssl:// trusting only the pinned CA, or
 * tcp:// in lab mode, both checked by {@link SyncConfig}), publishes one {@link EnrollRequest} and
 * waits for the {@link EnrollReply} that names this terminal, then disconnects. Stateless; each
 * call blocks for at most the connect timeout plus {@code timeout}.
 */
public final class EnrollmentClient {
    private EnrollmentClient() {
    }

    /**
     * @param station    the station's agent settings (broker URL, CA pin or file, lab mode, connect timeout)
     * @param credential the enrollment code's credential
     * @param request    the request to send
     * @param timeout    how long to wait for the district's reply after publishing
     * @return the district's reply for this terminal
     * @throws IOException when the broker cannot be reached or refuses the account (the message says
     *                     why, e.g. not authorised: the code's account is unknown or gone), or no
     *                     reply came within {@code timeout}
     */
    public static EnrollReply exchange(SyncConfig station, char[] credential, EnrollRequest request, Duration timeout)
            throws IOException {
        String account = EnrollTopics.account(request.station());
        BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
        MqttAsyncClient c = null;
        try {
            c = new MqttAsyncClient(station.serverUri(), account, new MemoryPersistence());
            c.setCallback(new Inbox(replies));
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setSessionExpiryInterval(0L);
            o.setAutomaticReconnect(false);
            o.setConnectionTimeout((int) Math.max(1, station.connectTimeout().toSeconds()));
            o.setUserName(account);
            o.setPassword(new String(credential).getBytes(StandardCharsets.UTF_8));
            if (station.caPin() != null) {
                o.setSocketFactory(NoDelaySockets.tls(TlsSockets.pinned(station.caPin())));
                o.setHttpsHostnameVerificationEnabled(true);
            } else if (station.caFile() != null) {
                o.setSocketFactory(NoDelaySockets.tls(TlsSockets.trusting(station.caFile())));
                o.setHttpsHostnameVerificationEnabled(true);
            }
            long waitMs = station.connectTimeout().toMillis() + 5_000;
            c.connect(o).waitForCompletion(waitMs);
            String replyTopic = EnrollTopics.reply(request.district(), request.station());
            IMqttToken sub = c.subscribe(replyTopic, 1);
            sub.waitForCompletion(waitMs);
            if (sub.getReasonCodes() != null && sub.getReasonCodes().length > 0 && sub.getReasonCodes()[0] >= 0x80) {
                throw new IOException("the broker refused the subscription to " + replyTopic + " (reason "
                        + sub.getReasonCodes()[0] + "): check its ACL (decision 0181)");
            }
            MqttMessage m = new MqttMessage(Wire.encode(request), 1, false, new MqttProperties());
            c.publish(EnrollTopics.request(request.district(), request.station()), m).waitForCompletion(waitMs);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                byte[] payload = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
                if (payload == null) {
                    throw new IOException("no answer from the district within " + timeout.toSeconds() + " s");
                }
                try {
                    EnrollReply r = Wire.decode(payload, EnrollReply.class);
                    if (r.terminalId().equals(request.terminalId()) && r.codeId().equals(request.codeId())) {
                        return r;
                    }
                } catch (WireFormatException ignored) {
                    // not a reply we can read: keep waiting for ours
                }
            }
        } catch (MqttException e) {
            throw new IOException("enrollment connection to " + station.serverUri() + " as " + account + " failed: "
                    + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while enrolling", e);
        } finally {
            close(c);
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return e.getMessage() + " (reason " + e.getReasonCode() + ")" + (cause == null ? "" : ": " + cause.getMessage());
    }

    private static void close(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(2_000);
            }
        } catch (MqttException | RuntimeException ignored) {
            // closing anyway
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // nothing more to do
        }
    }

    private record Inbox(BlockingQueue<byte[]> replies) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            replies.add(message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String uri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}

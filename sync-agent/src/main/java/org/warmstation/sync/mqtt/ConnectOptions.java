package org.warmstation.sync.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.warmstation.mqtt.NoDelaySockets;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.SyncConfig;
import org.warmstation.visitlog.secret.PasswordFile;

/** Builds the Paho connect options of a station from its {@link SyncConfig}. */
public final class ConnectOptions {
    private ConnectOptions() {
    }

    /**
     * Clean start off, explicit session expiry, Paho's automatic reconnect off, keep-alive and
     * connect timeout from the config, last will {@code OFFLINE} (retained, QoS 1) on the status
     * topic, credentials, and TLS with hostname verification trusting only the pinned CA (decision
     * 0180), or the CA file, when one is given.
     *
     * @param config the settings
     * @param will   the last-will status
     * @return the options
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
     * @throws UncheckedIOException     naming the file when the password file cannot be read; blocks
     *                                  on reading it
     */
    public static MqttConnectionOptions of(SyncConfig config, StationStatus will) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        MqttMessage w = MqttLink.message(Wire.encode(will), 1, true, StationStatus.SCHEMA);
        o.setWill(config.topics().topic(Topics.Kind.STATUS), w);
        o.setWillMessageProperties(w.getProperties());
        if (config.username() != null) {
            o.setUserName(config.username());
        }
        char[] password = password(config);
        if (password != null) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            o.setPassword(b);
            Arrays.fill(bytes.array(), (byte) 0);
            if (config.passwordFile() != null) {
                Arrays.fill(password, '\0');
            }
        }
        if (config.caPin() != null) {
            o.setSocketFactory(NoDelaySockets.tls(TlsSockets.pinned(config.caPin())));
            o.setHttpsHostnameVerificationEnabled(true);
        } else if (config.caFile() != null) {
            o.setSocketFactory(NoDelaySockets.tls(TlsSockets.trusting(config.caFile())));
            o.setHttpsHostnameVerificationEnabled(true);
        } else {
            o.setSocketFactory(NoDelaySockets.plain()); // lab mode, tcp://
        }
        return o;
    }

    private static char[] password(SyncConfig config) {
        if (config.passwordFile() == null) {
            return config.password();
        }
        try {
            return PasswordFile.read(config.passwordFile());
        } catch (IOException e) {
            throw new UncheckedIOException("broker password file: " + e.getMessage(), e);
        }
    }

}

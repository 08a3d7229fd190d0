package org.warmstation.sync.mqtt;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.SyncConfig;

/** Builds the Paho connect options of a station from its {@link SyncConfig}. */
public final class ConnectOptions {
    private ConnectOptions() {
    }

    /**
     * Clean start off, explicit session expiry, Paho's automatic reconnect off, keep-alive and
     * connect timeout from the config, last will {@code OFFLINE} (retained, QoS 1) on the status
     * topic, credentials, and TLS with the CA file and hostname verification when one is given.
     *
     * @param config the settings
     * @param will   the last-will status
     * @return the options
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
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
        if (config.password() != null) {
            o.setPassword(new String(config.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (config.caFile() != null) {
            o.setSocketFactory(TlsSockets.trusting(config.caFile()));
            o.setHttpsHostnameVerificationEnabled(true);
        }
        return o;
    }

}

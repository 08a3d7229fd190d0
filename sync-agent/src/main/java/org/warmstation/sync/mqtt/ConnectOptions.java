package org.warmstation.sync.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
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
            o.setSocketFactory(socketFactory(config.caFile()));
            o.setHttpsHostnameVerificationEnabled(true);
        }
        return o;
    }

    /**
     * @param caFile PEM file with one or more CA certificates
     * @return a TLS socket factory trusting exactly those CAs
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static SSLSocketFactory socketFactory(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in CA file " + caFile);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + caFile + ": " + e.getMessage(), e);
        }
    }
}

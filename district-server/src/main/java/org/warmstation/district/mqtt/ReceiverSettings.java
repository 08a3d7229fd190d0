package org.warmstation.district.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a district-server instance connects to its broker.
 *
 * @param brokerUrl   e.g. {@code tcp://127.0.0.1:1883}
 * @param username    the instance's broker username (also its client id), or null without auth
 * @param password    its password, or null
 * @param clientId    MQTT client id; unique per instance
 * @param district    the district id served
 * @param shareGroup  the shared-subscription group of all instances, e.g. {@code district}
 * @param maxBackoff  longest wait between connection attempts, and between database probes while
 *                    the database does not answer (decision 0191)
 * @param caFile      PEM CA file for an {@code ssl://} broker URL (server certificate and host name
 *                    verified), or null for plain TCP (loopback)
 */
public record ReceiverSettings(String brokerUrl, String username, String password, String clientId, int district,
                               String shareGroup, Duration maxBackoff, java.nio.file.Path caFile) {

    /**
     * Plain TCP settings (no CA file).
     *
     * @param brokerUrl  broker URL
     * @param username   username or null
     * @param password   password or null
     * @param clientId   client id
     * @param district   district id
     * @param shareGroup share group
     * @param maxBackoff longest reconnect wait
     */
    public ReceiverSettings(String brokerUrl, String username, String password, String clientId, int district,
                            String shareGroup, Duration maxBackoff) {
        this(brokerUrl, username, password, clientId, district, shareGroup, maxBackoff, null);
    }

    public ReceiverSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(shareGroup, "shareGroup");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }
}

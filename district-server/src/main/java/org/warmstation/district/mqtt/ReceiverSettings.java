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
 * @param maxBackoff  longest wait between connection attempts
 */
public record ReceiverSettings(String brokerUrl, String username, String password, String clientId, int district,
                               String shareGroup, Duration maxBackoff) {
    public ReceiverSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(shareGroup, "shareGroup");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }
}

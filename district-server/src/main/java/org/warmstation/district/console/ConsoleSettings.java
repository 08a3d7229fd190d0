package org.warmstation.district.console;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the console is served.
 *
 * @param host           interface to listen on, e.g. {@code 127.0.0.1}
 * @param port           TCP port; 0 picks a free one (see {@link ConsoleServer#port()})
 * @param district       the district id this server serves
 * @param k              privacy threshold: cells with fewer distinct members are shown as
 *                       {@code <k}; at least {@link #MIN_K}
 * @param mapTilesUrl    Leaflet tile URL template ({@code https://.../{z}/{x}/{y}.png}); empty:
 *                       the map draws the offline district outline
 * @param secureCookies  always mark cookies {@code Secure} (behind a TLS reverse proxy); without
 *                       it they are marked Secure only when a request came over HTTPS or with
 *                       {@code X-Forwarded-Proto: https}
 * @param sessionLifetime how long a login lasts (absolute, not extended by use)
 */
public record ConsoleSettings(String host, int port, int district, int k, Optional<String> mapTilesUrl,
                              boolean secureCookies, Duration sessionLifetime) {
    /** Smallest allowed k. */
    public static final int MIN_K = 3;
    /** The default k. */
    public static final int DEFAULT_K = 5;

    /** @throws IllegalArgumentException when k is below {@link #MIN_K}, the port is out of range or the lifetime not positive */
    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mapTilesUrl, "mapTilesUrl");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        if (k < MIN_K) {
            throw new IllegalArgumentException("k must be at least " + MIN_K + ", not " + k);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (sessionLifetime.isZero() || sessionLifetime.isNegative()) {
            throw new IllegalArgumentException("session lifetime must be positive");
        }
    }

    /**
     * @param host     interface
     * @param port     port, 0 for a free one
     * @param district district id
     * @return settings with k = 5, no tiles, cookies Secure only over HTTPS, 12 h sessions
     */
    public static ConsoleSettings of(String host, int port, int district) {
        return new ConsoleSettings(host, port, district, DEFAULT_K, Optional.empty(), false, Duration.ofHours(12));
    }

    /**
     * @param url tile URL template, or empty
     * @return a copy with that tile URL
     */
    public ConsoleSettings withMapTiles(Optional<String> url) {
        return new ConsoleSettings(host, port, district, k, url, secureCookies, sessionLifetime);
    }

    /**
     * @param newK privacy threshold
     * @return a copy with that k
     */
    public ConsoleSettings withK(int newK) {
        return new ConsoleSettings(host, port, district, newK, mapTilesUrl, secureCookies, sessionLifetime);
    }

    /**
     * @param secure always Secure cookies
     * @return a copy
     */
    public ConsoleSettings withSecureCookies(boolean secure) {
        return new ConsoleSettings(host, port, district, k, mapTilesUrl, secure, sessionLifetime);
    }
}

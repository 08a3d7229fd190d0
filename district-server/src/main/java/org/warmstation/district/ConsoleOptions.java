package org.warmstation.district;

import java.util.Optional;
import org.warmstation.district.console.ConsoleSettings;

/** Turns {@code run}'s console options into {@link ConsoleSettings}. */
final class ConsoleOptions {
    private ConsoleOptions() {
    }

    /**
     * @param http          {@code HOST:PORT} ({@code [::1]:8080} for IPv6) or {@code off}
     * @param district      district id
     * @param k             privacy threshold (at least 3)
     * @param mapTiles      tile URL template or null
     * @param secureCookies always Secure cookies
     * @return the settings, empty for {@code off}
     * @throws IllegalArgumentException with a message naming the option when a value is bad
     */
    static Optional<ConsoleSettings> settings(String http, int district, int k, String mapTiles, boolean secureCookies) {
        if (http == null || http.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int colon = http.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--http must be HOST:PORT or off, not '" + http + "'");
        }
        String host = http.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(http.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--http port must be a number 0-65535, not '" + http.substring(colon + 1) + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http port must be 0-65535, not " + port);
        }
        if (k < ConsoleSettings.MIN_K) {
            throw new IllegalArgumentException("--k must be at least " + ConsoleSettings.MIN_K + ", not " + k);
        }
        Optional<String> tiles = Optional.ofNullable(mapTiles).map(String::strip).filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("none"));
        if (tiles.isPresent() && !tiles.get().matches("https?://.*")) {
            throw new IllegalArgumentException("--map-tiles must be an http(s) URL template, not '" + tiles.get() + "'");
        }
        return Optional.of(ConsoleSettings.of(host, port, district).withK(k).withMapTiles(tiles).withSecureCookies(secureCookies));
    }
}

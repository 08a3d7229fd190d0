package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the kiosk's screens stay up without a touch.
 *
 * @param welcomeTimeout  welcome and already-checked-in screens, reset by each tap (20 s)
 * @param messageTimeout  rejected and failed screens (8 s)
 * @param guestTimeout    the guest category picker (30 s)
 * @param staffTimeout    the PIN keypad and the staff screen (2 min)
 * @param stationName     the station's name as shown on the idle screen
 */
public record KioskSettings(Duration welcomeTimeout, Duration messageTimeout, Duration guestTimeout,
                            Duration staffTimeout, String stationName) {
    /** @throws IllegalArgumentException when a timeout is not positive */
    public KioskSettings {
        Objects.requireNonNull(stationName, "stationName");
        for (Duration d : new Duration[] {welcomeTimeout, messageTimeout, guestTimeout, staffTimeout}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    /**
     * @param stationName the station's name
     * @return the standard timeouts (20 s, 8 s, 30 s, 2 min)
     */
    public static KioskSettings defaults(String stationName) {
        return new KioskSettings(Duration.ofSeconds(20), Duration.ofSeconds(8), Duration.ofSeconds(30),
                Duration.ofMinutes(2), stationName);
    }

    /**
     * @param timeout the welcome timeout
     * @return a copy with that welcome timeout
     */
    public KioskSettings withWelcomeTimeout(Duration timeout) {
        return new KioskSettings(timeout, messageTimeout, guestTimeout, staffTimeout, stationName);
    }
}

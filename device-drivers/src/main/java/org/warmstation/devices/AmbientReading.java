package org.warmstation.devices;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of the room's air.
 *
 * @param celsius          temperature in degrees Celsius
 * @param relativeHumidity relative humidity in percent, 0–100
 * @param at               when it was read (station clock)
 */
public record AmbientReading(double celsius, double relativeHumidity, Instant at) {
    /**
     * @throws IllegalArgumentException when a value is not finite or the humidity is outside 0–100
     */
    public AmbientReading {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(celsius) || !Double.isFinite(relativeHumidity)
                || relativeHumidity < 0 || relativeHumidity > 100) {
            throw new IllegalArgumentException("implausible reading " + celsius + " °C, " + relativeHumidity + " %RH");
        }
    }
}

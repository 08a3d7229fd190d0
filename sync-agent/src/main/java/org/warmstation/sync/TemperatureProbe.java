package org.warmstation.sync;

import java.util.OptionalDouble;

/** A temperature sensor read for the heartbeat; called on the agent's thread, must not block long. */
@FunctionalInterface
public interface TemperatureProbe {
    /** @return degrees Celsius, or empty when the sensor cannot be read now */
    OptionalDouble celsius();
}

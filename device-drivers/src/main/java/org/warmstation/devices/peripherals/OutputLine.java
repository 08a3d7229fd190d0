package org.warmstation.devices.peripherals;

import java.io.IOException;

/**
 * One logical output: a GPIO pin with its active level already applied (on = device on), or a
 * group of pins acting as one.
 */
@FunctionalInterface
public interface OutputLine {
    /**
     * Switches the output; takes microseconds on GPIO, never blocks for long.
     *
     * @param on whether the device is on
     * @throws IOException when the pin could not be driven
     */
    void set(boolean on) throws IOException;
}

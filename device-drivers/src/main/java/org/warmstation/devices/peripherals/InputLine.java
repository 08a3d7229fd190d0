package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.util.function.Consumer;

/** One logical digital input: a GPIO pin with its active level already applied. */
public interface InputLine extends AutoCloseable {
    /**
     * @return whether the input is active now
     * @throws IOException when the pin could not be read
     */
    boolean active() throws IOException;

    /**
     * @param listener called with the new level on every change, on the GPIO event thread
     */
    void onChange(Consumer<Boolean> listener);

    /** Releases the pin; idempotent. */
    @Override
    void close();
}

package org.warmstation.devices;

import java.io.IOException;

/** The ambient-sensor role: temperature and humidity of the room (an I2C sensor). */
public interface AmbientSensor extends AutoCloseable {

    /**
     * Takes one measurement. Blocks for the measurement (tens of milliseconds on I2C); call from a
     * background thread only. Not thread-safe: one caller at a time.
     *
     * @return the reading
     * @throws IOException when the sensor did not answer (unplugged, bus error) or its answer
     *                     failed its checksum
     */
    AmbientReading read() throws IOException;

    /** @return a short description for the log and the staff screen, e.g. {@code SHT31 on I2C bus 1 at 0x44} */
    String describe();

    /** Releases the bus device; idempotent. */
    @Override
    void close();
}

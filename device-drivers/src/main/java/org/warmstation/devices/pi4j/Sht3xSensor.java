package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2C;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.AmbientSensor;

/**
 * A Sensirion SHT3x (SHT30/31/35) temperature and humidity sensor on I2C, read with single-shot
 * measurements without clock stretching (the Pi's I2C controller handles stretching poorly).
 * Datasheet "SHT3x-DIS" (Sensirion, version 7, 2022): section 4.3 (single shot, command 0x2400,
 * high repeatability), 4.12 (CRC-8, polynomial 0x31, init 0xFF), 4.13 (conversion).
 */
public final class Sht3xSensor implements AmbientSensor {
    /** Single shot, high repeatability, clock stretching disabled (datasheet table 9). */
    static final byte[] MEASURE_HIGH = {0x24, 0x00};
    /** Longest high-repeatability measurement (15.5 ms, table 4), with margin. */
    static final Duration MEASURE_TIME = Duration.ofMillis(20);

    private final I2C i2c;
    private final Clock clock;
    private final String description;

    /**
     * @param i2c   the device, opened at the sensor's address
     * @param clock stamps the readings
     */
    public Sht3xSensor(I2C i2c, Clock clock) {
        this.i2c = i2c;
        this.clock = clock;
        this.description = "SHT3x on I2C bus " + i2c.bus() + " at 0x" + Integer.toHexString(i2c.device());
    }

    /**
     * Opens the sensor's I2C device (no bus traffic yet).
     *
     * @param context Pi4J context (LinuxFS I2C on a Pi, mock elsewhere)
     * @param bus     I2C bus number
     * @param address 7-bit address
     * @param clock   stamps the readings
     * @return the sensor
     * @throws IOException when the bus could not be opened (I2C not enabled: raspi-config)
     */
    public static Sht3xSensor open(Context context, int bus, int address, Clock clock) throws IOException {
        try {
            I2C i2c = context.create(I2C.newConfigBuilder(context).id("ambient").name("SHT3x").bus(bus).device(address));
            return new Sht3xSensor(i2c, clock);
        } catch (Pi4JException | IllegalStateException e) {
            throw new IOException("could not open I2C bus " + bus + " at 0x" + Integer.toHexString(address) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public AmbientReading read() throws IOException {
        byte[] data = new byte[6];
        int n;
        try {
            // one transaction under the bus lock: command, wait for the measurement, read
            n = i2c.execute(() -> {
                i2c.write(MEASURE_HIGH);
                Thread.sleep(MEASURE_TIME);
                return i2c.read(data, 0, data.length);
            });
        } catch (RuntimeException e) {
            if (interrupted(e)) {
                Thread.currentThread().interrupt();
                throw new IOException(description + ": interrupted", e);
            }
            throw new IOException(description + ": " + e.getMessage(), e);
        }
        if (n != data.length) {
            throw new IOException(description + " did not answer (read " + n + " of 6 bytes)");
        }
        if (crc8(data, 0) != (data[2] & 0xFF) || crc8(data, 3) != (data[5] & 0xFF)) {
            throw new IOException(description + ": checksum mismatch (noise on the bus or a loose wire)");
        }
        int rawT = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int rawRh = ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
        return new AmbientReading(celsius(rawT), humidity(rawRh), clock.instant());
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** Datasheet 4.13: T = -45 + 175 * S / (2^16 - 1). */
    static double celsius(int raw) {
        return -45 + 175.0 * raw / 65535.0;
    }

    /** Datasheet 4.13: RH = 100 * S / (2^16 - 1). */
    static double humidity(int raw) {
        return 100.0 * raw / 65535.0;
    }

    /** Datasheet 4.12: CRC-8 over two bytes, polynomial 0x31, initial 0xFF, no reflection. */
    static int crc8(byte[] data, int offset) {
        return crc8(data, offset, 2);
    }

    /** CRC-8 with polynomial 0x31, initial 0xFF, no reflection, no final XOR (CRC-8/NRSC-5). */
    static int crc8(byte[] data, int offset, int length) {
        int crc = 0xFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            i2c.close();
        } catch (Pi4JException | IllegalStateException e) {
            // already closed with its context
        }
    }
}

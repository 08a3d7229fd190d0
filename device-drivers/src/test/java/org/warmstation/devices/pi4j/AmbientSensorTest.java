package org.warmstation.devices.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.devices.pi4j.StationFeedbackTest.waitFor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.AmbientMonitor;
import org.warmstation.devices.peripherals.PeripheralStates;

/**
 * The SHT3x driver and the ambient monitor on Pi4J's MockI2C. MockI2C is a byte FIFO: what the
 * driver writes (its command) and what the test queues (the sensor's answer) share it, so each
 * test drains it to check the command.
 */
class AmbientSensorTest {
    private final Context pi4j = Pi4jPlatform.newMockContext();
    private final SettableClock clock = new SettableClock(LocalDateTime.of(2026, 1, 15, 3, 0));

    @AfterEach
    void close() {
        pi4j.shutdown();
    }

    private Sht3xSensor sensor() throws IOException {
        return Sht3xSensor.open(pi4j, 1, 0x44, clock);
    }

    private I2C bus() {
        return pi4j.io("ambient");
    }

    /** Queues a sensor answer: raw temperature and humidity words with their CRCs. */
    private void answer(int rawT, int rawRh) {
        byte[] t = {(byte) (rawT >> 8), (byte) rawT};
        byte[] h = {(byte) (rawRh >> 8), (byte) rawRh};
        byte[] data = {t[0], t[1], (byte) Sht3xSensor.crc8(t, 0), h[0], h[1], (byte) Sht3xSensor.crc8(h, 0)};
        bus().execute(() -> bus().write(data));
    }

    private byte[] drain() {
        return bus().execute(() -> {
            byte[] rest = new byte[16];
            int n = bus().read(rest, 0, rest.length);
            return java.util.Arrays.copyOf(rest, Math.max(n, 0));
        });
    }

    @Test
    void crcMatchesTheDatasheetExampleAndTheCatalogueCheckValue() {
        assertEquals(0x92, Sht3xSensor.crc8(new byte[]{(byte) 0xBE, (byte) 0xEF}, 0), "SHT3x datasheet 4.12 example");
        assertEquals(0xF7, Sht3xSensor.crc8("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9),
                "CRC-8/NRSC-5 check value");
    }

    @Test
    void readsTemperatureAndHumidityWithTheSingleShotCommand() throws Exception {
        try (Sht3xSensor sensor = sensor()) {
            // datasheet example bytes 0xBEEF 0x92 for both words: 85.52 °C, 74.58 %RH by the formulas of 4.13
            bus().execute(() -> bus().write(new byte[]{(byte) 0xBE, (byte) 0xEF, (byte) 0x92, (byte) 0xBE, (byte) 0xEF, (byte) 0x92}));
            var r = sensor.read();
            assertEquals(85.52, r.celsius(), 0.01);
            assertEquals(74.58, r.relativeHumidity(), 0.01);
            assertEquals(clock.instant(), r.at());
            assertArrayEquals(new byte[]{0x24, 0x00}, drain(), "single shot, high repeatability, no clock stretching");
        }
    }

    @Test
    void aMissingAnswerOrABadChecksumIsAnIOException() throws Exception {
        try (Sht3xSensor sensor = sensor()) {
            IOException silent = assertThrows(IOException.class, sensor::read);
            assertTrue(silent.getMessage().contains("did not answer"), silent.getMessage());
            drain();
            bus().execute(() -> bus().write(new byte[]{(byte) 0xBE, (byte) 0xEF, (byte) 0x93, (byte) 0xBE, (byte) 0xEF, (byte) 0x92}));
            IOException noisy = assertThrows(IOException.class, sensor::read);
            assertTrue(noisy.getMessage().contains("checksum"), noisy.getMessage());
        }
    }

    @Test
    void aFailingSensorIsReportedRetriedAndRecovers() throws Exception {
        var states = new PeripheralStates(Set.of(PeripheralRole.AMBIENT), clock);
        try (Sht3xSensor sensor = sensor();
             var monitor = new AmbientMonitor(sensor, Duration.ofSeconds(30), Duration.ofMillis(20), Optional.of(10.0), states)) {
            monitor.start();
            waitFor(() -> states.snapshot().statuses().get(PeripheralRole.AMBIENT).message().contains("failed 3 times"));
            var failing = states.snapshot().statuses().get(PeripheralRole.AMBIENT);
            assertTrue(failing.failing());
            assertTrue(failing.message().contains("did not answer"), failing.message());
            assertTrue(states.snapshot().ambient().isEmpty());

            // 5.0 °C: raw (5 + 45) / 175 * 65535 = 18724.3; 50 %RH: raw 32768 (50.0008 %)
            answer(18724, 32768);
            waitFor(() -> !states.snapshot().statuses().get(PeripheralRole.AMBIENT).failing());
            var s = states.snapshot();
            assertEquals(5.0, s.ambient().orElseThrow().celsius(), 0.01);
            assertEquals(50.0, s.ambient().orElseThrow().relativeHumidity(), 0.01);
            assertTrue(s.lowTemperature(), "5 °C is below the 10 °C alert");
        }
    }

    @Test
    void theLowTemperatureAlertClearsOnlyAboveTheHysteresis() throws Exception {
        var states = new PeripheralStates(Set.of(PeripheralRole.AMBIENT), clock);
        try (Sht3xSensor sensor = sensor();
             var monitor = new AmbientMonitor(sensor, Duration.ofMillis(100), Duration.ofMillis(20), Optional.of(10.0), states)) {
            answer(raw(9.8), 30000);
            monitor.start();
            waitFor(() -> states.snapshot().lowTemperature());
            drain();
            answer(raw(10.2), 30000); // above the alert but within 0.5 °C: still cold
            waitFor(() -> states.snapshot().ambient().orElseThrow().celsius() > 10.1);
            assertTrue(states.snapshot().lowTemperature());
            drain();
            answer(raw(11.0), 30000);
            waitFor(() -> states.snapshot().ambient().orElseThrow().celsius() > 10.9);
            assertFalse(states.snapshot().lowTemperature());
        }
    }

    @Test
    void theDistrictsAlertTemperatureReplacesTheConfiguredOneWithoutARestart() throws Exception {
        var states = new PeripheralStates(Set.of(PeripheralRole.AMBIENT), clock);
        try (Sht3xSensor sensor = sensor();
             var monitor = new AmbientMonitor(sensor, Duration.ofMillis(100), Duration.ofMillis(20), Optional.of(10.0), states)) {
            answer(raw(12.0), 30000);
            monitor.start();
            waitFor(() -> states.snapshot().ambient().isPresent());
            assertFalse(states.snapshot().lowTemperature(), "12 °C is above the configured 10 °C");
            monitor.alertTemperature(Optional.of(14.0));
            drain();
            answer(raw(12.0), 30000);
            waitFor(() -> states.snapshot().lowTemperature());
            monitor.alertTemperature(Optional.empty());
            drain();
            answer(raw(12.0), 30000);
            waitFor(() -> !states.snapshot().lowTemperature());
        }
    }

    /** Raw SHT3x word for a temperature, by the inverse of datasheet 4.13. */
    private static int raw(double celsius) {
        return (int) Math.round((celsius + 45) / 175 * 65535);
    }
}

package org.warmstation.devices.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.devices.pi4j.StationFeedbackTest.waitFor;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.HardwareConfig.BacklightConfig;
import org.warmstation.devices.peripherals.HardwareConfig.MotionConfig;
import org.warmstation.devices.peripherals.HardwareConfig.Pin;
import org.warmstation.devices.peripherals.Peripherals;

/** The PIR sensor (real Pi4J mock input events) and the sysfs backlight (real files). */
class MotionAndBacklightTest {
    private final Context pi4j = Pi4jPlatform.newMockContext();
    private final SettableClock clock = new SettableClock(LocalDateTime.of(2026, 1, 15, 7, 30));
    private Peripherals peripherals;

    @TempDir
    Path sys;

    @AfterEach
    void close() {
        if (peripherals != null) {
            peripherals.close();
        }
        pi4j.shutdown();
    }

    private Path backlightDir() throws Exception {
        Path dir = Files.createDirectories(sys.resolve("10-0045"));
        Files.writeString(dir.resolve("max_brightness"), "255\n");
        Files.writeString(dir.resolve("brightness"), "255\n");
        return dir;
    }

    private static int brightness(Path dir) throws Exception {
        return Integer.parseInt(Files.readString(dir.resolve("brightness")).strip());
    }

    private MockDigitalInput open(Pin pin, Duration debounce, Optional<BacklightConfig> backlight) {
        var config = new HardwareConfig(Map.of(), Optional.empty(), Optional.empty(),
                Optional.of(new MotionConfig(pin, debounce)), Optional.empty(), backlight);
        peripherals = Pi4jPeripherals.open(config, pi4j, clock, "mock", false);
        return pi4j.io("motion");
    }

    @Test
    void motionWakesTheDimmedScreenAndCountsAnEntry() throws Exception {
        Path dir = backlightDir();
        MockDigitalInput pir = open(new Pin(4, false), Duration.ofMillis(50),
                Optional.of(new BacklightConfig(Optional.of(dir), Duration.ofMillis(200), 10)));
        waitFor(() -> !peripherals.states().snapshot().screenAwake());
        assertEquals(26, brightness(dir), "dimmed to 10 % of 255");

        pir.mockState(DigitalState.HIGH);
        waitFor(() -> peripherals.states().snapshot().entriesToday() == 1);
        waitFor(() -> peripherals.states().snapshot().screenAwake());
        assertEquals(255, brightness(dir));
        assertTrue(peripherals.states().snapshot().motion());
    }

    @Test
    void touchWakesTheScreenToo() throws Exception {
        Path dir = backlightDir();
        var config = new HardwareConfig(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new BacklightConfig(Optional.of(dir), Duration.ofMillis(200), 0)));
        peripherals = Pi4jPeripherals.open(config, pi4j, clock, "mock", false);
        waitFor(() -> !peripherals.states().snapshot().screenAwake());
        assertEquals(0, brightness(dir));
        peripherals.userActivity();
        waitFor(() -> peripherals.states().snapshot().screenAwake());
        assertEquals(255, brightness(dir));
    }

    @Test
    void chatterCountsOnceAndANewMotionAfterQuietCountsAgain() throws Exception {
        MockDigitalInput pir = open(new Pin(4, false), Duration.ofMillis(100), Optional.empty());
        List<java.time.Instant> starts = new CopyOnWriteArrayList<>();
        peripherals.roles().motion().orElseThrow().addListener(starts::add);
        pir.mockState(DigitalState.HIGH).mockState(DigitalState.LOW).mockState(DigitalState.HIGH)
                .mockState(DigitalState.LOW).mockState(DigitalState.HIGH);
        waitFor(() -> peripherals.states().snapshot().entriesToday() == 1);
        // sentinel: the end of this motion is handled after every earlier edge of the chatter
        pir.mockState(DigitalState.LOW);
        waitFor(() -> !peripherals.states().snapshot().motion());
        assertEquals(1, peripherals.states().snapshot().entriesToday(), "one person, however the contact chattered");
        assertEquals(List.of(clock.instant()), starts);

        pir.mockState(DigitalState.HIGH);
        waitFor(() -> peripherals.states().snapshot().entriesToday() == 2);
        assertEquals(2, starts.size());
    }

    @Test
    void aBlipShorterThanTheDebounceIsNotAnEntry() throws Exception {
        MockDigitalInput pir = open(new Pin(4, false), Duration.ofSeconds(1), Optional.empty());
        pir.mockState(DigitalState.HIGH).mockState(DigitalState.LOW);
        Thread.sleep(1500);
        assertEquals(0, peripherals.states().snapshot().entriesToday());
        assertFalse(peripherals.states().snapshot().motion());
    }

    @Test
    void activeLowSensorReportsMotionOnLowLevel() throws Exception {
        MockDigitalInput pir = open(new Pin(4, true), Duration.ZERO, Optional.empty());
        pir.mockState(DigitalState.HIGH); // idle level of an active-low sensor
        pir.mockState(DigitalState.LOW);
        waitFor(() -> peripherals.states().snapshot().entriesToday() == 1);
        assertTrue(peripherals.roles().motion().orElseThrow().motion());
    }

    @Test
    void entriesStartAgainOnANewDay() throws Exception {
        MockDigitalInput pir = open(new Pin(4, false), Duration.ZERO, Optional.empty());
        pir.mockState(DigitalState.HIGH).mockState(DigitalState.LOW);
        waitFor(() -> peripherals.states().snapshot().entriesToday() == 1);
        clock.set(LocalDateTime.of(2026, 1, 16, 6, 0));
        pir.mockState(DigitalState.HIGH);
        waitFor(() -> peripherals.states().snapshot().entriesDay().getDayOfMonth() == 16);
        assertEquals(1, peripherals.states().snapshot().entriesToday());
    }

    @Test
    void aMissingBacklightIsReportedAndTheRestWorks() throws Exception {
        var config = new HardwareConfig(Map.of(), Optional.empty(), Optional.empty(),
                Optional.of(new MotionConfig(new Pin(4, false), Duration.ZERO)), Optional.empty(),
                Optional.of(new BacklightConfig(Optional.of(sys.resolve("none")), Duration.ofMinutes(1), 10)));
        peripherals = Pi4jPeripherals.open(config, pi4j, clock, "mock", false);
        var s = peripherals.states().snapshot();
        assertTrue(s.statuses().get(PeripheralRole.BACKLIGHT).failing());
        assertTrue(s.statuses().get(PeripheralRole.BACKLIGHT).message().contains("none"));
        assertTrue(peripherals.roles().backlight().isEmpty());
        pi4j.<MockDigitalInput>io("motion").mockState(DigitalState.HIGH);
        waitFor(() -> peripherals.states().snapshot().entriesToday() == 1);
    }
}

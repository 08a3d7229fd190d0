package org.warmstation.devices.peripherals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.DoorMode;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.PeripheralRole;

class HardwareConfigTest {

    @Test
    void fullStationConfigParses() throws Exception {
        var c = HardwareConfig.parse(Map.ofEntries(
                Map.entry("station.id", "BJ-CY-0001"),
                Map.entry("hardware.light.green.pin", "17"), Map.entry("hardware.light.red.pin", "27"),
                Map.entry("hardware.light.red.activeLow", "true"),
                Map.entry("hardware.buzzer.pin", "18"), Map.entry("hardware.buzzer.nightHours", "22:00-06:00"),
                Map.entry("hardware.door.pin", "23"), Map.entry("hardware.door.pulse", "PT5S"),
                Map.entry("hardware.door.mode", "fail-safe"), Map.entry("hardware.door.openingHours", "20:00-08:00"),
                Map.entry("hardware.motion.pin", "24"), Map.entry("hardware.motion.debounce", "PT0.5S"),
                Map.entry("hardware.ambient.address", "0x45"), Map.entry("hardware.ambient.lowAlert", "12.5"),
                Map.entry("hardware.backlight.path", "auto")));
        assertEquals(Set.of(LightColor.GREEN, LightColor.RED), c.lights().keySet());
        assertTrue(c.lights().get(LightColor.RED).activeLow());
        assertFalse(c.lights().get(LightColor.GREEN).activeLow());
        assertTrue(c.buzzer().orElseThrow().nightHours().orElseThrow().contains(LocalTime.of(2, 0)));
        var door = c.door().orElseThrow();
        assertEquals(Duration.ofSeconds(5), door.pulse());
        assertEquals(DoorMode.FAIL_SAFE, door.mode());
        assertTrue(door.openingHours().contains(LocalTime.of(23, 0)));
        assertFalse(door.openingHours().contains(LocalTime.of(12, 0)));
        assertEquals(Duration.ofMillis(500), c.motion().orElseThrow().debounce());
        var ambient = c.ambient().orElseThrow();
        assertEquals(1, ambient.bus());
        assertEquals(0x45, ambient.address());
        assertEquals(Optional.of(12.5), ambient.lowAlertCelsius());
        assertEquals(Optional.empty(), c.backlight().orElseThrow().directory());
        assertEquals(Set.of(PeripheralRole.values()), c.roles());
    }

    @Test
    void noHardwareKeysMeansNoRoles() throws Exception {
        var c = HardwareConfig.parse(Map.of("station.id", "x"));
        assertTrue(c.roles().isEmpty());
    }

    @Test
    void doorDefaultsAreFailSecureThreeSecondsAlwaysOpen() throws Exception {
        var door = HardwareConfig.parse(Map.of("hardware.door.pin", "23")).door().orElseThrow();
        assertEquals(DoorMode.FAIL_SECURE, door.mode());
        assertEquals(Duration.ofSeconds(3), door.pulse());
        assertTrue(door.openingHours().contains(LocalTime.of(3, 0)));
        assertFalse(door.openOnDuplicate());
    }

    @Test
    void everyWrongKeyIsNamed() {
        var e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.parse(Map.of(
                "hardware.light.green.pin", "28",
                "hardware.door.pin", "23", "hardware.door.pulse", "3 seconds",
                "hardware.buzzer.pin", "23",
                "hardware.buzzer.nightHours", "late",
                "hardware.dor.mode", "FAIL_SAFE",
                "hardware.motion.pin", "4", "hardware.motion.activeLow", "maybe")));
        List<String> keys = e.problems().stream().map(HardwareConfigException.Problem::key).toList();
        assertEquals(List.of("hardware.buzzer.nightHours", "hardware.door.pin", "hardware.door.pulse",
                "hardware.dor.mode", "hardware.light.green.pin", "hardware.motion.activeLow"), keys);
        assertTrue(e.getMessage().contains("hardware.door.pin: BCM pin 23 is already used by hardware.buzzer.pin"),
                e.getMessage());
    }

    @Test
    void activeHighDoorRelayOnAPulledUpPinIsRefused() throws Exception {
        var e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.parse(Map.of(
                "hardware.door.pin", "5", "hardware.door.mode", "FAIL_SECURE")));
        assertEquals(List.of("hardware.door.pin"), e.problems().stream().map(HardwareConfigException.Problem::key).toList());
        assertTrue(e.getMessage().contains("BCM 5 is pulled up") && e.getMessage().contains("use BCM 9-27"), e.getMessage());
        // the same pin is fine for an active-low module (the pull-up keeps it off), as is BCM 9 active-high
        assertEquals(5, HardwareConfig.parse(Map.of("hardware.door.pin", "5", "hardware.door.activeLow", "true"))
                .door().orElseThrow().pin().bcm());
        assertEquals(9, HardwareConfig.parse(Map.of("hardware.door.pin", "9")).door().orElseThrow().pin().bcm());
    }

    @Test
    void i2cPinsCannotBeUsedWithTheAmbientSensor() {
        var e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.parse(Map.of(
                "hardware.light.green.pin", "2", "hardware.ambient.bus", "1")));
        assertEquals("hardware.light.green.pin", e.problems().get(0).key());
        assertTrue(e.getMessage().contains("I2C"));
    }

    @Test
    void outOfRangeValuesAreRejected() {
        var e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.parse(Map.of(
                "hardware.door.pin", "23", "hardware.door.pulse", "PT5M",
                "hardware.ambient.address", "0x76", "hardware.backlight.path", "auto",
                "hardware.backlight.dimPercent", "150")));
        assertEquals(List.of("hardware.ambient.address", "hardware.backlight.dimPercent", "hardware.door.pulse"),
                e.problems().stream().map(HardwareConfigException.Problem::key).toList());
    }

    @Test
    void timeWindowsRunOverMidnightAndTo2400() {
        var night = TimeWindow.parse("22:00-06:00");
        assertTrue(night.contains(LocalTime.of(22, 0)));
        assertTrue(night.contains(LocalTime.of(5, 59)));
        assertFalse(night.contains(LocalTime.of(6, 0)));
        assertFalse(night.contains(LocalTime.NOON));
        var split = TimeWindow.parse("08:00-12:00, 14:00-24:00");
        assertTrue(split.contains(LocalTime.of(23, 59)));
        assertFalse(split.contains(LocalTime.of(13, 0)));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("08:00-08:00"));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("8am-noon"));
    }
}

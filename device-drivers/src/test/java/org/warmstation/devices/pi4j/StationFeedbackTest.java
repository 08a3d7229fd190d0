package org.warmstation.devices.pi4j;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.Pattern;
import org.warmstation.devices.peripherals.CheckInOutcome;
import org.warmstation.devices.peripherals.FeedbackPatterns;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.Peripherals;

/** Check-in outcomes on Pi4J's mock platform: pin levels, their order and their durations. */
class StationFeedbackTest {
    private static final Duration PULSE = Duration.ofMillis(300);
    private static final String[] PINS = {"light-green", "light-red", "light-amber", "buzzer", "door"};

    private final Context pi4j = Pi4jPlatform.newMockContext();
    private final SettableClock clock = new SettableClock(LocalDateTime.of(2026, 1, 15, 12, 0));
    private Peripherals peripherals;

    @AfterEach
    void close() {
        if (peripherals != null) {
            peripherals.close();
        }
        pi4j.shutdown();
    }

    private static Map<String, String> station(String... extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                "hardware.light.green.pin", "17", "hardware.light.red.pin", "27", "hardware.light.amber.pin", "22",
                "hardware.buzzer.pin", "18", "hardware.buzzer.nightHours", "22:00-06:00",
                "hardware.door.pin", "23", "hardware.door.activeLow", "true", "hardware.door.pulse", "PT0.3S",
                "hardware.door.openingHours", "08:00-20:00"));
        for (int i = 0; i < extra.length; i += 2) {
            m.put(extra[i], extra[i + 1]);
        }
        return m;
    }

    private PinRecorder open(Map<String, String> keys) throws Exception {
        peripherals = Pi4jPeripherals.open(HardwareConfig.parse(keys), pi4j, clock, "mock", false);
        return new PinRecorder(pi4j, PINS);
    }

    private DigitalState level(String id) {
        return pi4j.<DigitalOutput>io(id).state();
    }

    private static void assertAtLeast(Duration expected, Duration actual, String what) {
        assertTrue(actual.compareTo(expected) >= 0, what + " lasted " + actual + ", less than " + expected);
    }

    @Test
    void acceptedLightsGreenBeepsAndPulsesTheDoorThenAllGoOff() throws Exception {
        PinRecorder pins = open(station());
        assertEquals(HIGH, level("door"), "active-low relay starts released (door locked)");

        peripherals.feedback().accepted().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(HIGH, LOW), pins.levels("light-green"));
        assertEquals(List.of(HIGH, LOW), pins.levels("buzzer"));
        assertEquals(List.of(LOW, HIGH), pins.levels("door"), "relay energised (low), then released");
        assertEquals(List.of(), pins.levels("light-red"));
        assertEquals(List.of(), pins.levels("light-amber"));
        assertAtLeast(FeedbackPatterns.light(CheckInOutcome.ACCEPTED).length(), pins.stretches("light-green", HIGH).get(0), "green");
        assertAtLeast(FeedbackPatterns.buzzer(CheckInOutcome.ACCEPTED).length(), pins.stretches("buzzer", HIGH).get(0), "beep");
        assertAtLeast(PULSE, pins.stretches("door", LOW).get(0), "door pulse");
        for (String pin : List.of("light-green", "light-red", "light-amber", "buzzer")) {
            assertEquals(LOW, level(pin), pin + " off at the end");
        }
        assertEquals(HIGH, level("door"), "door locked at the end");
        var s = peripherals.states().snapshot();
        assertFalse(s.doorOpen());
        assertEquals(Optional.empty(), s.light());
    }

    @Test
    void rejectionCutsAnAcceptedGreenShortAndNeverLightsTwoColours() throws Exception {
        PinRecorder pins = open(station());
        var accepted = peripherals.feedback().accepted();
        waitFor(() -> level("light-green") == HIGH);
        peripherals.feedback().rejected().get(10, TimeUnit.SECONDS);

        assertTrue(accepted.isCompletedExceptionally(), "the accepted feedback was cut short");
        var all = pins.all();
        int greenOff = indexOf(all, "light-green", LOW);
        int redOn = indexOf(all, "light-red", HIGH);
        assertTrue(greenOff >= 0 && greenOff < redOn, "green goes off before red comes on: " + all);
        assertEquals(List.of(HIGH, LOW, HIGH, LOW, HIGH, LOW, HIGH, LOW), pins.levels("light-red"), "four red flashes");
        Pattern red = FeedbackPatterns.light(CheckInOutcome.REJECTED);
        for (Duration d : pins.stretches("light-red", HIGH)) {
            assertAtLeast(red.steps().get(0).length(), d, "red flash");
        }
        for (Duration d : pins.stretches("light-red", LOW)) {
            assertAtLeast(red.steps().get(1).length(), d, "gap between red flashes");
        }
        assertEquals(List.of(LOW), pins.levels("door").subList(0, 1), "the accepted check-in opened the door");
        assertEquals(1, pins.levels("door").stream().filter(l -> l == LOW).count(), "rejection does not open the door");
        assertAtLeast(FeedbackPatterns.buzzer(CheckInOutcome.REJECTED).length(), last(pins.stretches("buzzer", HIGH)), "reject beep");
    }

    @Test
    void alreadyCheckedInShowsAmberAndBeepsTwiceWithTheDoorShut() throws Exception {
        PinRecorder pins = open(station());
        peripherals.feedback().alreadyCheckedIn().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(HIGH, LOW), pins.levels("light-amber"));
        assertEquals(List.of(HIGH, LOW, HIGH, LOW), pins.levels("buzzer"));
        assertEquals(List.of(), pins.levels("door"));
        Pattern beeps = FeedbackPatterns.buzzer(CheckInOutcome.ALREADY_CHECKED_IN);
        assertAtLeast(beeps.steps().get(1).length(), pins.stretches("buzzer", LOW).get(0), "gap between beeps");
    }

    @Test
    void alreadyCheckedInOpensTheDoorWhenConfigured() throws Exception {
        PinRecorder pins = open(station("hardware.door.openOnDuplicate", "true"));
        peripherals.feedback().alreadyCheckedIn().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(LOW, HIGH), pins.levels("door"));
    }

    @Test
    void doorStaysShutOutsideOpeningHoursButTheLightStillShows() throws Exception {
        clock.set(LocalDateTime.of(2026, 1, 15, 20, 30));
        PinRecorder pins = open(station());
        peripherals.feedback().accepted().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), pins.levels("door"));
        assertEquals(List.of(HIGH, LOW), pins.levels("light-green"));
    }

    @Test
    void buzzerIsQuietDuringNightHoursAndWhenMuted() throws Exception {
        clock.set(LocalDateTime.of(2026, 1, 15, 23, 15));
        PinRecorder pins = open(station("hardware.door.openingHours", "00:00-24:00"));
        peripherals.feedback().accepted().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), pins.levels("buzzer"), "night hours");
        assertEquals(List.of(LOW, HIGH), pins.levels("door"), "the door still opens at night when opening hours allow");

        clock.set(LocalDateTime.of(2026, 1, 16, 9, 0));
        peripherals.feedback().setMuted(true);
        peripherals.feedback().rejected().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), pins.levels("buzzer"), "muted");
        assertTrue(peripherals.states().snapshot().muted());

        peripherals.feedback().setMuted(false);
        peripherals.feedback().rejected().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(HIGH, LOW), pins.levels("buzzer"), "unmuted in the day");
    }

    @Test
    void failSafeDoorIsEnergisedWhileLockedAndReleasedToOpen() throws Exception {
        PinRecorder pins = open(station("hardware.door.mode", "FAIL_SAFE", "hardware.door.activeLow", "false"));
        assertEquals(HIGH, level("door"), "fail-safe: coil energised (active-high) while locked");
        peripherals.roles().door().orElseThrow().pulse(PULSE);
        assertEquals(List.of(LOW, HIGH), pins.levels("door"));
        assertAtLeast(PULSE, pins.stretches("door", LOW).get(0), "fail-safe release");
    }

    @Test
    void pulseAsyncReturnsAtOnceAndASecondPulseExtendsWithoutClicking() throws Exception {
        PinRecorder pins = open(station());
        var door = peripherals.roles().door().orElseThrow();
        var first = door.pulseAsync(Duration.ofMillis(400));
        assertFalse(first.isDone(), "pulseAsync does not wait for the pulse");
        waitFor(door::isOpen);
        Thread.sleep(150);
        long second = System.nanoTime();
        var extended = door.pulseAsync(Duration.ofMillis(400));
        extended.get(10, TimeUnit.SECONDS);

        assertTrue(first.isCancelled(), "the first pulse was superseded");
        assertEquals(List.of(LOW, HIGH), pins.levels("door"), "one opening, no click in between");
        long closedAt = pins.of("door").get(1).nanos();
        assertAtLeast(Duration.ofMillis(400), Duration.ofNanos(closedAt - second), "extended pulse after the second call");
    }

    @Test
    void closingMidPulseLocksTheDoor() throws Exception {
        PinRecorder pins = open(station());
        var door = peripherals.roles().door().orElseThrow();
        var pulse = door.pulseAsync(Duration.ofSeconds(30));
        waitFor(door::isOpen);
        peripherals.close();
        peripherals = null;
        assertEquals(List.of(LOW, HIGH), pins.levels("door"));
        assertEquals(HIGH, level("door"));
        assertTrue(pulse.isCancelled());
    }

    @Test
    void aRelayLeftEnergisedIsReleasedAtStart() throws Exception {
        var pin = new HardwareConfig.Pin(23, true);
        var line = Pi4jOutputLine.open(pi4j, "door", pin, true); // as a crashed app may leave it
        assertEquals(LOW, level("door"));
        var states = new org.warmstation.devices.peripherals.PeripheralStates(
                java.util.Set.of(org.warmstation.devices.PeripheralRole.DOOR), clock);
        try (var door = new org.warmstation.devices.peripherals.PinDoorRelay(line,
                org.warmstation.devices.DoorMode.FAIL_SECURE, states)) {
            assertEquals(HIGH, level("door"));
            assertFalse(door.isOpen());
        }
    }

    @Test
    void aPinAlreadyClaimedLeavesThatRoleOutAndTheRestWorks() throws Exception {
        pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("someone-else").address(18)); // BCM 18 taken
        peripherals = Pi4jPeripherals.open(HardwareConfig.parse(station()), pi4j, clock, "mock", false);
        var buzzer = peripherals.states().snapshot().statuses().get(org.warmstation.devices.PeripheralRole.BUZZER);
        assertTrue(buzzer.failing());
        assertTrue(buzzer.message().contains("BCM 18"), buzzer.message());
        assertTrue(peripherals.roles().buzzer().isEmpty());

        PinRecorder pins = new PinRecorder(pi4j, "light-green", "door");
        peripherals.feedback().accepted().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(HIGH, LOW), pins.levels("light-green"));
        assertEquals(List.of(LOW, HIGH), pins.levels("door"));
    }

    @Test
    void aStationWithoutPeripheralsAcceptsFeedbackAndDoesNothing() throws Exception {
        peripherals = Pi4jPeripherals.open(HardwareConfig.parse(Map.of()), pi4j, clock, "mock", false);
        peripherals.feedback().accepted().get(5, TimeUnit.SECONDS);
        assertTrue(peripherals.roles().light().isEmpty());
        assertTrue(peripherals.states().snapshot().present().isEmpty());
        assertEquals(0, pi4j.registry().all().size(), "no pin claimed");
    }

    @Test
    void aLightWithOnlyGreenIgnoresRed() throws Exception {
        peripherals = Pi4jPeripherals.open(HardwareConfig.parse(Map.of("hardware.light.green.pin", "5")), pi4j, clock,
                "mock", false);
        var light = peripherals.roles().light().orElseThrow();
        assertEquals(java.util.Set.of(LightColor.GREEN), light.colors());
        assertTrue(light.showAsync(LightColor.RED, Pattern.steady(Duration.ofSeconds(1))).isDone());
    }

    private static Duration last(List<Duration> list) {
        return list.get(list.size() - 1);
    }

    private static int indexOf(List<PinRecorder.Change> all, String pin, DigitalState state) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).pin().equals(pin) && all.get(i).state() == state) {
                return i;
            }
        }
        return -1;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}

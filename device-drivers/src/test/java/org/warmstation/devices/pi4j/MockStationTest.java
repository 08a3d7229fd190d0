package org.warmstation.devices.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.devices.pi4j.StationFeedbackTest.waitFor;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.PeripheralRole;

/** The demo's simulated station runs the real drivers on the mock platform. */
class MockStationTest {
    @Test
    void demoStationReadsTheSimulatedRoomCountsMotionAndShowsFeedback() throws Exception {
        var clock = new SettableClock(LocalDateTime.of(2026, 1, 15, 10, 0));
        try (MockStation demo = MockStation.open(clock)) {
            var states = demo.peripherals().states();
            var everFailing = new java.util.concurrent.atomic.AtomicBoolean();
            states.addListener(s -> everFailing.compareAndSet(false, !s.failing().isEmpty()));
            assertEquals(EnumSet.complementOf(EnumSet.of(PeripheralRole.BACKLIGHT)), EnumSet.copyOf(states.snapshot().present()));
            waitFor(() -> states.snapshot().ambient().isPresent());
            assertFalse(everFailing.get(), "the simulated sensor answers from the first reading");
            assertEquals(18.5, states.snapshot().ambient().orElseThrow().celsius(), 0.01);
            assertFalse(states.snapshot().lowTemperature());

            demo.room(6, 40);
            waitFor(() -> states.snapshot().lowTemperature());
            assertEquals(6.0, states.snapshot().ambient().orElseThrow().celsius(), 0.01);

            demo.motion();
            waitFor(() -> states.snapshot().entriesToday() == 1);

            var accepted = demo.peripherals().feedback().accepted();
            waitFor(() -> states.snapshot().doorOpen());
            accepted.get(10, TimeUnit.SECONDS);
            assertFalse(states.snapshot().doorOpen());
            assertTrue(states.snapshot().failing().isEmpty(), states.snapshot().statuses().toString());
        }
    }
}

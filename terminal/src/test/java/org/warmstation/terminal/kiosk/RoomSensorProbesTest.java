package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.PeripheralStates;

class RoomSensorProbesTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void heartbeatReadsTheAmbientSensorAndTheEntriesOfToday() {
        PeripheralStates states = new PeripheralStates(Set.of(PeripheralRole.AMBIENT, PeripheralRole.MOTION),
                Clock.fixed(NOW, BEIJING));
        states.ambient(new AmbientReading(16.5, 40, NOW.minusSeconds(30)), false);
        states.entry();
        states.entry();
        assertEquals(OptionalDouble.of(16.5), RoomSensorProbes.temperature(states, clock).celsius());
        assertEquals(OptionalLong.of(2), RoomSensorProbes.motion(states, clock, BEIJING).entriesToday());
    }

    @Test
    void staleReadingsAndMissingSensorsReportNothingRatherThanZero() {
        PeripheralStates none = new PeripheralStates(Set.of(), Clock.fixed(NOW, BEIJING));
        assertTrue(RoomSensorProbes.temperature(none, clock).celsius().isEmpty());
        assertTrue(RoomSensorProbes.motion(none, clock, BEIJING).entriesToday().isEmpty());
        PeripheralStates stale = new PeripheralStates(Set.of(PeripheralRole.AMBIENT), Clock.fixed(NOW, BEIJING));
        stale.ambient(new AmbientReading(16.5, 40, NOW.minus(RoomSensorProbes.STALE_AFTER).minusSeconds(1)), false);
        assertTrue(RoomSensorProbes.temperature(stale, clock).celsius().isEmpty());
    }

    @Test
    void entriesOfAnEarlierDayCountAsNoneToday() {
        PeripheralStates states = new PeripheralStates(Set.of(PeripheralRole.MOTION), Clock.fixed(NOW, BEIJING));
        states.entry();
        Clock tomorrow = Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC);
        assertEquals(OptionalLong.of(0), RoomSensorProbes.motion(states, tomorrow, BEIJING).entriesToday());
    }
}

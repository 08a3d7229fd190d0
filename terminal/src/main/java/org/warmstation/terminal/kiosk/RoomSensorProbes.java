package org.warmstation.terminal.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.PeripheralSnapshot;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.sync.MotionProbe;
import org.warmstation.sync.TemperatureProbe;

/**
 * The heartbeat's view of the kiosk's room sensors: the ambient sensor's temperature and the
 * motion sensor's entries today, read from the live {@link PeripheralStates} (non-blocking; safe
 * on the agent's thread). A station without the role configured reports nothing (null on the
 * wire), never zero.
 */
final class RoomSensorProbes {
    /** A reading older than this is not reported (the sensor stopped answering). */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private RoomSensorProbes() {
    }

    /**
     * @param states the peripherals' live state
     * @param clock  the station clock
     * @return the room temperature, or a probe that is empty without an ambient sensor or a fresh reading
     */
    static TemperatureProbe temperature(PeripheralStates states, Clock clock) {
        return () -> {
            PeripheralSnapshot s = states.snapshot();
            if (!s.present().contains(PeripheralRole.AMBIENT) || s.ambient().isEmpty()
                    || s.ambient().get().at().isBefore(clock.instant().minus(STALE_AFTER))) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(s.ambient().get().celsius());
        };
    }

    /**
     * @param states the peripherals' live state
     * @param clock  the station clock
     * @param zone   the station's zone (what "today" is)
     * @return entries today, or a probe that is empty without a motion sensor
     */
    static MotionProbe motion(PeripheralStates states, Clock clock, ZoneId zone) {
        return () -> {
            PeripheralSnapshot s = states.snapshot();
            if (!s.present().contains(PeripheralRole.MOTION)) {
                return OptionalLong.empty();
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            return OptionalLong.of(s.entriesDay().equals(today) ? s.entriesToday() : 0);
        };
    }
}

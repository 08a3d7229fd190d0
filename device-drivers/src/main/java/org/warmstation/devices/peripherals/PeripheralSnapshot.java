package org.warmstation.devices.peripherals;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;

/**
 * What the station's peripherals show and sense at one moment, for the staff screen, the demo
 * panel, the heartbeat and telemetry. Immutable.
 *
 * @param present            the configured roles
 * @param statuses           health of each present role (a role not yet used is OK)
 * @param light              the colour lit, if any
 * @param buzzing            whether the buzzer sounds
 * @param muted              whether the buzzer is muted by staff
 * @param doorOpen           whether the door relay holds the door open
 * @param motion             whether the PIR sensor reports motion
 * @param entriesDay         the local day {@code entriesToday} counts
 * @param entriesToday       motion starts counted on that day (people who came in, with or without checking in)
 * @param ambient            the latest good ambient reading, if any
 * @param lowTemperature     whether the room is below the configured low-temperature alert
 * @param screenAwake        whether the screen is at full brightness (false: dimmed after idle)
 */
public record PeripheralSnapshot(Set<PeripheralRole> present, Map<PeripheralRole, PeripheralStatus> statuses,
                                 Optional<LightColor> light, boolean buzzing, boolean muted, boolean doorOpen,
                                 boolean motion, LocalDate entriesDay, long entriesToday,
                                 Optional<AmbientReading> ambient, boolean lowTemperature, boolean screenAwake) {
    public PeripheralSnapshot {
        present = Set.copyOf(present);
        statuses = Map.copyOf(statuses);
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(entriesDay, "entriesDay");
        Objects.requireNonNull(ambient, "ambient");
    }

    /** @return the roles that are failing now */
    public Set<PeripheralRole> failing() {
        return Set.copyOf(statuses.values().stream().filter(PeripheralStatus::failing).map(PeripheralStatus::role).toList());
    }
}

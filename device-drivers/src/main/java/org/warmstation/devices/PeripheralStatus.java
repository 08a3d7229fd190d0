package org.warmstation.devices;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a peripheral works, for the staff screen, the log and telemetry.
 *
 * @param role    the peripheral
 * @param health  working or failing
 * @param message a short English detail (the last error when failing), possibly empty
 * @param since   when it entered this health (station clock)
 */
public record PeripheralStatus(PeripheralRole role, Health health, String message, Instant since) {
    public PeripheralStatus {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(since, "since");
    }

    /** Health of a peripheral. */
    public enum Health {
        /** Last use or reading succeeded. */
        OK,
        /** Last use or reading failed; it is retried (inputs/sensor) or tried again on next use (outputs). */
        FAILING
    }

    /** @return whether the peripheral is failing */
    public boolean failing() {
        return health == Health.FAILING;
    }
}

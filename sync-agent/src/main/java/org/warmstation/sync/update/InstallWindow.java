package org.warmstation.sync.update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.warmstation.protocol.wire.StationHours;

/**
 * When a verified update may be installed (issue 15): outside the station's opening hours (the
 * district's settings document), or when nobody has checked in for {@link #IDLE} (10 minutes).
 * Thread-safe when its suppliers are; they are called on the updater's thread.
 */
public final class InstallWindow {
    /** How long without a check-in counts as idle. */
    public static final Duration IDLE = Duration.ofMinutes(10);

    private final Supplier<Optional<StationHours>> hours;
    private final Supplier<Optional<Instant>> lastActivity;
    private final ZoneId zone;
    private final Duration idle;

    /**
     * @param hours        the station's opening hours now, or empty when it publishes none (open
     *                     around the clock: then only idleness opens the window)
     * @param lastActivity the last check-in, or empty when there was none
     * @param zone         the station's zone
     * @param idle         how long without a check-in counts as idle ({@link #IDLE})
     */
    public InstallWindow(Supplier<Optional<StationHours>> hours, Supplier<Optional<Instant>> lastActivity, ZoneId zone,
                         Duration idle) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.lastActivity = Objects.requireNonNull(lastActivity, "lastActivity");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.idle = Objects.requireNonNull(idle, "idle");
    }

    /**
     * @param now the current time
     * @return why installing is fine now ("closed", "idle for 12 min"), or empty when it is not
     */
    public Optional<String> openAt(Instant now) {
        Optional<StationHours> h = hours.get();
        if (h.isPresent() && !h.get().openAt(LocalDateTime.ofInstant(now, zone))) {
            return Optional.of("outside opening hours");
        }
        Optional<Instant> last = lastActivity.get();
        if (last.isEmpty() || !last.get().plus(idle).isAfter(now)) {
            return Optional.of("no check-in for " + idle.toMinutes() + " min");
        }
        return Optional.empty();
    }
}

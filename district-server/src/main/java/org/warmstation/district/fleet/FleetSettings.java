package org.warmstation.district.fleet;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the district judges its stations. Immutable.
 *
 * @param defaultHeartbeat   the heartbeat interval assumed for a station that did not announce its
 *                           own (terminals before issue 9; default 60 s, the terminal's default)
 * @param quietFactor        a connected station is QUIET when nothing arrived for this many of its
 *                           heartbeat intervals (default 2.5: one lost QoS 0 heartbeat is not enough;
 *                           decision 0076); 1.5 to 100
 * @param busyEntriesPerHour a station is "busy" when its motion sensor counted at least this many
 *                           entries in the last hour (default 12), at least 1
 * @param zone               the district's zone: what "today" is for today's visits (default Asia/Shanghai)
 */
public record FleetSettings(Duration defaultHeartbeat, double quietFactor, long busyEntriesPerHour, ZoneId zone) {
    /** The defaults above. */
    public static final FleetSettings DEFAULTS = new FleetSettings(Duration.ofSeconds(60), 2.5, 12,
            ZoneId.of("Asia/Shanghai"));

    /** @throws IllegalArgumentException naming the setting out of range */
    public FleetSettings {
        Objects.requireNonNull(defaultHeartbeat, "defaultHeartbeat");
        Objects.requireNonNull(zone, "zone");
        if (defaultHeartbeat.isNegative() || defaultHeartbeat.isZero()) {
            throw new IllegalArgumentException("defaultHeartbeat must be positive: " + defaultHeartbeat);
        }
        if (!(quietFactor >= 1.5 && quietFactor <= 100)) {
            throw new IllegalArgumentException("quietFactor must be 1.5..100: " + quietFactor);
        }
        if (busyEntriesPerHour < 1) {
            throw new IllegalArgumentException("busyEntriesPerHour must be at least 1: " + busyEntriesPerHour);
        }
    }

    /**
     * @param heartbeat the station's announced heartbeat interval, or null
     * @return how long a connected station may stay silent before it is QUIET
     */
    public Duration quietAfter(Duration heartbeat) {
        Duration hb = heartbeat == null ? defaultHeartbeat : heartbeat;
        return Duration.ofMillis(Math.round(hb.toMillis() * quietFactor));
    }

    /**
     * @param quietFactor the new factor
     * @return these settings with another quiet factor
     * @throws IllegalArgumentException when out of range
     */
    public FleetSettings withQuietFactor(double quietFactor) {
        return new FleetSettings(defaultHeartbeat, quietFactor, busyEntriesPerHour, zone);
    }
}

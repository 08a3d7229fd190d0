package org.warmstation.district.fleet;

import java.time.Duration;
import java.time.Instant;

/** Classifies a station's state from what the district stored. Pure functions. */
public final class StationStates {
    private StationStates() {
    }

    /**
     * The state and since when.
     *
     * @param state state with its start (district clock), or null since when unknown
     * @param since when the state began: connect/loss noticed for ONLINE/OFFLINE, the last message
     *              for QUIET, null for UNKNOWN
     */
    public record Judged(StationState state, Instant since) {
    }

    /**
     * @param status     the stored status: ONLINE, OFFLINE or UNKNOWN
     * @param stateSince when the stored status began (district clock), or null
     * @param lastHeard  when the last status or telemetry arrived (district clock), or null
     * @param heartbeat  the station's heartbeat interval, or null when not announced
     * @param now        the district clock
     * @param settings   the quiet threshold
     * @return the judged state
     */
    public static Judged judge(String status, Instant stateSince, Instant lastHeard, Duration heartbeat, Instant now,
                               FleetSettings settings) {
        if ("OFFLINE".equals(status)) {
            return new Judged(StationState.OFFLINE, stateSince);
        }
        if (!"ONLINE".equals(status)) {
            return new Judged(StationState.UNKNOWN, null);
        }
        Instant heard = lastHeard != null ? lastHeard : stateSince;
        if (heard == null || heard.plus(settings.quietAfter(heartbeat)).isBefore(now)) {
            return new Judged(StationState.QUIET, heard);
        }
        return new Judged(StationState.ONLINE, stateSince);
    }
}

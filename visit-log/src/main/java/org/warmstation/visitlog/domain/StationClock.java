package org.warmstation.visitlog.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The station's idea of time. A Raspberry Pi has no battery clock: until NTP has synced, the
 * wall clock may be years off, so every reading says whether it was synced, and carries the
 * monotonic time since boot so unsynced readings can be corrected later.
 */
public interface StationClock {
    /** @return the current wall-clock instant (UTC), possibly unsynced */
    Instant now();

    /** @return whether the wall clock is known to be synced (NTP) */
    boolean synced();

    /** @return monotonic time since boot, never going back */
    Duration sinceBoot();

    /**
     * Tells the clock of a time the station saw from a trusted source (a district ack's commit
     * time, a verified downlink's issue time). A clock that keeps a "latest time seen" floor
     * ({@code BoundedClock}) never reads below it afterwards; this default ignores it. May block
     * on storage: never call on the UI thread. Never throws.
     *
     * @param time   the time seen
     * @param source what it came from, for the log, e.g. "district ack"
     */
    default void saw(Instant time, String source) {
    }
}

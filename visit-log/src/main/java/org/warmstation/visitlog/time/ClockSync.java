package org.warmstation.visitlog.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a synced wall clock together with the monotonic time since boot, taken back to
 * back in one boot: it ties that boot's monotonic time line to real time.
 *
 * <p>A visit recorded in the same boot before the clock was synced, at time since boot
 * {@code s}, happened at {@code wallClock - sinceBoot + s} ({@link #correct(Duration)}). This adds
 * only the visit's own time since boot to the boot instant, so it never overshoots by the time
 * from boot to the sync, and it does not depend on what the unsynced wall clock showed.
 *
 * @param bootId    the boot both readings were taken in
 * @param wallClock the synced wall clock (UTC)
 * @param sinceBoot the monotonic time since boot at the same moment; not negative
 */
public record ClockSync(BootId bootId, Instant wallClock, Duration sinceBoot) {
    /** @throws IllegalArgumentException when {@code sinceBoot} is negative */
    public ClockSync {
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(sinceBoot, "sinceBoot");
        if (sinceBoot.isNegative()) {
            throw new IllegalArgumentException("time since boot is negative: " + sinceBoot);
        }
    }

    /** @return the instant the boot happened, on the synced clock: {@code wallClock - sinceBoot} */
    public Instant bootedAt() {
        return wallClock.minus(sinceBoot);
    }

    /**
     * @param visitSinceBoot a time since boot read in the same boot, not after this reading
     * @return the real instant of that reading: {@link #bootedAt()} {@code + visitSinceBoot}
     * @throws IllegalArgumentException when {@code visitSinceBoot} is negative or later than
     *                                  {@link #sinceBoot()} (it cannot then be of the same boot)
     */
    public Instant correct(Duration visitSinceBoot) {
        Objects.requireNonNull(visitSinceBoot, "visitSinceBoot");
        if (visitSinceBoot.isNegative() || visitSinceBoot.compareTo(sinceBoot) > 0) {
            throw new IllegalArgumentException("time since boot " + visitSinceBoot
                    + " is not between boot and this sync reading (" + sinceBoot + ")");
        }
        return bootedAt().plus(visitSinceBoot);
    }
}

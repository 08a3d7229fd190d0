package org.warmstation.devices.scan;

import java.time.Duration;

/**
 * Exponential backoff between reopen attempts: initial, twice that, four times, ... up to the
 * maximum; {@link #reset()} after a device worked again. Used by one thread only.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration current;

    /**
     * @throws IllegalArgumentException when initial is not positive or max is below initial
     */
    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** @return the delay to wait now; the following call returns twice as much, capped */
    Duration next() {
        Duration d = current;
        current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
        return d;
    }

    /** Starts again from the initial delay. */
    void reset() {
        current = initial;
    }
}

package org.warmstation.mqtt;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter", 2015): attempt n (0-based) waits a uniformly random time in
 * {@code [0, min(cap, base·2^n))}; the first attempt of a round waits a random time in
 * {@code [0, spread)} so that many stations starting together spread their connects. The one
 * reconnect policy of the station's sync agent and the district's receiver. Not thread-safe: one
 * connection loop owns it.
 */
public final class Backoff {
    private final Duration spread;
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int attempt;

    /**
     * @param spread bound of the first attempt's delay
     * @param base   bound of the first retry's delay
     * @param cap    largest bound
     * @param random source of randomness
     */
    public Backoff(Duration spread, Duration base, Duration cap, RandomGenerator random) {
        this.spread = Objects.requireNonNull(spread, "spread");
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the delay before the next attempt; each call counts one attempt */
    public Duration next() {
        long boundMs;
        if (attempt == 0) {
            boundMs = spread.toMillis();
        } else {
            int shift = Math.min(attempt - 1, 30);
            boundMs = Math.min(cap.toMillis(), saturatedShift(base.toMillis(), shift));
        }
        attempt++;
        return boundMs <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(boundMs));
    }

    private static long saturatedShift(long v, int shift) {
        return v > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : v << shift;
    }

    /** Starts a new round (after a successful connect): the next delay is a first-attempt delay. */
    public void reset() {
        attempt = 0;
    }

    /** @return attempts made in this round */
    public int attempts() {
        return attempt;
    }
}

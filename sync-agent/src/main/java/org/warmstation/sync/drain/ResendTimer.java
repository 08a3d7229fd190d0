package org.warmstation.sync.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a published batch waits for the district's ack before its entries are sent again:
 * exponential backoff with jitter (issue 13 item 4, decision 0192). The wait starts at
 * {@code first}; each round in which a batch timed out without any ack doubles it, up to
 * {@code cap}; any ack brings it back to {@code first}. Each grown wait is multiplied by a random
 * factor in [1, 1.5), drawn when the wait changes, so that the stations of a district, which lost
 * their acks at the same moment (a district outage), do not resend in step. Never shorter than
 * {@code first}: a healthy district is not resent to sooner than configured.
 *
 * <p>Not thread-safe: the agent's thread only (as {@link Drainer}).
 */
final class ResendTimer {
    private final Duration first;
    private final Duration cap;
    private final RandomGenerator random;
    private int misses;
    private Instant roundStart = Instant.MIN;
    private Duration timeout;
    private long rounds;

    /**
     * @param first  the wait while acks come
     * @param cap    the longest wait before jitter
     * @param random source of the jitter
     */
    ResendTimer(Duration first, Duration cap, RandomGenerator random) {
        this.first = Objects.requireNonNull(first, "first");
        this.cap = Objects.requireNonNull(cap, "cap").compareTo(first) < 0 ? first : cap;
        this.random = Objects.requireNonNull(random, "random");
        this.timeout = draw();
    }

    /** @return the current wait for an ack */
    Duration timeout() {
        return timeout;
    }

    /**
     * A batch published at {@code publishedAt} timed out. Counts one miss per round: batches
     * published before the wait last grew belong to a round already counted.
     *
     * @param publishedAt when the batch was published
     * @param now         the time of the timeout
     */
    void missed(Instant publishedAt, Instant now) {
        if (publishedAt.isBefore(roundStart)) {
            return;
        }
        misses = Math.min(misses + 1, 30);
        roundStart = now;
        rounds++;
        timeout = draw();
    }

    /** The district answered: the wait goes back to the first one. */
    void answered() {
        if (misses != 0) {
            misses = 0;
            roundStart = Instant.MIN;
            timeout = draw();
        }
    }

    /** @return rounds that timed out since start */
    long timedOutRounds() {
        return rounds;
    }

    private Duration draw() {
        long base = first.toMillis();
        long bound = misses >= 62 || base > (cap.toMillis() >> misses) ? cap.toMillis() : base << misses;
        long jittered = misses == 0 ? bound : bound + (long) (bound * 0.5 * random.nextDouble());
        return Duration.ofMillis(jittered);
    }
}

package org.warmstation.visitlog.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Generates time-ordered UUIDs of version 7 (RFC 9562 section 5.7): a 48-bit Unix timestamp in
 * milliseconds, the version, 74 random bits and the variant.
 *
 * <p>Ids are strictly increasing (as unsigned 128-bit numbers, and so in their text form) for one
 * generator: within one millisecond, or when the given time goes back, the 74 random bits of the
 * previous id are incremented by one (RFC 9562 section 6.2, method 2, "monotonic random"); should
 * they overflow, the timestamp is advanced by one millisecond.
 *
 * <p>Thread-safe (calls are serialised); never blocks on I/O once constructed.
 */
public final class UuidV7 {
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final long RAND_A_MASK = 0xfffL;
    private static final long RAND_B_MASK = (1L << 62) - 1;

    private final RandomGenerator random;
    private long lastMillis = -1;
    private long randA;
    private long randB;

    /** A generator seeded from {@link SecureRandom}. */
    public UuidV7() {
        this(new SecureRandom());
    }

    /**
     * @param random source of the random bits (a seeded generator gives repeatable ids in tests)
     */
    public UuidV7(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The next id for an instant.
     *
     * @param time the instant the id stands for; only whole milliseconds since 1970 count, and
     *             times before 1970 count as 1970
     * @return a version-7, variant-2 UUID greater than every id this generator returned before
     * @throws IllegalArgumentException when {@code time} is beyond the 48-bit range (year 10889)
     */
    public synchronized UUID next(Instant time) {
        long millis = Math.max(0, time.toEpochMilli());
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException("time beyond the 48-bit UUIDv7 range: " + time);
        }
        if (millis > lastMillis) {
            lastMillis = millis;
            randA = random.nextLong() & RAND_A_MASK;
            randB = random.nextLong() & RAND_B_MASK;
        } else {
            increment();
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | randA;
        long lsb = (0x2L << 62) | randB;
        return new UUID(msb, lsb);
    }

    private void increment() {
        randB = (randB + 1) & RAND_B_MASK;
        if (randB != 0) {
            return;
        }
        randA = (randA + 1) & RAND_A_MASK;
        if (randA != 0) {
            return;
        }
        if (lastMillis == MAX_MILLIS) {
            throw new IllegalStateException("UUIDv7 space exhausted");
        }
        lastMillis++;
        randA = random.nextLong() & RAND_A_MASK;
        randB = random.nextLong() & RAND_B_MASK;
    }
}

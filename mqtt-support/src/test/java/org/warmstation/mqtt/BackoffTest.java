package org.warmstation.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration SPREAD = Duration.ofSeconds(10);
    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(60);

    @Test
    void retryBoundsDoubleUpToTheCapAndDelaysStayBelowThem() {
        Backoff b = new Backoff(SPREAD, BASE, CAP, new SplittableRandom(1));
        long[] bounds = {10_000, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
        for (int round = 0; round < 200; round++) {
            b.reset();
            for (long bound : bounds) {
                long d = b.next().toMillis();
                assertTrue(d >= 0 && d < bound, d + " not below " + bound);
            }
        }
    }

    @Test
    void firstAttemptsOfManyStationsSpreadOverTheWholeWindow() {
        // 1,300 stations coming back together: their first connects land in every second of the spread
        int[] perSecond = new int[10];
        SplittableRandom seed = new SplittableRandom(7);
        for (int station = 0; station < 1300; station++) {
            Backoff b = new Backoff(SPREAD, BASE, CAP, seed.split());
            perSecond[(int) b.next().toSeconds()]++;
        }
        for (int n : perSecond) {
            assertTrue(n > 60 && n < 200, "connects per second of the spread: " + java.util.Arrays.toString(perSecond));
        }
    }

    @Test
    void delaysAreRandomNotFixed() {
        Backoff b = new Backoff(SPREAD, BASE, CAP, new SplittableRandom(3));
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            b.reset();
            seen.add(b.next());
        }
        assertTrue(seen.size() > 15, "first-attempt delays: " + seen);
        b.reset();
        b.next();
        assertEquals(1, b.attempts());
    }

    @Test
    void zeroSpreadConnectsAtOnceAndHugeAttemptCountsDoNotOverflow() {
        Backoff b = new Backoff(Duration.ZERO, BASE, CAP, new SplittableRandom(5));
        assertEquals(Duration.ZERO, b.next());
        for (int i = 0; i < 100; i++) {
            assertTrue(b.next().compareTo(CAP) < 0);
        }
    }
}

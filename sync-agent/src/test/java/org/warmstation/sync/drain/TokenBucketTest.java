package org.warmstation.sync.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The drain pace, on an explicit nanosecond time line (no sleeping, no wall clock). */
class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void ratePerSecondCapsWhatCanBeTakenOverTime() {
        TokenBucket b = new TokenBucket(200, 100, 0);
        assertTrue(b.tryTake(100, 0), "starts full: one burst");
        assertFalse(b.tryTake(100, SECOND / 4), "50 tokens after 250 ms");
        assertEquals(Duration.ofMillis(250), b.waitFor(100, SECOND / 4));
        assertTrue(b.tryTake(100, SECOND / 2));
        int taken = 0;
        for (long t = SECOND / 2; t <= 10 * SECOND + SECOND / 2; t += SECOND / 100) {
            if (b.tryTake(100, t)) {
                taken += 100;
            }
        }
        assertEquals(2000, taken, "200 visits/s over 10 s");
    }

    @Test
    void idleTimeDoesNotBuildABurstBeyondTheCapacity() {
        TokenBucket b = new TokenBucket(1000, 100, 0);
        assertTrue(b.tryTake(100, 3600 * SECOND));
        assertFalse(b.tryTake(1, 3600 * SECOND), "an hour idle still gives only one burst");
    }
}

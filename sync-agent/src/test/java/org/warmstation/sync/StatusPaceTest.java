package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The status refresh comes every second, and a slow count spaces the next ones out. */
class StatusPaceTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 987_654_321_000L; // any nanoTime reading

    @Test
    void theFirstRefreshIsDueAtOnceAndQuickOnesComeEverySecond() {
        StatusPace pace = new StatusPace(Duration.ofSeconds(1), 20);
        assertTrue(pace.due(Long.MIN_VALUE));
        pace.took(T0, T0 + 2 * MS);
        assertFalse(pace.due(T0 + 999 * MS));
        assertTrue(pace.due(T0 + 1000 * MS));
    }

    @Test
    void aSlowCountWaitsTwentyTimesItsDurationBeforeTheNext() {
        StatusPace pace = new StatusPace(Duration.ofSeconds(1), 20);
        pace.took(T0, T0 + 100 * MS); // 100 ms: a large backlog
        assertFalse(pace.due(T0 + 1100 * MS), "the next timer tick is skipped");
        assertFalse(pace.due(T0 + 1999 * MS));
        assertTrue(pace.due(T0 + 2000 * MS));
        pace.took(T0 + 2000 * MS, T0 + 2001 * MS); // the backlog is gone: every second again
        assertTrue(pace.due(T0 + 3001 * MS));
    }

    @Test
    void nanoTimeWrappingAroundDoesNotStopRefreshes() {
        StatusPace pace = new StatusPace(Duration.ofSeconds(1), 20);
        long start = Long.MAX_VALUE - 500 * MS;
        pace.took(start, start + 10 * MS);
        assertFalse(pace.due(start + 900 * MS));
        assertTrue(pace.due(start + 1000 * MS)); // past Long.MAX_VALUE
    }

    @Test
    void aPeriodAndAShareMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StatusPace(Duration.ZERO, 20));
        assertThrows(IllegalArgumentException.class, () -> new StatusPace(Duration.ofSeconds(1), 0));
    }
}

package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryWindowTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    private static Instant min(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void countsFromTheFirstSampleDuringTheFirstHour() {
        EntryWindow w = new EntryWindow();
        assertEquals(0, w.lastHour(min(0), 40));
        assertEquals(5, w.lastHour(min(30), 45));
        assertEquals(12, w.lastHour(min(59), 52));
    }

    @Test
    void slidesOnceSamplesAreOlderThanAnHour() {
        EntryWindow w = new EntryWindow();
        for (int m = 0; m <= 120; m += 10) {
            w.lastHour(min(m), m); // one entry per minute
        }
        assertEquals(60, w.lastHour(min(130), 130));
        assertEquals(61, w.lastHour(min(135), 131)); // baseline still the sample at min 70
    }

    @Test
    void aCounterResetAtMidnightCountsSinceMidnight() {
        EntryWindow w = new EntryWindow();
        w.lastHour(min(0), 300);
        w.lastHour(min(30), 310);
        assertEquals(4, w.lastHour(min(50), 4));
    }
}

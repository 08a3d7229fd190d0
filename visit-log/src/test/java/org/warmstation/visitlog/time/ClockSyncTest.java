package org.warmstation.visitlog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClockSyncTest {
    final BootId boot = new BootId(UUID.randomUUID().toString());

    @Test
    void correctedInstantIsBootInstantPlusTheReadingsOwnTimeSinceBoot() {
        // synced at 10:00:00 after 2 h 5 min of uptime: the terminal booted at 07:55:00
        ClockSync sync = new ClockSync(boot, Instant.parse("2026-11-21T10:00:00Z"), Duration.ofMinutes(125));
        assertEquals(Instant.parse("2026-11-21T07:55:00Z"), sync.bootedAt());
        assertEquals(Instant.parse("2026-11-21T07:56:30.250Z"), sync.correct(Duration.ofMillis(90_250)));
        assertEquals(sync.wallClock(), sync.correct(sync.sinceBoot()));
        assertEquals(sync.bootedAt(), sync.correct(Duration.ZERO));
    }

    @Test
    void readingsAfterTheSyncReadingOrNegativeCannotBeCorrected() {
        ClockSync sync = new ClockSync(boot, Instant.parse("2026-11-21T10:00:00Z"), Duration.ofMinutes(5));
        assertThrows(IllegalArgumentException.class, () -> sync.correct(Duration.ofMinutes(5).plusMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> sync.correct(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> new ClockSync(boot, Instant.EPOCH, Duration.ofMillis(-1)));
    }
}

package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.time.Instant;
import org.warmstation.visitlog.domain.StationClock;

/** A station clock that moves only when told; thread-safe. */
final class TestStationClock implements StationClock {
    private Instant now;
    private Duration sinceBoot = Duration.ofMinutes(5);

    TestStationClock(Instant now) {
        this.now = now;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
        sinceBoot = sinceBoot.plus(d);
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public boolean synced() {
        return true;
    }

    @Override
    public synchronized Duration sinceBoot() {
        return sinceBoot;
    }
}

package org.warmstation.visitlog.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A station clock the test sets, like a wall clock an operator may set back; its time since
 * boot only advances (by the forward moves).
 */
public final class ManualStationClock implements StationClock {
    private Instant now;
    private Duration sinceBoot = Duration.ofMinutes(5);
    private boolean synced = true;

    public ManualStationClock(Instant now) {
        this.now = now;
    }

    public synchronized void set(Instant instant) {
        if (instant.isAfter(now)) {
            sinceBoot = sinceBoot.plus(Duration.between(now, instant));
        }
        now = instant;
    }

    public synchronized void advance(Duration d) {
        set(now.plus(d));
    }

    public synchronized void synced(boolean value) {
        synced = value;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized boolean synced() {
        return synced;
    }

    @Override
    public synchronized Duration sinceBoot() {
        return sinceBoot;
    }
}

package org.warmstation.devices.pi4j;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A station clock a test sets to a local time (Asia/Shanghai). */
final class SettableClock extends Clock {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    SettableClock(LocalDateTime local) {
        set(local);
    }

    void set(LocalDateTime local) {
        now = local.atZone(BEIJING).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}

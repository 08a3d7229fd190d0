package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.Telemetry;

class TelemetryQueueTest {
    private static Telemetry beat(long uptime) {
        return new Telemetry(Telemetry.SCHEMA, 1, "s", Instant.EPOCH, "0.1.0", uptime, 0, null, 0, 0, false, true,
                null, 0);
    }

    @Test
    void fullQueueDropsTheOldestAndCountsIt() {
        TelemetryQueue q = new TelemetryQueue(3);
        for (long i = 1; i <= 5; i++) {
            q.offer(beat(i));
        }
        assertEquals(2, q.dropped());
        assertEquals(List.of(3L, 4L, 5L), q.drain().stream().map(Telemetry::uptimeSeconds).toList());
        assertEquals(0, q.size());
    }
}

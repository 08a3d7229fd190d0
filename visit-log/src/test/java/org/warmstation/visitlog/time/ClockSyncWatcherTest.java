package org.warmstation.visitlog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClockSyncWatcherTest {
    @TempDir
    Path run;

    @Test
    void backgroundWatcherCorrectsOnceTheFlagAppearsAndRetriesAFailedCorrection() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(run, Instant.parse("2019-06-01T03:00:00Z"), Duration.ofSeconds(20));
        List<ClockSync> seen = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch corrected = new CountDownLatch(1);
        try (ClockSyncWatcher watcher = new ClockSyncWatcher(boot.clock(), sync -> {
            seen.add(sync);
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            corrected.countDown();
            return 3;
        }, Duration.ofMillis(20)).start()) {
            // sentinel: five polls have looked at the unsynced clock
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (watcher.polls() < 5 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(watcher.polls() >= 5, "the watcher polls");
            assertEquals(List.of(), seen, "no reading while the clock is unsynced");
            boot.advanceTo(Duration.ofMinutes(4));
            boot.ntpSync(Instant.parse("2026-11-21T00:04:00Z"));
            assertTrue(corrected.await(30, TimeUnit.SECONDS), "the failed correction is tried again");
            assertEquals(Instant.parse("2026-11-21T00:00:00Z"), seen.get(1).bootedAt());
            assertEquals(boot.bootId(), seen.get(1).bootId());
            assertThrows(IllegalStateException.class, watcher::start);
        }
    }

    @Test
    void pollIntervalMustBePositive() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(run, Instant.EPOCH, Duration.ZERO);
        assertThrows(IllegalArgumentException.class, () -> new ClockSyncWatcher(boot.clock(), s -> 0, Duration.ZERO));
    }
}

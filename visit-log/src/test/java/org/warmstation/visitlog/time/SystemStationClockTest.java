package org.warmstation.visitlog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemStationClockTest {
    @TempDir
    Path dir;

    @Test
    void sinceBootStartsAtTheUptimeFileAndNeverGoesBack() throws Exception {
        Path uptime = Files.writeString(dir.resolve("uptime"), "12345.67 24000.00\n");
        SystemStationClock clock = new SystemStationClock(uptime, dir.resolve("synced"));
        Duration previous = clock.sinceBoot();
        assertTrue(previous.compareTo(Duration.ofMillis(12_345_670)) >= 0, previous.toString());
        assertTrue(previous.compareTo(Duration.ofMillis(12_345_670).plusHours(1)) < 0, previous.toString());
        for (int i = 0; i < 10_000; i++) {
            Duration d = clock.sinceBoot();
            assertTrue(d.compareTo(previous) >= 0);
            previous = d;
        }
    }

    @Test
    void syncedFollowsTheFlagFile() throws Exception {
        Path flag = dir.resolve("synchronized");
        SystemStationClock clock = new SystemStationClock(Files.writeString(dir.resolve("uptime"), "5.00 1.00"), flag);
        assertFalse(clock.synced());
        Files.createFile(flag);
        assertTrue(clock.synced());
        Files.delete(flag);
        assertFalse(clock.synced());
    }

    @Test
    void corruptOrMissingUptimeCountsFromZeroInsteadOfFailing() throws Exception {
        for (Path bad : new Path[] {Files.writeString(dir.resolve("garbage"), "up 3 days"),
                Files.writeString(dir.resolve("negative"), "-5.0 1.0"), dir.resolve("missing")}) {
            SystemStationClock clock = new SystemStationClock(bad, dir.resolve("synced"));
            assertTrue(clock.sinceBoot().compareTo(Duration.ofMinutes(10)) < 0, bad.toString());
        }
    }

    @Test
    void realClockReadsThisMachinesUptimeAndWallClock() throws Exception {
        SystemStationClock clock = new SystemStationClock();
        double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);
        Duration since = clock.sinceBoot();
        assertTrue(Math.abs(since.toMillis() / 1000.0 - uptime) < 60, since + " vs " + uptime);
        Instant before = Instant.now();
        Instant now = clock.now();
        assertTrue(!now.isBefore(before) && now.isBefore(before.plusSeconds(60)));
        assertEquals(Files.exists(Path.of(SystemStationClock.TIMESYNC_FLAG)), clock.synced());
    }

    @Test
    void syncReadingIsEmptyUntilTheFlagAppearsThenPairsWallClockAndTimeSinceBoot() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(dir.resolve("run"), Instant.parse("2019-06-01T00:00:00Z"),
                Duration.ofSeconds(30));
        SystemStationClock clock = boot.clock();
        assertTrue(clock.syncReading().isEmpty());
        assertFalse(clock.synced());
        assertEquals(Instant.parse("2019-06-01T00:00:00Z"), clock.now());
        boot.advance(Duration.ofSeconds(90));
        boot.ntpSync(Instant.parse("2026-11-21T00:02:00Z"));
        ClockSync sync = clock.syncReading().orElseThrow();
        assertEquals(boot.bootId(), sync.bootId());
        assertEquals(Instant.parse("2026-11-21T00:02:00Z"), sync.wallClock());
        assertEquals(Duration.ofSeconds(120), sync.sinceBoot());
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), sync.bootedAt());
    }

    @Test
    void defaultClockBelongsToTheCurrentBoot() {
        assertEquals(BootId.current(), new SystemStationClock().bootId());
    }
}

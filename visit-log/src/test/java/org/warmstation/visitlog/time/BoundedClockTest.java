package org.warmstation.visitlog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.store.SqliteTimeFloor;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Issue 13 item 3: the station's best time never goes below its persisted "latest time seen"
 * floor, raised by a synced clock, by district times and by the latest visit recorded on a synced
 * clock, across a restart into "2019".
 */
class BoundedClockTest {
    private static final Instant WRONG = Instant.parse("2019-06-01T00:00:00Z");
    private static final Instant REAL = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRestartWithoutBatteryClockReadsNoEarlierThanTheSyncedTimeSeenBefore() throws Exception {
        SimulatedBoot first = new SimulatedBoot(dir.resolve("run1"), WRONG, Duration.ofSeconds(30));
        first.ntpSync(REAL);
        try (SqliteTimeFloor store = new SqliteTimeFloor(dir)) {
            BoundedClock clock = new BoundedClock(first.clock(), store);
            clock.checkpoint();
            first.advance(Duration.ofMinutes(30));
            clock.checkpoint();
            assertEquals(REAL.plus(Duration.ofMinutes(30)), clock.now(), "synced: the raw clock");
        }
        // power cut; the terminal boots "in 2019", NTP not reached yet
        SimulatedBoot second = new SimulatedBoot(dir.resolve("run2"), WRONG, Duration.ofSeconds(20));
        try (SqliteTimeFloor store = new SqliteTimeFloor(dir)) {
            BoundedClock clock = new BoundedClock(second.clock(), store);
            assertEquals(REAL.plus(Duration.ofMinutes(30)), clock.now(), "the floor, not 2019");
            second.advance(Duration.ofMinutes(5));
            assertEquals(REAL.plus(Duration.ofMinutes(35)), clock.now(), "the floor moves on with the time since boot");
            assertTrue(!clock.synced(), "still flagged unsynced");
        }
    }

    @Test
    void aDistrictTimeRaisesTheFloorAndAnEarlierOneChangesNothing() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(dir.resolve("run"), WRONG, Duration.ofSeconds(30));
        try (SqliteTimeFloor store = new SqliteTimeFloor(dir)) {
            BoundedClock clock = new BoundedClock(boot.clock(), store);
            assertEquals(WRONG, clock.now(), "no floor yet: the raw clock");
            clock.saw(REAL, "district ack");
            assertEquals(REAL, clock.now());
            clock.saw(REAL.minus(Duration.ofDays(3)), "district ack");
            assertEquals(REAL, clock.now(), "a time below the floor changes nothing");
        }
        try (SqliteTimeFloor store = new SqliteTimeFloor(dir)) {
            assertEquals(REAL, new BoundedClock(boot.clock(), store).now(), "kept over a restart");
        }
    }

    @Test
    void theLatestVisitRecordedOnASyncedClockIsAFloorToo() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(dir.resolve("run"), WRONG, Duration.ofSeconds(30));
        Instant visitAt = REAL.plus(Duration.ofHours(2));
        try (SqliteVisitStore visits = new SqliteVisitStore(dir, InstantSource.system(), boot.bootId())) {
            visits.record(new Visit(UUID.randomUUID(), 0, "floor-a", visitAt, ZoneId.of("Asia/Shanghai"), null, 0,
                    WorkerCategory.COURIER, Set.of(Service.HOT_WATER), VisitSource.GUEST, true, Duration.ofSeconds(10)));
            visits.record(new Visit(UUID.randomUUID(), 0, "floor-a", WRONG, ZoneId.of("Asia/Shanghai"), null, 0,
                    WorkerCategory.COURIER, Set.of(Service.HOT_WATER), VisitSource.GUEST, false, Duration.ofSeconds(20)));
        }
        try (SqliteTimeFloor store = new SqliteTimeFloor(dir)) {
            assertEquals(visitAt, new BoundedClock(boot.clock(), store).now(),
                    "the synced visit's time, even with a later unsynced one and no floor stored");
        }
    }
}

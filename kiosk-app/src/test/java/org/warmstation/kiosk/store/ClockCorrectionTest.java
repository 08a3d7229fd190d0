package org.warmstation.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.kiosk.domain.CardFixture.BEIJING;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.domain.CardFixture;
import org.warmstation.kiosk.domain.CheckInResult.AlreadyCheckedIn;
import org.warmstation.kiosk.domain.CheckInResult.Welcome;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.time.ClockSyncWatcher;
import org.warmstation.visitlog.time.SimulatedBoot;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.testing.VisitLogFile;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Time without a battery clock (issue 5): a terminal boots with a wrong wall clock, records
 * visits offline, then NTP syncs. Real SQLite visit log, real card verifier, the real
 * {@link org.warmstation.visitlog.time.SystemStationClock} on simulated sources.
 */
class ClockCorrectionTest {
    /** The real instant the simulated terminal booted (08:00 in Beijing). */
    static final Instant REAL_BOOT = Instant.parse("2026-11-21T00:00:00Z");
    /** The app starts 20 s after boot. */
    static final Duration APP_START = Duration.ofSeconds(20);
    static final Duration WINDOW = VisitService.DEFAULT_DUPLICATE_WINDOW;
    static final String STATION = "110105-0007";

    @TempDir
    Path dataDir;
    @TempDir
    Path run;

    final CardFixture cards = new CardFixture();

    private VisitService service(SqliteVisitStore store, SimulatedBoot boot) {
        return new VisitService(store, cards::verifier, boot.clock(), STATION, BEIJING, WINDOW);
    }

    private static SqliteVisitStore store(Path dataDir, SimulatedBoot boot) {
        return new SqliteVisitStore(dataDir, InstantSource.fixed(REAL_BOOT), boot.bootId());
    }

    private static List<Visit> all(SqliteVisitStore store) {
        return store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "wall clock at boot {0}")
    @ValueSource(strings = {"2019-06-01T03:00:00Z", "2027-11-21T00:00:00Z"})
    void visitsRecordedBeforeTheSyncGetTheirRealTimesFromTheirTimeSinceBoot(String wallAtBoot) throws Exception {
        Instant wrongBoot = Instant.parse(wallAtBoot);
        SimulatedBoot boot = new SimulatedBoot(run, wrongBoot.plus(APP_START), APP_START);
        // visits at these times since boot, while offline with the wrong clock
        List<Duration> at = List.of(Duration.ofSeconds(60), Duration.ofMillis(95_250), Duration.ofMillis(400_125));
        try (SqliteVisitStore store = store(dataDir, boot)) {
            VisitService service = service(store, boot);
            List<Visit> recorded = new ArrayList<>();
            boot.advanceTo(at.get(0));
            recorded.add(assertInstanceOf(Welcome.class, service.checkIn(cards.token(1, 1, WorkerCategory.COURIER))).visit());
            boot.advanceTo(at.get(1));
            recorded.add(assertInstanceOf(Welcome.class, service.checkInGuest(WorkerCategory.SANITATION)).visit());
            boot.advanceTo(at.get(2));
            recorded.add(assertInstanceOf(Welcome.class, service.checkIn(cards.token(2, 2, WorkerCategory.TAXI_RIDE_HAILING))).visit());
            service.setServices(recorded.get(0).id(), Set.of(Service.HOT_WATER));
            for (Visit v : recorded) {
                assertFalse(v.clockSynced());
                assertEquals(wrongBoot.plus(v.sinceBoot()), v.recordedAt());
            }
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                // the sync had already delivered the first two: the district holds their wrong times
                f.update("UPDATE outbox SET state = 'CONFIRMED', published_at_ms = 1, confirmed_at_ms = 2 WHERE seq <= 2");
            }

            ClockSyncWatcher watcher = new ClockSyncWatcher(boot.clock(), store::correctUnsyncedVisits, Duration.ofSeconds(1));
            boot.advanceTo(Duration.ofSeconds(550));
            assertEquals(0, watcher.poll(), "nothing is corrected while the clock is unsynced");
            boot.advanceTo(Duration.ofMillis(600_500));
            boot.ntpSync(REAL_BOOT.plus(boot.sinceBoot()));
            assertEquals(3, watcher.poll());
            assertEquals(0, watcher.poll(), "a second poll finds nothing left");

            List<Visit> after = all(store);
            assertEquals(3, after.size());
            for (int i = 0; i < 3; i++) {
                Visit before = recorded.get(i);
                Visit v = after.get(i);
                assertEquals(before.id(), v.id());
                assertEquals(i + 1, v.sequence());
                assertEquals(REAL_BOOT.plus(at.get(i)), v.recordedAt(), "visit " + (i + 1));
                assertTrue(v.clockSynced());
                assertEquals(before.sinceBoot(), v.sinceBoot());
            }
            assertEquals(Set.of(Service.HOT_WATER), after.get(0).services());
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                assertEquals(List.of(1L, 1L, 1L), f.numbers("SELECT clock_corrected FROM visit ORDER BY seq"));
                assertEquals(recorded.stream().map(v -> v.recordedAt().toEpochMilli()).toList(),
                        f.numbers("SELECT raw_recorded_at_ms FROM visit ORDER BY seq"));
                assertEquals(List.of(3L, 2L, 2L), f.numbers("SELECT revision FROM visit ORDER BY seq"));
                assertEquals(List.of(3L, 2L, 2L), f.numbers("SELECT revision FROM outbox ORDER BY seq"));
                assertEquals(3, f.number("SELECT count(*) FROM outbox WHERE state = 'CREATED' AND attempts = 0"
                        + " AND published_at_ms IS NULL AND confirmed_at_ms IS NULL"));
            }
            assertEquals(3, service.usageOn(LocalDate.of(2026, 11, 21)).personVisits());
        }
    }

    @ParameterizedTest(name = "wall clock at boot {0}")
    @ValueSource(strings = {"2019-06-01T03:00:00Z", "2027-11-21T00:00:00Z"})
    void duplicateWindowCountsFromTheCorrectedTime(String wallAtBoot) throws Exception {
        SimulatedBoot boot = new SimulatedBoot(run, Instant.parse(wallAtBoot).plus(APP_START), APP_START);
        String card = cards.token(7, 7, WorkerCategory.TRAFFIC_POLICE);
        try (SqliteVisitStore store = store(dataDir, boot)) {
            VisitService service = service(store, boot);
            ClockSyncWatcher watcher = new ClockSyncWatcher(boot.clock(), store::correctUnsyncedVisits, Duration.ofSeconds(1));
            boot.advanceTo(Duration.ofSeconds(400));
            Visit first = assertInstanceOf(Welcome.class, service.checkIn(card)).visit();
            boot.advance(Duration.ofMinutes(2));
            assertEquals(first.id(), assertInstanceOf(AlreadyCheckedIn.class, service.checkIn(card)).visit().id(),
                    "offline, the wrong clock still agrees with itself");

            boot.advance(Duration.ofMinutes(1));
            boot.ntpSync(REAL_BOOT.plus(boot.sinceBoot()));
            assertEquals(1, watcher.poll());
            boot.advance(Duration.ofMinutes(5)); // 8 min after the first visit
            Visit again = assertInstanceOf(AlreadyCheckedIn.class, service.checkIn(card)).visit();
            assertEquals(first.id(), again.id());
            assertEquals(REAL_BOOT.plusSeconds(400), again.recordedAt());

            boot.advanceTo(Duration.ofSeconds(400).plus(WINDOW).plusSeconds(1));
            Visit next = assertInstanceOf(Welcome.class, service.checkIn(card)).visit();
            assertEquals(2, next.sequence());
            assertTrue(next.clockSynced());
            assertEquals(REAL_BOOT.plus(boot.sinceBoot()), next.recordedAt());
            assertEquals(2, all(store).size());
        }
    }

    @Test
    void restartBeforeTheSyncLeavesTheEarlierBootsVisitsFlaggedUncorrected() throws Exception {
        Instant wrong = Instant.parse("2019-06-01T03:00:00Z");
        SimulatedBoot first = new SimulatedBoot(run, wrong.plus(APP_START), APP_START);
        List<Visit> earlier = new ArrayList<>();
        try (SqliteVisitStore store = store(dataDir, first)) {
            VisitService service = service(store, first);
            first.advanceTo(Duration.ofMinutes(30));
            earlier.add(assertInstanceOf(Welcome.class, service.checkInGuest(WorkerCategory.COURIER)).visit());
            first.advanceTo(Duration.ofMinutes(45));
            earlier.add(assertInstanceOf(Welcome.class, service.checkIn(cards.token(3, 3, WorkerCategory.SECURITY_GUARD))).visit());
        }
        // power cut; the terminal boots again (fake-hwclock puts the wall clock back near 2019)
        SimulatedBoot second = new SimulatedBoot(run, wrong.plusSeconds(3600), APP_START);
        Instant realSecondBoot = REAL_BOOT.plus(Duration.ofHours(2));
        try (SqliteVisitStore store = store(dataDir, second)) {
            VisitService service = service(store, second);
            second.advanceTo(Duration.ofMinutes(2));
            Visit later = assertInstanceOf(Welcome.class, service.checkInGuest(WorkerCategory.OTHER)).visit();
            second.advanceTo(Duration.ofMinutes(50)); // longer than the first boot's visits' times since boot
            second.ntpSync(realSecondBoot.plus(second.sinceBoot()));
            ClockSyncWatcher watcher = new ClockSyncWatcher(second.clock(), store::correctUnsyncedVisits, Duration.ofSeconds(1));
            assertEquals(1, watcher.poll(), "only the visit of this boot");

            List<Visit> after = all(store);
            assertEquals(3, after.size());
            assertEquals(earlier.get(0), after.get(0));
            assertEquals(earlier.get(1), after.get(1));
            assertEquals(later.id(), after.get(2).id());
            assertEquals(realSecondBoot.plus(Duration.ofMinutes(2)), after.get(2).recordedAt());
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                assertEquals(List.of(0L, 0L, 1L), f.numbers("SELECT clock_synced FROM visit ORDER BY seq"));
                assertEquals(List.of(0L, 0L, 1L), f.numbers("SELECT clock_corrected FROM visit ORDER BY seq"));
                assertNull(f.text("SELECT raw_recorded_at_ms FROM visit WHERE seq = 1"));
                assertEquals(first.bootId().value(), f.text("SELECT boot_id FROM visit WHERE seq = 2"));
                assertEquals(second.bootId().value(), f.text("SELECT boot_id FROM visit WHERE seq = 3"));
                assertEquals(List.of(1L, 1L, 2L), f.numbers("SELECT revision FROM outbox ORDER BY seq"));
            }
        }
    }

    @Test
    void visitRacingTheSyncIsCorrectedByTheNextPoll() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(run, Instant.parse("2019-06-01T03:00:00Z"), APP_START);
        try (SqliteVisitStore store = store(dataDir, boot)) {
            ClockSyncWatcher watcher = new ClockSyncWatcher(boot.clock(), store::correctUnsyncedVisits, Duration.ofSeconds(1));
            boot.advanceTo(Duration.ofMinutes(3));
            boot.ntpSync(REAL_BOOT.plus(boot.sinceBoot()));
            assertEquals(0, watcher.poll());
            // a check-in that read the clock as unsynced just before the flag appeared commits now
            Visit raced = store.record(new Visit(UUID.randomUUID(), 0, STATION, Instant.parse("2019-06-01T03:02:59.990Z"),
                    BEIJING, null, 0, WorkerCategory.COURIER, Set.of(), VisitSource.GUEST, false,
                    Duration.ofMillis(179_990)));
            boot.advance(Duration.ofSeconds(2));
            assertEquals(1, watcher.poll());
            assertEquals(REAL_BOOT.plusMillis(179_990), store.find(raced.id()).orElseThrow().recordedAt());
        }
    }

    @Test
    void visitsOfTheSameBootClaimingMoreTimeSinceBootThanTheSyncAreLeftAlone() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(run, Instant.parse("2019-06-01T03:00:00Z"), APP_START);
        try (SqliteVisitStore store = store(dataDir, boot)) {
            Visit impossible = store.record(new Visit(UUID.randomUUID(), 0, STATION, Instant.parse("2019-06-01T05:00:00Z"),
                    BEIJING, null, 0, WorkerCategory.COURIER, Set.of(), VisitSource.GUEST, false, Duration.ofHours(2)));
            boot.advanceTo(Duration.ofMinutes(3));
            boot.ntpSync(REAL_BOOT.plus(boot.sinceBoot()));
            assertEquals(0, new ClockSyncWatcher(boot.clock(), store::correctUnsyncedVisits, Duration.ofSeconds(1)).poll());
            assertEquals(impossible, store.find(impossible.id()).orElseThrow());
        }
    }
}

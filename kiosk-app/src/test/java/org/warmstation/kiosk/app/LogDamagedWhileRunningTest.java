package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitStore;
import org.warmstation.visitlog.store.DamagedLog;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.store.VisitLogDatabase;
import org.warmstation.visitlog.time.SystemStationClock;

/**
 * Decision 0260: a check-in that finds the visit log damaged while the kiosk runs marks the log,
 * asks once for a restart, and the next start sets the log aside and records in a fresh one.
 */
class LogDamagedWhileRunningTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dataDir;

    /** The real store, except that recording fails as SQLite fails on a corrupt page. */
    private record CorruptOnRecord(VisitStore real) implements VisitStore {
        @Override
        public Visit record(Visit visit) {
            throw new StoreException("visit log damaged: the database file is corrupt (recording a visit:"
                    + " [SQLITE_CORRUPT] database disk image is malformed)", null, true);
        }

        @Override
        public Visit updateServices(UUID id, Set<Service> services) {
            return real.updateServices(id, services);
        }

        @Override
        public Optional<Visit> find(UUID id) {
            return real.find(id);
        }

        @Override
        public Optional<Visit> latestOf(MemberId member, Instant since) {
            return real.latestOf(member, since);
        }

        @Override
        public List<Visit> between(Instant from, Instant to) {
            return real.between(from, to);
        }

        @Override
        public void close() {
            real.close();
        }
    }

    @Test
    void theFirstDamagedCheckInMarksTheLogAndAsksOnceForARestartAfterWhichAFreshLogRecords() throws Exception {
        UUID epoch;
        try (Connection c = VisitLogDatabase.open(dataDir)) {
            epoch = LogEpoch.read(c).orElseThrow();
        }
        List<String> restarts = new CopyOnWriteArrayList<>();
        SqliteVisitStore real = new SqliteVisitStore(dataDir);
        VisitService service = new VisitService(new CorruptOnRecord(real), () -> null, new SystemStationClock(), "CY-0001",
                BEIJING);
        LogDamageWatch watch = new LogDamageWatch(new VisitServiceBackend(service), dataDir, InstantSource.system(),
                restarts::add);

        CheckInResult first = watch.checkInGuest(WorkerCategory.COURIER);
        CheckInResult.Failed failed = assertInstanceOf(CheckInResult.Failed.class, first);
        assertTrue(failed.logDamaged(), failed.toString());
        assertTrue(Files.exists(dataDir.resolve("visits.db.damaged")), "marked for the next start");
        assertEquals(1, restarts.size());
        assertTrue(restarts.getFirst().startsWith("visit log damaged: "), restarts.getFirst());
        watch.checkInGuest(WorkerCategory.SANITATION);
        assertEquals(1, restarts.size(), "one restart, however many check-ins fail meanwhile");
        real.close();

        // the restart: the kiosk's start sets the marked log aside, and a fresh log records
        Optional<DamagedLog.SetAside> aside = DamagedLog.setAsideIfDamaged(dataDir, Instant.now());
        assertTrue(aside.isPresent());
        assertTrue(aside.get().reason().startsWith("found damaged while running: "), aside.get().reason());
        try (SqliteVisitStore fresh = new SqliteVisitStore(dataDir)) {
            VisitService again = new VisitService(fresh, () -> null, new SystemStationClock(), "CY-0001", BEIJING);
            assertInstanceOf(CheckInResult.Welcome.class, again.checkInGuest(WorkerCategory.COURIER));
        }
        try (Connection c = VisitLogDatabase.open(dataDir)) {
            assertNotEquals(epoch, LogEpoch.read(c).orElseThrow(), "under a new epoch");
        }
    }

    @Test
    void aFailureThatIsNotDamageChangesNothing() {
        List<String> restarts = new CopyOnWriteArrayList<>();
        LogDamageWatch watch = new LogDamageWatch(new VisitServiceBackend(new VisitService(new SqliteVisitStore(dataDir),
                () -> null, new SystemStationClock(), "CY-0001", BEIJING)), dataDir, InstantSource.system(), restarts::add);
        CheckInResult r = watch.checkIn("not a card"); // no trust list: Failed, the log is fine
        assertFalse(assertInstanceOf(CheckInResult.Failed.class, r).logDamaged());
        assertEquals(List.of(), restarts);
        assertFalse(Files.exists(dataDir.resolve("visits.db.damaged")));
    }

    @Test
    void aRestartEndsTheKioskOnceAfterTheDelayWithExitCode75() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        KioskExit exit = new KioskExit(() -> {
            closes.incrementAndGet();
            closed.countDown();
        }, Duration.ofMillis(50));
        assertEquals(0, exit.code());
        exit.restart("visit log damaged: test");
        exit.restart("again");
        assertEquals(KioskExit.EXIT_RESTART, exit.code());
        assertTrue(closed.await(10, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertEquals(1, closes.get());
    }
}

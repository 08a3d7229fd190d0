package org.warmstation.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.kiosk.domain.CardFixture.BEIJING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.domain.CardFixture;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.visitlog.domain.ManualStationClock;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.testing.VisitLogFile;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.store.VisitLogDatabase;

class SqliteVisitStoreTest {
    static final Instant NOW = Instant.parse("2026-11-21T00:30:00Z");

    @TempDir
    Path dataDir;

    final CardFixture cards = new CardFixture();
    final ManualStationClock clock = new ManualStationClock(NOW);

    private VisitService service(SqliteVisitStore store) {
        return new VisitService(store, cards::verifier, clock, "110105-0007", BEIJING);
    }

    private static Visit guest(long n) {
        return new Visit(UUID.randomUUID(), 0, "s1", NOW.plusSeconds(n), BEIJING, null, 0, WorkerCategory.OTHER,
                Set.of(), VisitSource.GUEST, true, Duration.ofSeconds(n));
    }

    @Test
    void databaseIsOneWalFileWithFullSyncAndForeignKeys() throws Exception {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            store.record(guest(1));
            assertEquals(dataDir.resolve("visits.db"), store.file());
            try (Connection c = VisitLogDatabase.open(dataDir); Statement st = c.createStatement()) {
                assertEquals("wal", single(st, "PRAGMA journal_mode"));
                assertEquals("2", single(st, "PRAGMA synchronous")); // FULL
                assertEquals("1", single(st, "PRAGMA foreign_keys"));
                assertEquals(String.valueOf(VisitLogDatabase.BUSY_TIMEOUT.toMillis()), single(st, "PRAGMA busy_timeout"));
                assertEquals("1", single(st, "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success = 1"));
            }
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("visits.db")));
    }

    private static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void visitRowFollowsTheAgreedColumnFormats() throws Exception {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            Visit v = assertInstanceOf(CheckInResult.Welcome.class,
                    service(store).checkIn(cards.token(4711, 0x1234, WorkerCategory.FOOD_DELIVERY))).visit();
            service(store).setServices(v.id(), EnumSet.of(Service.CHARGING, Service.HOT_WATER, Service.OTHER));
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                String where = " FROM visit WHERE id = '" + v.id() + "'";
                assertEquals("0000000000001234", f.text("SELECT member_id" + where));
                assertEquals(4711, f.number("SELECT card_serial" + where));
                assertEquals("FOOD_DELIVERY", f.text("SELECT category" + where));
                assertEquals("HOT_WATER,CHARGING,OTHER", f.text("SELECT services" + where));
                assertEquals("CARD", f.text("SELECT source" + where));
                assertEquals(NOW.toEpochMilli(), f.number("SELECT recorded_at_ms" + where));
                assertEquals("Asia/Shanghai", f.text("SELECT zone" + where));
                assertEquals(1, f.number("SELECT clock_synced" + where));
                assertEquals(clock.sinceBoot().toMillis(), f.number("SELECT since_boot_ms" + where));
                assertEquals(v.id().toString(), f.text("SELECT id FROM visit WHERE seq = 1"));
            }
        }
    }

    @Test
    void guestRowHasNoMemberAndSerialZero() throws Exception {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            service(store).checkInGuest(WorkerCategory.PARKING_ATTENDANT);
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                assertEquals(null, f.text("SELECT member_id FROM visit WHERE seq = 1"));
                assertEquals(0, f.number("SELECT card_serial FROM visit WHERE seq = 1"));
                assertEquals("GUEST", f.text("SELECT source FROM visit WHERE seq = 1"));
                assertEquals("", f.text("SELECT services FROM visit WHERE seq = 1"));
            }
        }
    }

    @Test
    void everyVisitGetsAnOutboxRowInStateCreated() throws Exception {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            for (int i = 1; i <= 3; i++) {
                store.record(guest(i));
            }
        }
        try (VisitLogFile f = new VisitLogFile(dataDir)) {
            assertEquals(List.of(1L, 2L, 3L), f.numbers("SELECT seq FROM outbox WHERE state = 'CREATED' AND revision = 1"
                    + " AND attempts = 0 AND published_at_ms IS NULL ORDER BY seq"));
        }
    }

    @Test
    void sequencesAreContiguousUnderConcurrentCheckIns() throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            VisitService service = service(store);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<CheckInResult>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int member = i;
                    results.add(pool.submit(() -> member % 2 == 0
                            ? service.checkInGuest(WorkerCategory.COURIER)
                            : service.checkIn(cards.token(member + 1, member + 1, WorkerCategory.COURIER))));
                }
                for (Future<CheckInResult> r : results) {
                    seqs.add(assertInstanceOf(CheckInResult.Welcome.class, r.get()).visit().sequence());
                }
            } finally {
                pool.shutdown();
            }
        }
        seqs.sort(null);
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), seqs);
        try (VisitLogFile f = new VisitLogFile(dataDir)) {
            assertEquals(seqs, f.numbers("SELECT seq FROM visit ORDER BY seq"));
            assertEquals(seqs, f.numbers("SELECT seq FROM outbox ORDER BY seq"));
        }
    }

    @Test
    void changedServicesBumpTheRevisionAndRequeueTheOutboxRow() throws Exception {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            Visit v = store.record(guest(1));
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                // the sync has sent revision 1 and the office confirmed it
                assertEquals(1, f.update("UPDATE outbox SET state = 'CONFIRMED', published_at_ms = 1, confirmed_at_ms = 2,"
                        + " attempts = 1 WHERE seq = 1"));

                Visit updated = store.updateServices(v.id(), Set.of(Service.TOILET, Service.HEAT_MEAL));

                assertEquals(EnumSet.of(Service.HEAT_MEAL, Service.TOILET), updated.services());
                assertEquals(2, f.number("SELECT revision FROM visit WHERE seq = 1"));
                assertEquals("CREATED", f.text("SELECT state FROM outbox WHERE seq = 1"));
                assertEquals(2, f.number("SELECT revision FROM outbox WHERE seq = 1"));
                assertEquals(null, f.text("SELECT published_at_ms FROM outbox WHERE seq = 1"));
                assertEquals(null, f.text("SELECT confirmed_at_ms FROM outbox WHERE seq = 1"));

                store.updateServices(v.id(), Set.of(Service.TOILET));
                assertEquals(3, f.number("SELECT revision FROM outbox WHERE seq = 1"));
                assertEquals(3, f.number("SELECT revision FROM visit WHERE seq = 1"));
            }
        }
    }

    @Test
    void unchangedServicesQueueNothing() throws Exception {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            Visit v = store.record(guest(1));
            store.updateServices(v.id(), Set.of(Service.REST));
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                f.update("UPDATE outbox SET state = 'PUBLISHED' WHERE seq = 1");
                store.updateServices(v.id(), EnumSet.of(Service.REST));
                assertEquals("PUBLISHED", f.text("SELECT state FROM outbox WHERE seq = 1"));
                assertEquals(2, f.number("SELECT revision FROM visit WHERE seq = 1"));
            }
        }
    }

    @Test
    void duplicateVisitIdIsRefusedAndLeavesNoGap() {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            Visit v = store.record(guest(1));
            StoreException e = assertThrows(StoreException.class, () -> store.record(v));
            assertTrue(e.getMessage().contains("constraint"), e.getMessage());
            assertEquals(2, store.record(guest(2)).sequence());
        }
    }

    @Test
    void latestOfFindsTheMembersMostRecentVisitSinceAnInstant() {
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            VisitService service = service(store);
            service.checkIn(cards.token(1, 7, WorkerCategory.COURIER));
            clock.advance(Duration.ofHours(1));
            Visit second = assertInstanceOf(CheckInResult.Welcome.class,
                    service.checkIn(cards.token(1, 7, WorkerCategory.COURIER))).visit();
            service.checkIn(cards.token(2, 8, WorkerCategory.COURIER));
            assertEquals(second, store.latestOf(CardFixture.memberId(7), NOW).orElseThrow());
            assertTrue(store.latestOf(CardFixture.memberId(7), NOW.plus(Duration.ofHours(2))).isEmpty());
            assertTrue(store.latestOf(CardFixture.memberId(9), NOW).isEmpty());
        }
    }

    @Test
    void fullDatabaseGivesFailedAndKeepsEveryEarlierVisit() throws Exception {
        List<Visit> welcomed = new ArrayList<>();
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            VisitService service = service(store);
            for (int i = 1; i <= 5; i++) {
                welcomed.add(assertInstanceOf(CheckInResult.Welcome.class,
                        service.checkIn(cards.token(i, i, WorkerCategory.COURIER))).visit());
            }
            long pages;
            try (VisitLogFile f = new VisitLogFile(dataDir)) {
                pages = f.number("PRAGMA page_count");
            }
            store.limitPages(pages);
            CheckInResult last = null;
            for (int i = 6; i < 5_000; i++) {
                last = service.checkIn(cards.token(i, i, WorkerCategory.COURIER));
                if (!(last instanceof CheckInResult.Welcome w)) {
                    break;
                }
                welcomed.add(w.visit());
            }
            CheckInResult.Failed failed = assertInstanceOf(CheckInResult.Failed.class, last);
            assertTrue(failed.message().startsWith("visit log full"), failed.message());
            assertInstanceOf(CheckInResult.Failed.class, service.checkInGuest(WorkerCategory.OTHER));

            List<Visit> stored = store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
            assertEquals(welcomed, stored);

            store.limitPages(1_000_000); // space freed
            Visit next = assertInstanceOf(CheckInResult.Welcome.class, service.checkInGuest(WorkerCategory.OTHER)).visit();
            assertEquals(welcomed.size() + 1, next.sequence());
        }
        try (VisitLogFile f = new VisitLogFile(dataDir)) {
            assertEquals("ok", f.text("PRAGMA integrity_check"));
            assertEquals(welcomed.size() + 1, f.number("SELECT count(*) FROM visit"));
            assertEquals(welcomed.size() + 1, f.number("SELECT count(*) FROM outbox"));
            assertEquals(welcomed.size() + 1, f.number("SELECT max(seq) FROM visit"));
        }
    }

    @Test
    void closedStoreRefusesWithAClearMessageAndCloseIsIdempotent() {
        SqliteVisitStore store = new SqliteVisitStore(dataDir);
        store.close();
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.record(guest(1)));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void damagedDatabaseFileIsReportedNotThrownRaw() throws Exception {
        Files.writeString(dataDir.resolve("visits.db"), "this is not an SQLite database, it is a text file ".repeat(200));
        StoreException e = assertThrows(StoreException.class, () -> new SqliteVisitStore(dataDir));
        assertTrue(e.getMessage().startsWith("visit log damaged"), e.getMessage());
    }
}

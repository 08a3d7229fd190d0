package org.warmstation.sync.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.testing.VisitLogFile;

/**
 * A terminal upgraded from the single-schema visit log (the sync tables were its V101 migration,
 * fixture {@code fixtures/visit-log-schema-101.db} written by that code: six visits, one of them
 * at revision 2, three confirmed, a sync-state row, a station key and one closed day) opens with
 * the visit log and the sync agent each under its own Flyway history, and loses nothing.
 */
class UpgradedVisitLogTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixture() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/visit-log-schema-101.db")) {
            Files.copy(in, dir.resolve("visits.db"));
        }
    }

    @Test
    void syncStateLedgerAndKeyOfAnOlderTerminalSurviveTheSplitOfTheSchema() throws Exception {
        byte[] keyBefore;
        try (VisitLogFile f = new VisitLogFile(dir)) {
            keyBefore = f.text("SELECT hex(public_x509) FROM station_key").getBytes();
        }
        try (SqliteSyncState state = new SqliteSyncState(dir)) {
            assertEquals(Optional.of("2026-12-01T02:00:00Z"), state.get("downlink.applied.SETTINGS"));
        }
        KeyPair key = StationKeyStore.loadOrCreate(dir);
        try (SqliteLedger ledger = new SqliteLedger(dir, new Topics(110105, "CY-0042"), ZONE, key)) {
            assertEquals(List.of(LocalDate.of(2026, 12, 1)), ledger.unpublished().stream().map(s -> s.date()).toList());
            assertTrue(ledger.unpublished().getFirst().signatureValid(), "the old day summary verifies with the kept key");
        }
        try (VisitLogFile f = new VisitLogFile(dir)) {
            assertArrayEquals(keyBefore, f.text("SELECT hex(public_x509) FROM station_key").getBytes(), "key kept");
            assertEquals(1, f.number("SELECT count(*) FROM station_key"));
            assertEquals(1, f.number("SELECT count(*) FROM sync_schema_history WHERE version = '1' AND success = 1"));
            assertEquals(1, f.number("SELECT count(*) FROM flyway_schema_history WHERE version = '101'"),
                    "the old history is left as it was");
        }
    }

    @Test
    void visitsAndOutboxOfAnOlderTerminalAreKeptAndRecordingGoesOn() throws Exception {
        SyncDatabase.open(dir).close();
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            List<Visit> visits = store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), visits.stream().map(Visit::sequence).toList());
            assertEquals(Set.of(Service.HOT_WATER, Service.REST), visits.get(1).services());
            Visit seventh = store.record(new Visit(UUID.randomUUID(), 0, "CY-0042",
                    Instant.parse("2026-12-06T01:00:00Z"), ZONE, null, 0,
                    WorkerCategory.COURIER, Set.of(), VisitSource.GUEST,
                    true, Duration.ofMinutes(1)));
            assertEquals(7, seventh.sequence());
        }
        try (VisitLogFile f = new VisitLogFile(dir)) {
            assertEquals(List.of(3L, 4L), List.of(f.number("SELECT count(*) FROM outbox WHERE state = 'CONFIRMED'"),
                    f.number("SELECT count(*) FROM outbox WHERE state <> 'CONFIRMED'")));
            assertEquals(2, f.number("SELECT revision FROM visit WHERE seq = 2"));
            assertEquals("ok", f.text("PRAGMA integrity_check"));
        }
    }
}

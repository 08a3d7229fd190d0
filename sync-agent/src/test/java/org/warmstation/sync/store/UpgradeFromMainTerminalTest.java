package org.warmstation.sync.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.store.MainVisitLogFixture;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.store.VisitLogDatabase;
import org.warmstation.visitlog.testing.VisitLogFile;

/**
 * Upgrade safety (issue 12) for the whole station file: the visits.db of a terminal on the code
 * of main on 2026-12-06 (commit 377d56e; fixture {@link MainTerminalFixture#RESOURCE}: the visit
 * log of {@link MainVisitLogFixture} plus the sync agent's tables of that day) opens with the
 * current visit log and sync agent, both schemas migrated, and loses nothing: every row of every
 * table keeps its values, the applied downlinks, the station key and the published day summary
 * (neither re-published nor closed again), and every visit.
 */
class UpgradeFromMainTerminalTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyFixture() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(MainTerminalFixture.RESOURCE)) {
            assertNotNull(in, "fixture " + MainTerminalFixture.RESOURCE);
            Files.copy(in, VisitLogDatabase.file(dir));
        }
        VisitLogDatabase.useNativeFolderIn(dir);
    }

    @Test
    void everyRowOfEveryTableSurvivesBothMigrations() throws Exception {
        Map<String, List<Map<String, Object>>> before;
        try (VisitLogFile f = new VisitLogFile(dir)) {
            before = f.allRows();
            assertEquals(List.of(1L), f.numbers("SELECT CAST(version AS INTEGER) FROM sync_schema_history"
                    + " WHERE success = 1 AND version <> '0'"), "the sync schema of that day");
        }
        assertTrue(before.keySet().containsAll(Set.of("visit", "outbox", "sync_state", "day_summary", "station_key")),
                "tables of the fixture: " + before.keySet());
        SyncDatabase.open(dir).close();
        new SqliteVisitStore(dir).close();
        try (VisitLogFile f = new VisitLogFile(dir)) {
            List<String> lost = VisitLogFile.lost(before, f.allRows(),
                    Set.of("flyway_schema_history", "sync_schema_history"));
            assertTrue(lost.isEmpty(), String.join("\n", lost));
            assertEquals("ok", f.text("PRAGMA integrity_check"));
        }
    }

    @Test
    void downlinksKeyAndPublishedDaySummaryAreKept() throws Exception {
        byte[] keyBefore;
        try (VisitLogFile f = new VisitLogFile(dir)) {
            keyBefore = f.text("SELECT hex(public_x509) FROM station_key").getBytes();
        }
        try (SqliteSyncState state = new SqliteSyncState(dir)) {
            assertEquals(Optional.of(MainTerminalFixture.SETTINGS_APPLIED), state.get("downlink.applied.SETTINGS"));
            assertEquals(Optional.of(MainTerminalFixture.DENY_LIST_APPLIED), state.get("downlink.applied.DENY_LIST"));
        }
        KeyPair key = StationKeyStore.loadOrCreate(dir);
        try (SqliteLedger ledger = new SqliteLedger(dir, MainTerminalFixture.TOPICS, MainVisitLogFixture.ZONE, key)) {
            assertEquals(List.of(), ledger.unpublished(), "the closed day stays published");
            assertEquals(List.of(), ledger.closeThrough(MainTerminalFixture.CLOSED_DAY), "and is not closed twice");
        }
        try (VisitLogFile f = new VisitLogFile(dir)) {
            assertArrayEquals(keyBefore, f.text("SELECT hex(public_x509) FROM station_key").getBytes(), "key kept");
            assertEquals(MainTerminalFixture.PUBLISHED_AT.toEpochMilli(),
                    f.number("SELECT published_at_ms FROM day_summary WHERE date = '2026-12-05'"));
            assertEquals(List.of(1L, 7L, 7L), List.of(f.number("SELECT first_seq FROM day_summary"),
                    f.number("SELECT last_seq FROM day_summary"), f.number("SELECT visit_count FROM day_summary")));
        }
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            List<Visit> visits = store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
            assertEquals(MainVisitLogFixture.VISITS.stream().map(MainVisitLogFixture.Expected::visit).toList(), visits);
        }
    }
}

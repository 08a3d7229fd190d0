package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.outbox.OutboxStats;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.store.MainVisitLogFixture.Expected;
import org.warmstation.visitlog.testing.VisitLogFile;
import org.warmstation.visitlog.time.ClockSync;

/**
 * Upgrade safety (issue 12): a visit log written by the code of main on 2026-12-06 (commit
 * {@code 377d56e}, schema V1, V2, V100; fixture {@link MainVisitLogFixture#RESOURCE}, scenario
 * in {@link MainVisitLogFixture}) opens with the current code, is migrated to the current schema,
 * and loses nothing: every visit with its services, revision, boot and clock correction, every
 * outbox state, and every stored column of every row.
 *
 * <p>When a later migration moves data to another table on purpose, {@link
 * #everyRowOfTheFixtureIsKeptColumnForColumn} must be told where it went, not loosened.
 */
class UpgradeFromMainVisitLogTest {
    private static final Instant LATER = Instant.parse("2026-12-06T02:00:00Z");
    private static final Duration NEVER_RESEND = Duration.ofDays(3650);

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixture() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(MainVisitLogFixture.RESOURCE)) {
            assertNotNull(in, "fixture " + MainVisitLogFixture.RESOURCE + " on the test class path");
            Files.copy(in, VisitLogDatabase.file(dir));
        }
        VisitLogDatabase.useNativeFolderIn(dir);
    }

    @Test
    void fixtureIsAtTheSchemaOfMainOn20261206() throws Exception {
        try (VisitLogFile f = new VisitLogFile(dir)) {
            assertEquals(List.of(1L, 2L, 100L),
                    f.numbers("SELECT CAST(version AS INTEGER) FROM flyway_schema_history WHERE success = 1 ORDER BY 1"),
                    "the fixture is the unmigrated file of that day");
            assertEquals(MainVisitLogFixture.VISITS.size(), f.number("SELECT count(*) FROM visit"));
        }
    }

    @Test
    void everyVisitWithItsServicesTimeAndSourceSurvivesTheMigration() {
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            List<Visit> stored = store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
            assertEquals(MainVisitLogFixture.VISITS.stream().map(Expected::visit).toList(), stored);
            for (Expected e : MainVisitLogFixture.VISITS) {
                assertEquals(e.visit(), store.find(e.visit().id()).orElseThrow(), "visit " + e.visit().sequence());
            }
        }
    }

    @Test
    void revisionsBootsAndClockCorrectionsSurviveTheMigration() throws Exception {
        new SqliteVisitStore(dir).close();
        try (VisitLogFile f = new VisitLogFile(dir)) {
            for (Expected e : MainVisitLogFixture.VISITS) {
                long seq = e.visit().sequence();
                String where = " FROM visit WHERE seq = " + seq;
                assertEquals(e.revision(), f.number("SELECT revision" + where), "revision of " + seq);
                assertEquals(e.bootId().value(), f.text("SELECT boot_id" + where), "boot of " + seq);
                assertEquals(e.clockCorrected() ? 1 : 0, f.number("SELECT clock_corrected" + where), "corrected " + seq);
                assertEquals(e.rawRecordedAt() == null ? null : String.valueOf(e.rawRecordedAt().toEpochMilli()),
                        f.text("SELECT raw_recorded_at_ms" + where), "raw reading of " + seq);
            }
            assertEquals("ok", f.text("PRAGMA integrity_check"));
            assertEquals(0, f.number("SELECT count(*) FROM pragma_foreign_key_check"));
        }
    }

    @Test
    void outboxStatesAndRevisionsSurviveTheMigration() {
        Map<Long, Integer> created = expectedIn("CREATED");
        Map<Long, Integer> published = expectedIn("PUBLISHED");
        try (SqliteOutbox outbox = new SqliteOutbox(dir)) {
            assertEquals(created, revisions(outbox.due(0, 100, LATER, NEVER_RESEND)), "CREATED entries");
            Map<Long, Integer> waiting = new LinkedHashMap<>(created);
            waiting.putAll(published);
            assertEquals(waiting, revisions(outbox.due(0, 100, LATER, Duration.ZERO)), "CREATED and PUBLISHED entries");
            OutboxStats stats = outbox.stats(LATER);
            assertEquals(List.of((long) waiting.size(), (long) published.size(), 1L, 8L),
                    List.of(stats.waiting(), stats.published(), stats.lastConfirmedSeq(), stats.highestSeq()));
        }
    }

    @Test
    void everyRowOfTheFixtureIsKeptColumnForColumn() throws Exception {
        Map<String, List<Map<String, Object>>> before;
        try (VisitLogFile f = new VisitLogFile(dir)) {
            before = f.allRows();
        }
        new SqliteVisitStore(dir).close();
        try (VisitLogFile f = new VisitLogFile(dir)) {
            assertTrue(before.keySet().containsAll(Set.of("visit", "outbox")), "tables of the fixture: " + before.keySet());
            List<String> lost = VisitLogFile.lost(before, f.allRows(), Set.of("flyway_schema_history"));
            assertTrue(lost.isEmpty(), String.join("\n", lost));
        }
    }

    @Test
    void recordingRevisingAndConfirmingGoOnAfterTheMigration() throws Exception {
        Visit revised;
        try (SqliteVisitStore store = new SqliteVisitStore(dir, () -> LATER, MainVisitLogFixture.BOOT_C)) {
            Visit ninth = store.record(new Visit(UUID.randomUUID(), 0, MainVisitLogFixture.STATION, LATER,
                    MainVisitLogFixture.ZONE, null, 0, WorkerCategory.COURIER, Set.of(Service.HOT_WATER),
                    VisitSource.GUEST, true, Duration.ofMinutes(110)));
            assertEquals(9, ninth.sequence());
            revised = store.updateServices(MainVisitLogFixture.VISITS.get(0).visit().id(),
                    Set.of(Service.HOT_WATER, Service.TOILET));
            assertEquals(1, store.correctUnsyncedVisits(new ClockSync(MainVisitLogFixture.BOOT_B,
                    Instant.parse("2026-12-05T06:00:00Z"), Duration.ofMinutes(30))), "seq 7 of the unsynced boot");
        }
        try (SqliteOutbox outbox = new SqliteOutbox(dir)) {
            List<WireVisit> due = outbox.due(0, 100, LATER, NEVER_RESEND);
            assertEquals(Map.of(1L, 2, 2L, 2, 7L, 2, 8L, 1, 9L, 1), revisions(due));
            outbox.markPublished(due, LATER);
            assertEquals(due.size(), outbox.confirm(due, LATER.plusSeconds(1)));
            assertEquals(3, outbox.stats(LATER).lastConfirmedSeq(), "4 and 6 still wait for their ack");
            assertEquals(2, outbox.stats(LATER).waiting());
        }
        try (VisitLogFile f = new VisitLogFile(dir)) {
            assertEquals("HOT_WATER,TOILET", f.text("SELECT services FROM visit WHERE seq = " + revised.sequence()));
        }
    }

    private static Map<Long, Integer> expectedIn(String state) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        MainVisitLogFixture.VISITS.stream().filter(e -> e.outboxState().equals(state))
                .forEach(e -> out.put(e.visit().sequence(), e.revision()));
        return out;
    }

    private static Map<Long, Integer> revisions(List<WireVisit> visits) {
        Map<Long, Integer> out = new java.util.TreeMap<>();
        visits.forEach(w -> out.put(w.seq(), w.revision()));
        return out;
    }
}

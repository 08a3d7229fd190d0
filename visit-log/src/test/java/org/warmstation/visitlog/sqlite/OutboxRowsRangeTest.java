package org.warmstation.visitlog.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.outbox.TypedOutbox;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * The range confirmation of {@link OutboxRows} (decision 0290) on a real visit log: it confirms a
 * run in one statement only when the run's uuids are the records of its seq range, and what it
 * leaves goes through the per-entry statement.
 */
class OutboxRowsRangeTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration RESEND = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private SqliteVisitStore store;
    private SqliteOutbox outbox;

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dir, InstantSource.fixed(T0));
        outbox = new SqliteOutbox(dir);
        for (int i = 0; i < 24; i++) {
            store.record(new Visit(UUID.randomUUID(), 0, "cy-0042", T0, ZoneId.of("Asia/Shanghai"), null, 0,
                    WorkerCategory.COURIER, Set.of(), VisitSource.GUEST, true, Duration.ofSeconds(i)));
        }
    }

    @AfterEach
    void close() {
        outbox.close();
        store.close();
    }

    @Test
    void aRunOfTheLogsOwnRecordsIsConfirmedByOneStatementWithItsPublishTime() throws SQLException {
        List<WireVisit> run = outbox.due(0, 100, T0, RESEND);
        try (Connection c = connection()) {
            assertEquals(24, OutboxRows.VISITS.confirmedRange(c, run, T0, T0.plusMillis(300)));
            assertEquals(0, OutboxRows.VISITS.confirmedRange(c, run, T0, T0.plusMillis(400)), "confirmed once");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*), min(attempts), max(attempts), min(published_at_ms), max(confirmed_at_ms)"
                            + " FROM outbox WHERE state = 'CONFIRMED'")) {
                assertTrue(rs.next());
                assertEquals(24, rs.getInt(1));
                assertEquals(1, rs.getInt(2));
                assertEquals(1, rs.getInt(3));
                assertEquals(T0.toEpochMilli(), rs.getLong(4));
                assertEquals(T0.plusMillis(300).toEpochMilli(), rs.getLong(5));
            }
        }
    }

    @Test
    void aRunNamingAnotherRecordIsNotConfirmedByTheRangeButEntryByEntry() throws SQLException {
        List<WireVisit> run = new ArrayList<>(outbox.due(0, 100, T0, RESEND));
        WireVisit v = run.get(10);
        run.set(10, new WireVisit(UUID.randomUUID(), v.seq(), v.revision(), v.recordedAt(), v.zone(), v.memberId(),
                v.cardSerial(), v.category(), v.services(), v.source(), v.clockSynced(), v.sinceBootMs()));
        try (Connection c = connection()) {
            assertEquals(0, OutboxRows.VISITS.confirmedRange(c, run, null, T0), "one uuid differs: nothing");
        }
        assertEquals(23, outbox.confirmSent(List.of(new TypedOutbox.Sent<>(run, T0, false)), T0.plusSeconds(1)));
        assertEquals(List.of(11L), outbox.due(0, 100, T0.plusSeconds(1), RESEND).stream().map(WireVisit::seq).toList(),
                "an ack of another record under seq 11 confirms nothing");
    }

    @Test
    void aRunWithAGapOrShorterThanTheMinimumGoesEntryByEntry() {
        List<WireVisit> all = outbox.due(0, 100, T0, RESEND);
        List<WireVisit> gapped = new ArrayList<>(all.subList(0, 12));
        gapped.addAll(all.subList(13, 13 + OutboxRows.RANGE_MIN - 1)); // seq 13 missing; a short run after it
        assertEquals(gapped.size(), outbox.confirmSent(List.of(new TypedOutbox.Sent<>(gapped, T0, false)), T0));
        List<Long> left = outbox.due(0, 100, T0, RESEND).stream().map(WireVisit::seq).toList();
        assertEquals(13L, left.getFirst(), "the gap stays queued");
        assertEquals(24 - gapped.size(), left.size());
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("visits.db"));
    }
}

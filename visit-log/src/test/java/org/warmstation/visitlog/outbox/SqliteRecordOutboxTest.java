package org.warmstation.visitlog.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.records.RecordLog;
import org.warmstation.visitlog.records.SqliteRecordLog;

/**
 * The record contract, for every kind but visits, against the SQLite record log and outbox. Every
 * record of the kind under test is recorded after one of another kind, so per-kind numbering and
 * per-kind draining are part of every contract test here.
 */
@ParameterizedClass
@EnumSource(value = RecordKind.class, names = "VISIT", mode = EnumSource.Mode.EXCLUDE)
class SqliteRecordOutboxTest extends RecordOutboxContractTest {
    private SqliteRecordLog sqliteLog;

    @Override
    protected RecordStation openStation(Path dir) {
        SqliteRecordLog log = new SqliteRecordLog(dir, InstantSource.fixed(T0), TestBody.TYPES);
        SqliteRecordOutbox box = new SqliteRecordOutbox(dir, kind);
        RecordKind other = kind == RecordKind.LOAN ? RecordKind.SUPPLY : RecordKind.LOAN;
        sqliteLog = log;
        return new RecordStation() {
            @Override
            public RecordOutbox outbox() {
                return box;
            }

            @Override
            public RecordLog log() {
                return log;
            }

            @Override
            public java.util.UUID record(boolean variant) {
                log.append(new TestBody(other, "another kind's record")); // does not touch this kind
                return RecordStation.super.record(variant);
            }

            @Override
            public void close() {
                box.close();
                log.close();
            }
        };
    }

    @Test
    void recordsSurviveReopeningTheDatabase() {
        station.record(false);
        station.record(true);
        outbox.markPublished(outbox.due(0, 1, T0, RESEND), T0);
        station.close();
        station = openStation(dir);
        outbox = station.outbox();
        assertEquals(2, outbox.stats(T0).waiting());
        assertEquals(1, outbox.stats(T0).published());
        assertEquals(List.of(2L), seqs(outbox.due(0, 10, T0, RESEND)));
    }

    @Test
    void aKindWithoutABodyTypeIsRefusedWithAClearMessage() {
        try (SqliteRecordLog standard = new SqliteRecordLog(dir, InstantSource.fixed(T0), RecordTypes.of(java.util.Map.of()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> standard.append(new TestBody(kind, "not yet")));
            assertTrue(e.getMessage().contains("no body type is registered for record kind " + kind), e.getMessage());
        }
        assertEquals(0, outbox.stats(T0).waiting());
    }

    @Test
    void aFullStoreRefusesTheNextRecordAndKeepsEveryRecordedOne() {
        sqliteLog.limitPages(1);
        List<WireRecord> kept = new ArrayList<>();
        StoreException full = null;
        String big = "x".repeat(2000);
        for (int i = 0; i < 10_000 && full == null; i++) {
            try {
                kept.add(sqliteLog.append(new TestBody(kind, big + i)));
            } catch (StoreException e) {
                full = e;
            }
        }
        sqliteLog.limitPages(1_000_000);
        assertTrue(full != null && full.getMessage().startsWith("visit log full"), String.valueOf(full));
        assertEquals(kept, sqliteLog.list(kind, 0, 100_000), "every record before the full store kept");
        assertEquals(kept.size(), outbox.stats(T0).waiting(), "and every one still queued");
        WireRecord after = sqliteLog.append(new TestBody(kind, "after freeing space"));
        assertEquals(kept.size() + 1, after.seq(), "numbering goes on without a gap");
    }
}

package org.warmstation.visitlog.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.records.RecordLog;

/**
 * The {@link TypedOutbox} contract ({@link OutboxContract}) for records other than visits, plus
 * what the {@link RecordLog} adds, run by each implementation's subclass once per kind
 * ({@code @ParameterizedClass} over TICKET, SUPPLY, LOAN, RATING) with the generic
 * {@link TestBody}.
 */
abstract class RecordOutboxContractTest extends OutboxContract<WireRecord> {
    @Parameter
    RecordKind kind;

    /** A station whose {@link #log()} records into {@link #outbox()}. */
    interface RecordStation extends Station<WireRecord> {
        @Override
        RecordOutbox outbox();

        RecordLog log();

        @Override
        default UUID record(boolean variant) {
            return log().append(new TestBody(outbox().kind(), variant ? "guest report" : "staff report")).uuid();
        }

        @Override
        default void revise(UUID id) {
            log().revise(id, new TestBody(outbox().kind(), "revised"));
        }
    }

    @Override
    protected abstract RecordStation openStation(java.nio.file.Path dir);

    private RecordLog log() {
        return ((RecordStation) station).log();
    }

    @Override
    protected void assertRevised(WireRecord revised) {
        assertEquals(new TestBody(kind, "revised"), TestBody.TYPES.body(revised, TestBody.class));
    }

    @Test
    void theOutboxIsOfItsKindAndAppendedRecordsCarryTheirBody() {
        assertEquals(kind, outbox.kind());
        WireRecord r = log().append(new TestBody(kind, "no hot water"));
        assertEquals(kind, r.kind());
        assertEquals(1, r.seq());
        assertEquals(1, r.revision());
        assertEquals(List.of(r), outbox.due(0, 10, T0, RESEND));
        assertEquals(new TestBody(kind, "no hot water"), TestBody.TYPES.body(outbox.due(0, 1, T0, RESEND).getFirst(),
                TestBody.class));
        assertEquals(r, log().find(r.uuid()).orElseThrow());
        assertEquals(List.of(r), log().list(kind, 0, 10));
    }

    @Test
    void aRecordMayBeAppendedUnderTheCallersIdButOnlyOnce() {
        UUID id = UUID.fromString("0193a5c2-7d4e-7abc-8def-0123456789ab");
        WireRecord r = log().append(id, new TestBody(kind, "with my id"));
        assertEquals(id, r.uuid());
        assertThrows(IllegalArgumentException.class, () -> log().append(id, new TestBody(kind, "again")));
        assertEquals(List.of(r), log().list(kind, 0, 10));
        assertEquals(1, outbox.stats(T0).waiting());
    }

    @Test
    void aRevisionKeepsUuidSeqAndRecordedAtAndReplacesTheBody() {
        WireRecord first = log().append(new TestBody(kind, "first"));
        WireRecord second = log().revise(first.uuid(), new TestBody(kind, "second"));
        assertEquals(first.uuid(), second.uuid());
        assertEquals(first.seq(), second.seq());
        assertEquals(first.recordedAt(), second.recordedAt());
        assertEquals(2, second.revision());
        assertEquals(second, log().find(first.uuid()).orElseThrow());
    }

    @Test
    void invalidBodiesUnknownRecordsAndOtherKindsAreRefusedAndNothingIsQueued() {
        WireRecord r = log().append(new TestBody(kind, "ok"));
        RecordKind other = kind == RecordKind.TICKET ? RecordKind.RATING : RecordKind.TICKET;
        assertThrows(IllegalArgumentException.class, () -> log().revise(r.uuid(), new TestBody(other, "other kind")));
        assertThrows(IllegalArgumentException.class, () -> log().revise(UUID.randomUUID(), new TestBody(kind, "x")));
        assertThrows(IllegalArgumentException.class, () -> new TestBody(kind, " "));
        assertEquals(1, outbox.stats(T0).waiting());
        assertEquals(1, log().find(r.uuid()).orElseThrow().revision());
        assertTrue(log().find(UUID.randomUUID()).isEmpty());
    }
}

package org.warmstation.sync.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.outbox.InMemoryRecordOutbox;
import org.warmstation.visitlog.outbox.TestBody;

/**
 * The generalised drainer for a record kind, without a broker: batches of one kind on
 * {@code ws.records/1}, acks confirming by uuid and revision, and one publish window shared by
 * the drainers of several kinds.
 */
class RecordDrainerTest {
    private static final Duration RESEND = Duration.ofSeconds(30);
    private static final Drainer.Limits LIMITS = new Drainer.Limits(2, 10, RESEND);

    private Instant now = Instant.parse("2026-12-06T02:00:00Z");
    private final InstantSource clock = () -> now;
    private final List<RecordBatch> sent = new ArrayList<>();
    private final List<Consumer<Throwable>> pubacks = new ArrayList<>();
    private final Drainer.Publisher publisher = (payload, done) -> {
        sent.add(Wire.decode(payload.get(), RecordBatch.class));
        pubacks.add(done);
    };
    private InMemoryRecordOutbox tickets;
    private InMemoryRecordOutbox ratings;

    @BeforeEach
    void fill() {
        tickets = new InMemoryRecordOutbox(RecordKind.TICKET, TestBody.TYPES, clock);
        ratings = new InMemoryRecordOutbox(RecordKind.RATING, TestBody.TYPES, clock);
        for (int i = 0; i < 6; i++) {
            tickets.append(new TestBody(RecordKind.TICKET, "ticket " + i));
            ratings.append(new TestBody(RecordKind.RATING, "rating " + i));
        }
    }

    private RecordDrainer drainer(InMemoryRecordOutbox box, PublishWindow window) {
        return new RecordDrainer(box, clock, 110105, "CY-0042", LIMITS, window, TokenBucket.of(1_000_000, 2));
    }

    private static RecordAck ack(RecordBatch batch, List<WireRecord> held) {
        return RecordAck.of(batch, held.stream().map(r -> new RecordAck.Stored(r.uuid(), r.revision())).toList(), Instant.EPOCH);
    }

    @Test
    void publishesBatchesOfItsKindInSeqOrderAndConfirmsWhatTheAckNames() {
        RecordDrainer d = drainer(tickets, new PublishWindow(10));
        d.drain(publisher);
        assertEquals(3, sent.size());
        assertTrue(sent.stream().allMatch(b -> b.kind() == RecordKind.TICKET));
        assertEquals(List.of(1L, 2L), sent.getFirst().records().stream().map(WireRecord::seq).toList());
        assertEquals(2, d.onAck(ack(sent.getFirst(), sent.getFirst().records())));
        assertEquals(4, tickets.stats(now).waiting());
        assertEquals(2, d.confirmed());
    }

    @Test
    void anAckOfTheOlderRevisionLeavesARecordRevisedMeanwhileQueued() {
        RecordDrainer d = drainer(tickets, new PublishWindow(10));
        d.drain(publisher);
        RecordBatch first = sent.getFirst();
        WireRecord revised = tickets.revise(first.records().getFirst().uuid(), new TestBody(RecordKind.TICKET, "resolved"));
        assertEquals(1, d.onAck(ack(first, first.records())), "only the record not revised since");
        assertEquals(revised, tickets.due(0, 10, now, RESEND).getFirst(), "revision 2 is due at once");
    }

    @Test
    void anAckOfAnotherKindOrAnotherBatchConfirmsNothing() {
        RecordDrainer d = drainer(tickets, new PublishWindow(10));
        d.drain(publisher);
        RecordBatch first = sent.getFirst();
        RecordAck asRating = new RecordAck(RecordAck.SCHEMA, 110105, "CY-0042", first.batchId(), RecordKind.RATING,
                ack(first, first.records()).stored(), Instant.EPOCH);
        assertEquals(0, d.onAck(asRating));
        RecordBatch stranger = RecordBatch.of(110105, "CY-0042", now, first.records());
        assertEquals(0, d.onAck(ack(stranger, first.records())));
        assertEquals(6, tickets.stats(now).waiting());
    }

    @Test
    void drainersOfSeveralKindsShareOnePublishWindow() {
        PublishWindow window = new PublishWindow(3);
        RecordDrainer t = drainer(tickets, window);
        RecordDrainer r = drainer(ratings, window);
        t.drain(publisher);
        r.drain(publisher);
        assertEquals(3, sent.size(), "three publishes in flight in all, not three per kind");
        pubacks.getFirst().accept(null);
        r.drain(publisher);
        assertEquals(4, sent.size());
        assertEquals(RecordKind.RATING, sent.getLast().kind());
        r.connectionLost();
        r.drain(publisher);
        assertEquals(6, sent.size(), "a lost connection frees the shared window");
        for (int i = 0; i < 4; i++) {
            tickets.append(new TestBody(RecordKind.TICKET, "more " + i));
        }
        t.drain(publisher);
        assertEquals(7, sent.size(), "for every kind");
        pubacks.get(1).accept(null); // a PUBACK of the lost connection
        t.drain(publisher);
        assertEquals(7, sent.size(), "does not free a slot of the new connection");
    }

    @Test
    void aBatchNotAckedInTimeIsSentAgainAndALateAckStillConfirms() {
        RecordDrainer d = drainer(tickets, new PublishWindow(10));
        d.drain(publisher);
        RecordBatch first = sent.getFirst();
        now = now.plus(RESEND).plusSeconds(1);
        pubacks.forEach(p -> p.accept(null));
        d.drain(publisher);
        assertEquals(6, sent.size(), "all three batches again");
        assertEquals(2, d.onAck(ack(first, first.records())), "a late ack still confirms");
    }
}

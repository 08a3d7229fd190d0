package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.drain.Drainer;
import org.warmstation.sync.drain.OutboxDrainer;
import org.warmstation.sync.drain.PublishWindow;
import org.warmstation.sync.drain.RecordDrainer;
import org.warmstation.sync.drain.TokenBucket;
import org.warmstation.visitlog.outbox.InMemoryOutbox;
import org.warmstation.visitlog.outbox.InMemoryRecordOutbox;
import org.warmstation.visitlog.outbox.TestBody;

/** Acks reach the drainer of their kind; malformed ones, other stations' and unknown kinds' are ignored. */
class AckReceiverTest {
    private static final Topics TOPICS = new Topics(110105, "CY-0042");
    private final Instant now = Instant.parse("2026-12-06T02:00:00Z");
    private final InstantSource clock = () -> now;
    private final Drainer.Limits limits = new Drainer.Limits(10, 10, Duration.ofSeconds(30));
    private final PublishWindow window = new PublishWindow(10);
    private final TokenBucket pace = TokenBucket.of(1_000_000, 10);
    private final InMemoryRecordOutbox tickets = new InMemoryRecordOutbox(RecordKind.TICKET, TestBody.TYPES, clock);
    private final RecordDrainer ticketDrainer = new RecordDrainer(tickets, clock, 110105, "CY-0042", limits, window, pace);
    private final AckReceiver acks = new AckReceiver(TOPICS,
            new OutboxDrainer(new InMemoryOutbox(), clock, 110105, "CY-0042", limits, window, pace),
            Map.of(RecordKind.TICKET, ticketDrainer), org.warmstation.sync.testing.Stations.SYSTEM_CLOCK);
    private final List<RecordBatch> sent = new ArrayList<>();

    private RecordBatch publishOneTicket() {
        tickets.append(new TestBody(RecordKind.TICKET, "heater broken"));
        ticketDrainer.drain((payload, done) -> sent.add(Wire.decode(payload.get(), RecordBatch.class)));
        return sent.getLast();
    }

    private static byte[] ack(RecordBatch batch, RecordKind kind, String station) {
        return Wire.encode(new RecordAck(RecordAck.SCHEMA, 110105, station, batch.batchId(), kind,
                List.of(new RecordAck.Stored(batch.records().getFirst().uuid(), 1)), Instant.EPOCH));
    }

    @Test
    void aRecordsAckConfirmsThroughItsKindsDrainer() {
        RecordBatch batch = publishOneTicket();
        assertEquals(RecordKind.TICKET, acks.onRecordAck(ack(batch, RecordKind.TICKET, "CY-0042")));
        assertEquals(0, tickets.stats(now).waiting());
    }

    @Test
    void malformedForeignAndUndrainedAcksAreIgnored() {
        RecordBatch batch = publishOneTicket();
        assertNull(acks.onRecordAck("{\"schema\":\"ws.records-ack/1\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(acks.onRecordAck(ack(batch, RecordKind.TICKET, "CY-0043")), "another station's");
        assertNull(acks.onRecordAck(ack(batch, RecordKind.LOAN, "CY-0042")), "a kind this agent does not drain");
        assertFalse(acks.onVisitAck("not json".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, tickets.stats(now).waiting(), "still queued");
    }
}

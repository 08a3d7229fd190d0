package org.warmstation.sync.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.outbox.InMemoryOutbox;

/**
 * The drainer without a broker: an in-memory outbox, a publisher that holds each PUBACK until the
 * test gives it, and a clock the test moves. Windows, acks (partial, late, unknown) and the
 * connection generation that keeps PUBACKs of a lost connection from reopening the window twice.
 */
class OutboxDrainerTest {
    private static final Duration RESEND = Duration.ofSeconds(30);

    private Instant now = Instant.parse("2026-12-06T02:00:00Z");
    private final InstantSource clock = () -> now;
    private InMemoryOutbox outbox;
    private final List<VisitBatch> sent = new ArrayList<>();
    private final List<Consumer<Throwable>> pubacks = new ArrayList<>();
    private final OutboxDrainer.Publisher publisher = (payload, done) -> {
        sent.add(Wire.decode(payload.get(), VisitBatch.class));
        pubacks.add(done);
    };

    @BeforeEach
    void fillOutbox() {
        outbox = new InMemoryOutbox();
        for (int seq = 1; seq <= 10; seq++) {
            outbox.append(new WireVisit(UUID.randomUUID(), seq, 1, now, "Asia/Shanghai", null, 0, "COURIER",
                    List.of("HOT_WATER"), "GUEST", true, 1000), now);
        }
    }

    private OutboxDrainer drainer(int maxInFlight, int maxAwaitingAck) {
        return new OutboxDrainer(outbox, clock, 110105, "CY-0042", 2, maxInFlight, maxAwaitingAck, RESEND, 1_000_000);
    }

    private static VisitAck ackOf(VisitBatch batch, List<WireVisit> stored) {
        return new VisitAck(VisitAck.SCHEMA, batch.district(), batch.station(), batch.batchId(), 0,
                stored.stream().map(WireVisit::uuid).toList(), Instant.EPOCH);
    }

    @Test
    void publishesNoMoreThanTheInFlightWindowUntilAPubackComes() {
        OutboxDrainer d = drainer(2, 10);
        d.drain(publisher);
        assertEquals(2, sent.size(), "two batches awaiting their PUBACK");
        d.drain(publisher);
        assertEquals(2, sent.size(), "window still full");
        pubacks.getFirst().accept(null);
        d.drain(publisher);
        assertEquals(3, sent.size(), "one PUBACK, one more batch");
        assertEquals(List.of(5L, 6L), sent.get(2).visits().stream().map(WireVisit::seq).toList(), "in seq order");
    }

    @Test
    void theAwaitingAckWindowHoldsBackEvenWhenPubacksCame() {
        OutboxDrainer d = drainer(10, 3);
        d.drain(publisher);
        pubacks.forEach(p -> p.accept(null));
        d.drain(publisher);
        assertEquals(3, sent.size());
        assertEquals(2, d.onAck(ackOf(sent.getFirst(), sent.getFirst().visits())));
        d.drain(publisher);
        assertEquals(4, sent.size(), "an ack reopens the window by one batch");
    }

    @Test
    void anAckConfirmsOnlyTheVisitsItNamesAndTheRestIsSentAgainAfterTheTimeout() {
        OutboxDrainer d = drainer(10, 10);
        d.drain(publisher);
        int batches = sent.size();
        VisitBatch first = sent.getFirst();
        assertEquals(1, d.onAck(ackOf(first, List.of(first.visits().getFirst()))));
        assertEquals(1, d.confirmed());
        List<Long> resent = resentAfterTheTimeout(d, batches);
        assertTrue(resent.contains(first.visits().get(1).seq()), "the unacknowledged visit again: " + resent);
        assertTrue(!resent.contains(first.visits().getFirst().seq()), "the confirmed one not: " + resent);
    }

    /** @return the seqs of the batches sent after the resend timeout passed and every PUBACK came */
    private List<Long> resentAfterTheTimeout(OutboxDrainer d, int batchesBefore) {
        now = now.plus(RESEND).plusSeconds(1);
        pubacks.forEach(p -> p.accept(null));
        d.drain(publisher);
        return sent.subList(batchesBefore, sent.size()).stream().flatMap(b -> b.visits().stream()).map(WireVisit::seq)
                .toList();
    }

    private static VisitAck counted(VisitBatch batch, int count) {
        return new VisitAck(VisitAck.SCHEMA, batch.district(), batch.station(), batch.batchId(), 0, List.of(),
                Instant.EPOCH, count);
    }

    @Test
    void batchesAskForTheCountedAckAndOneWithTheRightCountConfirmsTheWholeBatch() {
        OutboxDrainer d = drainer(10, 10);
        d.drain(publisher);
        assertTrue(sent.stream().allMatch(VisitBatch::asksCountedAck), "every batch asks for the counted ack");
        VisitBatch first = sent.getFirst();
        assertEquals(2, d.onAck(counted(first, 2)));
        assertEquals(2, d.confirmed());
        assertEquals(0, d.onAck(counted(first, 2)), "a second ack of the same batch confirms nothing more");
    }

    @Test
    void countedAckWithAnotherCountConfirmsNoneAndTheBatchIsSentAgainAfterTheTimeout() {
        OutboxDrainer d = drainer(10, 10);
        d.drain(publisher);
        int batches = sent.size();
        VisitBatch first = sent.getFirst();
        assertEquals(0, d.onAck(counted(first, 1)), "the district counted 1, 2 were sent");
        assertEquals(0, d.onAck(counted(sent.get(1), 3)));
        assertEquals(0, d.confirmed());
        List<Long> resent = resentAfterTheTimeout(d, batches);
        assertTrue(resent.containsAll(first.visits().stream().map(WireVisit::seq).toList()), "sent again: " + resent);
    }

    @Test
    void aLateAckStillConfirmsAndAnUnknownOneIsIgnored() {
        OutboxDrainer d = drainer(10, 10);
        d.drain(publisher);
        VisitBatch first = sent.getFirst();
        now = now.plus(RESEND).plusSeconds(1);
        d.drain(publisher); // moves the timed-out batches to the late list
        assertEquals(2, d.onAck(ackOf(first, first.visits())), "late ack confirms");
        VisitBatch stranger = VisitBatch.of(110105, "CY-0042", now, first.visits());
        assertEquals(0, d.onAck(ackOf(stranger, first.visits())), "ack of a batch never sent");
        assertEquals(0, d.onAck(ackOf(first, first.visits())), "a second ack of the same batch confirms nothing more");
    }

    @Test
    void pubacksOfALostConnectionDoNotOpenTheNewConnectionsWindow() {
        OutboxDrainer d = drainer(2, 10);
        d.drain(publisher);
        assertEquals(2, sent.size());
        d.connectionLost();
        d.drain(publisher);
        assertEquals(4, sent.size(), "a fresh window on the new connection");
        pubacks.get(0).accept(new IllegalStateException("connection lost"));
        pubacks.get(1).accept(null);
        d.drain(publisher);
        assertEquals(4, sent.size(), "old completions must not count for the new connection's publishes");
        pubacks.get(2).accept(null);
        d.drain(publisher);
        assertEquals(5, sent.size());
    }
}

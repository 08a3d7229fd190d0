package org.warmstation.sync.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
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
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.outbox.ConfirmWriter;
import org.warmstation.visitlog.outbox.InMemoryOutbox;
import org.warmstation.visitlog.outbox.TypedOutbox;

/**
 * Confirmations written on another thread (decision 0320), with both threads played by queues the
 * test runs by hand: an acknowledged batch is held until its write is done (not sent again, still
 * taking its place in the ack window), a failed write makes its entries due again and reports the
 * failure on the drainer's thread.
 */
class ConfirmElsewhereTest {
    private static final Duration RESEND = Duration.ofSeconds(30);

    private Instant now = Instant.parse("2026-12-07T02:00:00Z");
    private final InstantSource clock = () -> now;
    private InMemoryOutbox outbox;
    private final List<VisitBatch> sent = new ArrayList<>();
    private final List<Consumer<Throwable>> pubacks = new ArrayList<>();
    private final OutboxDrainer.Publisher publisher = (payload, done) -> {
        sent.add(Wire.decode(payload.get(), VisitBatch.class));
        pubacks.add(done);
    };
    private final ArrayDeque<Runnable> writerThread = new ArrayDeque<>();
    private final ArrayDeque<Runnable> agentThread = new ArrayDeque<>();
    private RuntimeException writeFailure;

    @BeforeEach
    void fillOutbox() {
        outbox = new InMemoryOutbox();
        for (int seq = 1; seq <= 10; seq++) {
            outbox.append(new WireVisit(UUID.randomUUID(), seq, 1, now, "Asia/Shanghai", null, 0, "COURIER",
                    List.of("HOT_WATER"), "GUEST", true, 1000), now);
        }
    }

    private OutboxDrainer drainer(int maxAwaitingAck) {
        OutboxDrainer d = new OutboxDrainer(outbox, clock, 110105, "CY-0042", 2, 10, maxAwaitingAck, RESEND, 1_000_000);
        ConfirmWriter<WireVisit> writer = new ConfirmWriter<>() {
            @Override
            public int confirmSent(List<TypedOutbox.Sent<WireVisit>> s, Instant at) {
                if (writeFailure != null) {
                    throw writeFailure;
                }
                return outbox.confirmSent(s, at);
            }

            @Override
            public void close() {
            }
        };
        d.confirmOn(writer, writerThread::add, agentThread::add);
        return d;
    }

    private static VisitAck counted(VisitBatch batch) {
        return new VisitAck(VisitAck.SCHEMA, batch.district(), batch.station(), batch.batchId(), 0, List.of(),
                Instant.EPOCH, batch.visits().size());
    }

    private static void runAll(ArrayDeque<Runnable> thread) {
        while (!thread.isEmpty()) {
            thread.poll().run();
        }
    }

    private List<Long> seqsSentFrom(int batch) {
        return sent.subList(batch, sent.size()).stream().flatMap(b -> b.visits().stream()).map(WireVisit::seq).toList();
    }

    @Test
    void anAckHandsTheConfirmationToTheWriterAndTheOutboxChangesOnlyWhenItRuns() {
        OutboxDrainer d = drainer(10);
        d.drain(publisher);
        assertEquals(2, d.onAck(counted(sent.getFirst())), "two visits handed to the writer");
        assertEquals(10, outbox.stats(now).waiting(), "nothing written on the drainer's thread");
        assertEquals(0, d.confirmed());
        runAll(writerThread);
        assertEquals(8, outbox.stats(now).waiting(), "written on the writer's thread");
        assertEquals(0, d.confirmed(), "counted only back on the drainer's thread");
        runAll(agentThread);
        assertEquals(2, d.confirmed());
        assertEquals(now, d.lastConfirmation());
    }

    @Test
    void anAcknowledgedBatchIsNotSentAgainWhileItsConfirmationIsBeingWritten() {
        OutboxDrainer d = drainer(10);
        d.drain(publisher);
        VisitBatch first = sent.getFirst();
        d.onAck(counted(first));
        int before = sent.size();
        now = now.plus(RESEND).plusSeconds(1); // every other batch has timed out: a resend pass
        pubacks.forEach(p -> p.accept(null));
        d.drain(publisher);
        List<Long> resent = seqsSentFrom(before);
        assertTrue(!resent.isEmpty(), "the batches without an ack are sent again");
        assertTrue(first.visits().stream().noneMatch(v -> resent.contains(v.seq())),
                "not the acknowledged one being confirmed: " + resent);
    }

    @Test
    void batchesBeingConfirmedHaveAWindowOfTheAckWindowsSize() {
        OutboxDrainer d = drainer(2);
        d.drain(publisher);
        assertEquals(2, sent.size(), "the ack window holds two batches");
        d.onAck(counted(sent.get(0)));
        d.drain(publisher);
        assertEquals(3, sent.size(), "an ack frees a place in the ack window");
        d.onAck(counted(sent.get(1)));
        d.drain(publisher);
        assertEquals(3, sent.size(), "two batches being written: no more until a write is done");
        runAll(writerThread);
        runAll(agentThread);
        d.drain(publisher);
        assertEquals(4, sent.size(), "written: the window is open again");
        assertEquals(4, d.confirmed());
    }

    @Test
    void aFailedWriteLeavesTheEntriesDueAndFailsOnTheDrainersThread() {
        OutboxDrainer d = drainer(10);
        d.drain(publisher);
        VisitBatch first = sent.getFirst();
        d.onAck(counted(first));
        writeFailure = new StoreException("disk full", null);
        runAll(writerThread);
        StoreException thrown = assertThrows(StoreException.class, () -> runAll(agentThread));
        assertSame(writeFailure, thrown);
        assertEquals(0, d.confirmed());
        assertEquals(10, outbox.stats(now).waiting(), "nothing lost: still waiting");
        writeFailure = null;
        int before = sent.size();
        pubacks.forEach(p -> p.accept(null));
        d.drain(publisher); // unmarked entries are due at once; the wrap finds them
        d.drain(publisher);
        List<Long> resent = seqsSentFrom(before);
        assertTrue(first.visits().stream().allMatch(v -> resent.contains(v.seq())), "sent again: " + resent);
    }
}

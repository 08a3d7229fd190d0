package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.sync.drain.Drainer;
import org.warmstation.sync.drain.OutboxDrainer;
import org.warmstation.sync.drain.PublishWindow;
import org.warmstation.sync.drain.TokenBucket;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.outbox.ForwardingOutbox;
import org.warmstation.visitlog.outbox.InMemoryOutbox;

/**
 * The drain's outbox writes are grouped and deferred (issue 13 §9, decisions 0205 and 0245): no
 * PUBLISHED mark for batches acked within the mark delay, one mark for the batches that were not,
 * one confirm for the acks that arrived while the agent's thread was busy; and neither changes
 * what is confirmed.
 */
class GroupedOutboxWritesTest {
    private Instant now = Instant.parse("2026-12-06T02:00:00Z");
    private final InstantSource clock = () -> now;
    private final CountingOutbox outbox = new CountingOutbox(new InMemoryOutbox());
    private final List<VisitBatch> sent = new ArrayList<>();
    private final OutboxDrainer drainer = new OutboxDrainer(outbox, clock, 110105, "CY-0042",
            new Drainer.Limits(2, 10, Duration.ofSeconds(30)), new PublishWindow(10), TokenBucket.of(1_000_000, 2));
    private AgentThread thread;

    @BeforeEach
    void fill() {
        for (int seq = 1; seq <= 10; seq++) {
            outbox.delegate.append(new WireVisit(UUID.randomUUID(), seq, 1, now, "Asia/Shanghai", null, 0, "COURIER",
                    List.of("HOT_WATER"), "GUEST", true, 1000), now);
        }
        thread = new AgentThread("CY-0042", problem -> { });
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private void drain() {
        drainer.drain((payload, done) -> sent.add(Wire.decode(payload.get(), VisitBatch.class)));
    }

    @Test
    void batchesNotAckedWithinTheMarkDelayAreMarkedInOneWrite() {
        drain();
        assertEquals(5, sent.size(), "five batches of two");
        assertEquals(0, outbox.marks.get(), "no mark while their acks may still come");
        drain();
        assertEquals(5, sent.size(), "what was just published is not due again, marked or not");
        now = now.plus(Drainer.MARK_DELAY).minusMillis(1);
        drain();
        assertEquals(0, outbox.marks.get());
        now = now.plusMillis(1);
        drain();
        assertEquals(1, outbox.marks.get(), "one write for all five");
        assertEquals(10, outbox.stats(now).published());
        assertEquals(5, sent.size());
    }

    @Test
    void batchesAckedWithinTheMarkDelayAreConfirmedWithoutAMark() {
        drain();
        now = now.plusMillis(300);
        assertEquals(10, drainer.onAcks(sent.stream().map(b -> VisitAck.of(b, 0, now)).toList()));
        now = now.plus(Drainer.MARK_DELAY);
        drain();
        assertEquals(0, outbox.marks.get(), "confirmed straight from CREATED");
        assertEquals(1, outbox.confirms.get());
        assertEquals(0, outbox.stats(now).waiting());
    }

    @Test
    void aLostConnectionMarksWhatIsInFlightSoItWaitsForItsLateAck() {
        drain();
        drainer.connectionLost();
        assertEquals(1, outbox.marks.get());
        assertEquals(10, outbox.stats(now).published());
        now = now.plusSeconds(29);
        drain();
        assertEquals(5, sent.size(), "not sent again before the resend timeout");
        now = now.plusSeconds(1);
        drain();
        assertEquals(10, sent.size(), "due again after it");
    }

    @Test
    void acksArrivingWhileTheAgentIsBusyAreConfirmedInOneWrite() throws Exception {
        thread.call(() -> {
            drain();
            return null;
        }, Duration.ofSeconds(10));
        AtomicInteger wakes = new AtomicInteger();
        AckInbox inbox = new AckInbox(thread, new AckReceiver(new Topics(110105, "CY-0042"), drainer, Map.of(),
                Stations.SYSTEM_CLOCK), wakes::incrementAndGet, kind -> { });
        CountDownLatch busy = new CountDownLatch(1);
        thread.run("busy", () -> {
            try {
                busy.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (VisitBatch b : sent) {
            inbox.offer(true, Wire.encode(VisitAck.of(b, 0, now)));
        }
        busy.countDown();
        Await.until(Duration.ofSeconds(10), "every visit confirmed", () -> outbox.stats(now).waiting() == 0,
                () -> outbox.stats(now));
        assertEquals(1, outbox.confirms.get(), "five acks, one confirm");
        assertEquals(10, drainer.confirmed());
        thread.call(() -> null, Duration.ofSeconds(10)); // the wake-up ran
        assertEquals(1, wakes.get(), "the uplink woken once");
    }

    @Test
    void anAckGroupConfirmsExactlyWhatEachAckNames() {
        drain();
        VisitBatch first = sent.get(0);
        VisitBatch second = sent.get(1);
        VisitAck partial = new VisitAck(VisitAck.SCHEMA, 110105, "CY-0042", second.batchId(), 0,
                List.of(second.visits().getFirst().uuid()), now);
        VisitAck stranger = VisitAck.of(VisitBatch.of(110105, "CY-0042", now, first.visits()), 0, now);
        assertEquals(3, drainer.onAcks(List.of(VisitAck.of(first, 0, now), partial, stranger)));
        assertEquals(1, outbox.confirms.get());
        assertEquals(7, outbox.stats(now).waiting(), "the visit the partial ack left out still waits");
    }

    /** An outbox that counts its mark and confirm writes. */
    private static final class CountingOutbox extends ForwardingOutbox {
        final InMemoryOutbox delegate;
        final AtomicInteger marks = new AtomicInteger();
        final AtomicInteger confirms = new AtomicInteger();

        CountingOutbox(InMemoryOutbox delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        @Override
        public void markPublished(Collection<WireVisit> entries, Instant at) {
            marks.incrementAndGet();
            super.markPublished(entries, at);
        }

        @Override
        public int confirm(Collection<WireVisit> entries, Instant at) {
            confirms.incrementAndGet();
            return super.confirm(entries, at);
        }

        @Override
        public int confirmSent(List<Sent<WireVisit>> sent, Instant at) {
            confirms.incrementAndGet();
            return super.confirmSent(sent, at);
        }
    }
}

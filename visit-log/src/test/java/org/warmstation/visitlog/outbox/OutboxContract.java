package org.warmstation.visitlog.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.wire.OutboxEntry;

/**
 * The {@link TypedOutbox} contract, run against every kind and every implementation: visits
 * ({@code OutboxContractTest}: SQLite and in memory) and each other record kind
 * ({@code RecordOutboxContractTest}: SQLite and in memory, parameterised over the kinds). A
 * subclass supplies a station: something that records entries of its kind and revises them the
 * way the kiosk does.
 *
 * @param <E> the entries
 */
abstract class OutboxContract<E extends OutboxEntry> {
    static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    static final Duration RESEND = Duration.ofSeconds(60);

    /** Records and revises entries, as the kiosk does, next to an outbox. */
    interface Station<E extends OutboxEntry> extends AutoCloseable {
        TypedOutbox<E> outbox();

        /** Records a new entry at {@link #T0} (two variants, e.g. guest or card); @return its uuid. */
        UUID record(boolean variant);

        /** Records a new revision of a recorded entry (a visit's services, a record's body). */
        void revise(UUID id);

        @Override
        void close();
    }

    protected abstract Station<E> openStation(Path dir);

    /** Checks what a revision made by {@link Station#revise} holds; nothing by default. */
    protected void assertRevised(E revised) {
    }

    @TempDir
    Path dir;
    Station<E> station;
    TypedOutbox<E> outbox;

    @BeforeEach
    void open() {
        station = openStation(dir);
        outbox = station.outbox();
    }

    @AfterEach
    void close() {
        station.close();
    }

    List<UUID> record(int n) {
        return IntStream.range(0, n).mapToObj(i -> station.record(i % 3 == 0)).toList();
    }

    static List<Long> seqs(List<? extends OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::seq).toList();
    }

    @Test
    void newEntriesAreDueInSeqOrderAndPagedBySeq() {
        List<UUID> ids = record(5);
        List<E> first = outbox.due(0, 2, T0, RESEND);
        assertEquals(List.of(1L, 2L), seqs(first));
        assertEquals(List.of(ids.get(0), ids.get(1)), first.stream().map(OutboxEntry::uuid).toList());
        assertEquals(List.of(3L, 4L), seqs(outbox.due(2, 2, T0, RESEND)));
        assertEquals(List.of(5L), seqs(outbox.due(4, 10, T0, RESEND)));
        assertEquals(List.of(), outbox.due(5, 10, T0, RESEND));
        assertThrows(IllegalArgumentException.class, () -> outbox.due(0, 0, T0, RESEND));
        assertTrue(first.stream().allMatch(e -> e.kind() == outbox.kind() && e.revision() == 1));
    }

    @Test
    void publishedEntryIsDueAgainOnlyAfterTheResendTimeout() {
        record(3);
        List<E> sent = outbox.due(0, 2, T0, RESEND);
        outbox.markPublished(sent, T0);
        assertEquals(List.of(3L), seqs(outbox.due(0, 10, T0.plusSeconds(59), RESEND)));
        assertEquals(List.of(1L, 2L, 3L), seqs(outbox.due(0, 10, T0.plusSeconds(60), RESEND)));
        OutboxStats stats = outbox.stats(T0.plusSeconds(10));
        assertEquals(3, stats.waiting());
        assertEquals(2, stats.published());
    }

    @Test
    void onlyConfirmationRemovesEntriesFromTheQueue() {
        record(4);
        List<E> sent = outbox.due(0, 10, T0, RESEND);
        outbox.markPublished(sent, T0);
        assertEquals(2, outbox.confirm(List.of(sent.get(0), sent.get(2)), T0.plusSeconds(1)));
        OutboxStats stats = outbox.stats(T0.plusSeconds(2));
        assertEquals(2, stats.waiting());
        assertEquals(1, stats.lastConfirmedSeq(), "seq 2 is not confirmed, so 1 is the highest contiguous");
        assertEquals(4, stats.highestSeq());
        assertEquals(List.of(2L, 4L), seqs(outbox.due(0, 10, T0.plusSeconds(600), RESEND)));
    }

    @Test
    void confirmingTwiceChangesNothingTheSecondTime() {
        record(2);
        List<E> sent = outbox.due(0, 10, T0, RESEND);
        assertEquals(2, outbox.confirm(sent, T0));
        assertEquals(0, outbox.confirm(sent, T0));
        assertEquals(0, outbox.stats(T0).waiting());
        assertEquals(2, outbox.stats(T0).lastConfirmedSeq());
    }

    @Test
    void confirmationOfAnOlderRevisionLeavesARevisedEntryQueued() {
        UUID id = record(1).getFirst();
        E rev1 = outbox.due(0, 10, T0, RESEND).getFirst();
        outbox.markPublished(List.of(rev1), T0);
        station.revise(id);
        assertEquals(0, outbox.confirm(List.of(rev1), T0.plusSeconds(1)));
        E rev2 = outbox.due(0, 10, T0.plusSeconds(1), RESEND).getFirst();
        assertEquals(2, rev2.revision());
        assertRevised(rev2);
        outbox.markPublished(List.of(rev1), T0.plusSeconds(1)); // a late mark of the old revision
        assertEquals(List.of(rev2), outbox.due(0, 10, T0.plusSeconds(1), RESEND), "stale mark ignored");
        assertEquals(1, outbox.confirm(List.of(rev2), T0.plusSeconds(2)));
        assertEquals(0, outbox.stats(T0.plusSeconds(2)).waiting());
    }

    @Test
    void confirmSentConfirmsMarkedAndUnmarkedPublishesAlike() {
        record(4);
        List<E> sent = outbox.due(0, 10, T0, RESEND);
        outbox.markPublished(sent.subList(2, 4), T0);
        int n = outbox.confirmSent(List.of(new TypedOutbox.Sent<>(sent.subList(0, 2), T0, false),
                new TypedOutbox.Sent<>(sent.subList(2, 4), T0, true)), T0.plusSeconds(1));
        assertEquals(4, n);
        assertEquals(0, outbox.stats(T0.plusSeconds(1)).waiting());
        assertEquals(4, outbox.stats(T0.plusSeconds(1)).lastConfirmedSeq());
        assertEquals(0, outbox.confirmSent(List.of(new TypedOutbox.Sent<>(sent, T0, false)), T0.plusSeconds(2)),
                "idempotent");
    }

    @Test
    void confirmSentOfAnOlderUnmarkedRevisionLeavesTheRevisedEntryQueuedAndUnmarked() {
        UUID id = record(1).getFirst();
        E rev1 = outbox.due(0, 10, T0, RESEND).getFirst();
        station.revise(id);
        assertEquals(0, outbox.confirmSent(List.of(new TypedOutbox.Sent<>(List.of(rev1), T0, false)), T0.plusSeconds(1)));
        OutboxStats stats = outbox.stats(T0.plusSeconds(1));
        assertEquals(1, stats.waiting());
        assertEquals(0, stats.published(), "the new revision was never sent");
        assertEquals(2, outbox.due(0, 10, T0.plusSeconds(1), RESEND).getFirst().revision());
    }

    /** A backlog's run of consecutive entries (SQLite confirms it by one range: decision 0290). */
    @Test
    void confirmSentOfALongRunConfirmsEachEntryAsIfAlone() {
        List<UUID> ids = record(30);
        List<E> sent = outbox.due(0, 100, T0, RESEND);
        assertEquals(2, outbox.confirm(sent.subList(3, 5), T0), "seqs 4 and 5 acked before");
        station.revise(ids.get(20)); // seq 21 revised after it was sent
        int n = outbox.confirmSent(List.of(new TypedOutbox.Sent<>(sent.subList(0, 15), T0, false),
                new TypedOutbox.Sent<>(sent.subList(15, 30), T0, false)), T0.plusSeconds(1));
        assertEquals(27, n, "30 acked, 2 confirmed before, 1 revised since");
        E revised = outbox.due(0, 100, T0.plusSeconds(1), RESEND).getFirst();
        assertEquals(List.of(21L), seqs(outbox.due(0, 100, T0.plusSeconds(1), RESEND)));
        assertEquals(2, revised.revision());
        OutboxStats stats = outbox.stats(T0.plusSeconds(1));
        assertEquals(0, stats.published(), "the new revision was never sent");
        assertEquals(20, stats.lastConfirmedSeq());
        assertEquals(0, outbox.confirmSent(List.of(new TypedOutbox.Sent<>(sent, T0, false)), T0.plusSeconds(2)),
                "idempotent");
    }

    /** Decision 0320: the confirm writer writes what {@code confirmSent} writes, revision rule included. */
    @Test
    void theConfirmWriterConfirmsAsConfirmSentDoes() {
        List<UUID> ids = record(30);
        List<E> sent = outbox.due(0, 100, T0, RESEND);
        outbox.markPublished(sent.subList(15, 30), T0);
        station.revise(ids.get(20)); // revised after it was sent
        try (ConfirmWriter<E> writer = outbox.openConfirmWriter()) {
            int n = writer.confirmSent(List.of(new TypedOutbox.Sent<>(sent.subList(0, 15), T0, false),
                    new TypedOutbox.Sent<>(sent.subList(15, 30), T0, true)), T0.plusSeconds(1));
            assertEquals(29, n, "30 acked, 1 revised since");
            assertEquals(0, writer.confirmSent(List.of(new TypedOutbox.Sent<>(sent, T0, false)), T0.plusSeconds(2)),
                    "idempotent");
        }
        assertEquals(List.of(21L), seqs(outbox.due(0, 100, T0.plusSeconds(1), RESEND)), "the outbox sees the writes");
        assertEquals(0, outbox.stats(T0.plusSeconds(1)).published(), "the new revision was never sent");
        assertEquals(1, outbox.confirm(outbox.due(0, 100, T0.plusSeconds(1), RESEND), T0.plusSeconds(3)),
                "the outbox still works after the writer is closed");
    }

    /**
     * Decision 0320: one thread confirms through the writer while another reads due entries through
     * the outbox, as the agent does; every entry ends up confirmed exactly once and nothing fails.
     */
    @Test
    void theConfirmWriterWritesWhileTheOutboxReads() throws Exception {
        record(400);
        List<E> all = outbox.due(0, 1000, T0, RESEND);
        java.util.concurrent.atomic.AtomicInteger confirmed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try (ConfirmWriter<E> writer = outbox.openConfirmWriter()) {
            Thread confirming = new Thread(() -> {
                try {
                    for (int i = 0; i < all.size(); i += 20) {
                        confirmed.addAndGet(writer.confirmSent(
                                List.of(new TypedOutbox.Sent<>(all.subList(i, i + 20), T0, false)), T0.plusSeconds(1)));
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            confirming.start();
            while (confirming.isAlive()) {
                List<E> due = outbox.due(0, 50, T0, RESEND); // reads while the other thread writes
                assertTrue(due.size() <= 50);
            }
            confirming.join();
        }
        assertEquals(null, failed.get());
        assertEquals(400, confirmed.get());
        assertEquals(0, outbox.stats(T0.plusSeconds(1)).waiting());
    }

    @Test
    void confirmOfALongMarkedRunConfirmsEachEntryAsIfAlone() {
        List<UUID> ids = record(20);
        List<E> sent = outbox.due(0, 100, T0, RESEND);
        outbox.markPublished(sent, T0);
        station.revise(ids.get(0)); // the run's first entry revised since
        assertEquals(19, outbox.confirm(sent, T0.plusSeconds(1)));
        assertEquals(List.of(1L), seqs(outbox.due(0, 100, T0.plusSeconds(1), RESEND)));
        station.revise(ids.get(19)); // a confirmed entry revised: queued again, an old ack changes nothing
        assertEquals(0, outbox.confirmSent(List.of(new TypedOutbox.Sent<>(sent, T0, true)), T0.plusSeconds(2)));
        assertEquals(List.of(1L, 20L), seqs(outbox.due(0, 100, T0.plusSeconds(2), RESEND)));
    }

    @Test
    void aRevisionAfterConfirmationQueuesTheEntryAgain() {
        UUID id = record(1).getFirst();
        outbox.confirm(outbox.due(0, 10, T0, RESEND), T0);
        station.revise(id);
        assertEquals(1, outbox.stats(T0).waiting());
        assertEquals(2, outbox.due(0, 10, T0, RESEND).getFirst().revision());
    }

    @Test
    void requeueMakesAConfirmedRangeDueAgain() {
        record(5);
        outbox.confirm(outbox.due(0, 10, T0, RESEND), T0);
        assertEquals(List.of(), outbox.due(0, 10, T0, RESEND));
        assertEquals(3, outbox.requeue(2, 4));
        assertEquals(List.of(2L, 3L, 4L), seqs(outbox.due(0, 10, T0, RESEND)));
        assertEquals(1, outbox.stats(T0).lastConfirmedSeq());
    }

    @Test
    void purgeRemovesOnlyConfirmedEntriesPastRetentionAndKeepsTheHighestSeq() {
        record(4);
        List<E> all = outbox.due(0, 10, T0, RESEND);
        outbox.confirm(List.of(all.get(0), all.get(1), all.get(3)), T0);
        Instant later = T0.plus(TypedOutbox.RETENTION).plusSeconds(1);
        assertEquals(0, outbox.purgeConfirmed(T0), "nothing confirmed before T0");
        assertEquals(2, outbox.purgeConfirmed(later.minus(TypedOutbox.RETENTION)));
        assertEquals(List.of(3L), seqs(outbox.due(0, 10, later, RESEND)), "the unconfirmed entry survives");
        assertEquals(0, outbox.requeue(1, 2), "purged entries cannot be re-queued");
        station.record(false);
        assertEquals(List.of(3L, 5L), seqs(outbox.due(0, 10, later, RESEND)), "seq goes on after purge");
    }

    @Test
    void oldestWaitingAgeCountsFromCreation() {
        assertTrue(outbox.stats(T0).oldestWaitingAge().isEmpty());
        record(2);
        assertEquals(Duration.ofMinutes(5), outbox.stats(T0.plus(Duration.ofMinutes(5))).oldestWaitingAge().orElseThrow());
        assertNotEquals(0, outbox.stats(T0).highestSeq());
    }
}

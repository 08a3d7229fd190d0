package org.warmstation.sync.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.WireVisit;

/** The drainer's memory of what it sent (decisions 0240, 0245). */
class SentBatchesTest {
    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");
    private static final Duration DELAY = Duration.ofSeconds(2);
    private final SentBatches<WireVisit> sent = new SentBatches<>();

    private static WireVisit visit(long seq, int revision, List<String> services) {
        return new WireVisit(new UUID(7, seq), seq, revision, T, "Asia/Shanghai", null, 0, "COURIER", services,
                "GUEST", true, 1000);
    }

    @Test
    void anEntryInFlightIsHeldBackButItsNewRevisionIsNot() {
        WireVisit rev1 = visit(1, 1, List.of("HOT_WATER"));
        sent.add(UUID.randomUUID(), new SentBatches.Batch<>(List.of(rev1), T, T.plusSeconds(60)));

        WireVisit sameContentReadAgain = visit(1, 1, List.of("HOT_WATER"));
        WireVisit rev2 = visit(1, 2, List.of("HOT_WATER", "REST"));
        assertEquals(List.of(rev2), sent.notInFlight(List.of(sameContentReadAgain, rev2)));
    }

    @Test
    void pagesAroundTheHighestSeqInFlightHoldBackExactlyWhatIsInFlight() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        sent.add(a, new SentBatches.Batch<>(visits(1, 3), T, T.plusSeconds(60)));
        sent.add(b, new SentBatches.Batch<>(visits(5, 6), T, T.plusSeconds(60)));
        assertEquals(seqs(visits(4, 4), visits(7, 7)), seqs(sent.notInFlight(visits(4, 7))));
        assertEquals(seqs(visits(7, 8)), seqs(sent.notInFlight(visits(7, 8))), "a page after everything in flight");
        assertEquals(List.of(), sent.notInFlight(List.of()));
        assertTrue(sent.take(b).isPresent());
        assertEquals(seqs(visits(5, 6)), seqs(sent.notInFlight(visits(5, 6))), "acked: no longer held back");
        assertEquals(seqs(visits(4, 4)), seqs(sent.notInFlight(visits(1, 4))), "batch a is still in flight");
        assertTrue(sent.take(a).isPresent());
        assertEquals(seqs(visits(1, 3)), seqs(sent.notInFlight(visits(1, 3))), "nothing in flight");
        sent.add(UUID.randomUUID(), new SentBatches.Batch<>(visits(9, 9), T, T.plusSeconds(60)));
        sent.connectionLost();
        assertEquals(seqs(visits(9, 9)), seqs(sent.notInFlight(visits(9, 9))), "a lost connection ends every flight");
    }

    private static List<WireVisit> visits(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).mapToObj(s -> visit(s, 1, List.of())).toList();
    }

    private static List<Long> seqs(List<WireVisit>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).map(WireVisit::seq).toList();
    }

    @Test
    void unmarkedBatchesComeDueForTheirMarkInSendOrderAndAnAckedOneNever() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        sent.add(first, new SentBatches.Batch<>(List.of(visit(1, 1, List.of())), T, T.plusSeconds(60)));
        sent.add(second, new SentBatches.Batch<>(List.of(visit(2, 1, List.of())), T.plusSeconds(1), T.plusSeconds(61)));
        sent.add(third, new SentBatches.Batch<>(List.of(visit(3, 1, List.of())), T.plusSeconds(1), T.plusSeconds(61)));
        assertEquals(T.plus(DELAY), sent.nextMark(DELAY).orElseThrow());

        SentBatches.Taken<WireVisit> acked = sent.take(first).orElseThrow();
        assertFalse(acked.marked(), "acked within the delay: confirmed without a mark");
        assertEquals(List.of(), sent.takeOverdueUnmarked(T.plusMillis(2999), DELAY));
        List<SentBatches.Batch<WireVisit>> due = sent.takeOverdueUnmarked(T.plusSeconds(3), DELAY);
        assertEquals(List.of(2L, 3L), due.stream().map(b -> b.entries().getFirst().seq()).toList());
        assertTrue(sent.nextMark(DELAY).isEmpty());
        assertTrue(sent.take(second).orElseThrow().marked(), "its mark was taken out for writing");
    }

    @Test
    void aLostConnectionHandsBackTheUnmarkedAndKeepsEveryBatchForALateAck() {
        UUID a = UUID.randomUUID();
        sent.add(a, new SentBatches.Batch<>(List.of(visit(1, 1, List.of())), T, T.plusSeconds(60)));

        assertEquals(1, sent.connectionLost().size());
        assertEquals(0, sent.awaiting());
        assertEquals(List.of(visit(1, 1, List.of())), sent.notInFlight(List.of(visit(1, 1, List.of()))));
        assertTrue(sent.take(a).isPresent(), "a late ack still finds it");
        assertTrue(sent.take(a).isEmpty(), "once");
    }

    @Test
    void onlyTheLast64ExpiredBatchesAreRemembered() {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < SentBatches.LATE_BATCHES + 1; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            sent.add(id, new SentBatches.Batch<>(List.of(visit(i + 1, 1, List.of())), T, T.plusSeconds(60)));
        }
        assertEquals(SentBatches.LATE_BATCHES + 1, sent.expire(T.plusSeconds(60)).size());
        assertTrue(sent.take(ids.getFirst()).isEmpty(), "the oldest is forgotten");
        assertTrue(sent.take(ids.getLast()).isPresent());
    }
}

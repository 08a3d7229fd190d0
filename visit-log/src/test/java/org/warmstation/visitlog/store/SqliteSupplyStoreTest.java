package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.supply.SupplyMovement;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.protocol.wire.WireSupply;
import org.warmstation.visitlog.domain.Handout;
import org.warmstation.visitlog.domain.RatingStore;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.records.SqliteRecordLog;

class SqliteSupplyStoreTest {
    private static final Instant T = Instant.parse("2026-12-06T01:00:00Z");
    private static final Instant SEASON = Instant.parse("2026-10-31T16:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final SupplyItem GLOVES = SupplySettings.DEFAULT.item("GLOVES").orElseThrow();
    private static final SupplyItem MASKS = SupplySettings.DEFAULT.item("MASKS").orElseThrow();
    private static final InstantSource CLOCK = () -> T;

    @TempDir
    Path dir;

    private Visit visit(MemberId member) {
        try (SqliteVisitStore visits = new SqliteVisitStore(dir)) {
            return visits.record(new Visit(UUID.randomUUID(), 0, "s1", T, ZONE, member, member == null ? 0 : 7,
                    WorkerCategory.COURIER, Set.of(), member == null ? VisitSource.GUEST : VisitSource.CARD, true, Duration.ZERO));
        }
    }

    private List<WireRecord> records(RecordKind kind) {
        try (SqliteRecordLog log = new SqliteRecordLog(dir, CLOCK, RecordTypes.standard())) {
            return log.list(kind, 0, 100);
        }
    }

    @Test
    void handoutLowersTheStockAndQueuesOneSupplyRecord() {
        Visit v = visit(MemberId.ofHex("00112233445566ff"));
        try (SqliteSupplyStore store = new SqliteSupplyStore(dir, CLOCK, RecordTypes.standard())) {
            store.deliver(GLOVES, 12);
            Handout h = store.handOut(GLOVES, v.id(), SEASON);
            WireSupply given = assertInstanceOf(Handout.Given.class, h).movement();
            assertEquals(11, given.stockAfter());
            assertEquals(v.id(), given.visit());
            assertEquals(WorkerCategory.COURIER, given.category());
            assertEquals(11, store.stock(SupplySettings.DEFAULT).getFirst().stock());
            assertEquals(List.of(given), store.handoutsOf(v.id()));
        }
        List<WireRecord> queued = records(RecordKind.SUPPLY);
        assertEquals(2, queued.size());
        assertEquals(SupplyMovement.HANDOUT, RecordTypes.standard().body(queued.get(1), WireSupply.class).movement());
    }

    @Test
    void secondPairOfGlovesInASeasonIsRefusedForAMemberButNotForAGuest() {
        MemberId member = MemberId.ofHex("00112233445566ff");
        Visit first = visit(member);
        Visit second = visit(member);
        Visit guest = visit(null);
        Visit guestAgain = visit(null);
        try (SqliteSupplyStore store = new SqliteSupplyStore(dir, CLOCK, RecordTypes.standard())) {
            store.deliver(GLOVES, 10);
            assertInstanceOf(Handout.Given.class, store.handOut(GLOVES, first.id(), SEASON));
            assertEquals(new Handout.Refused(Handout.Reason.LIMIT_REACHED, 1, 1), store.handOut(GLOVES, second.id(), SEASON));
            assertInstanceOf(Handout.Given.class, store.handOut(GLOVES, second.id(), T.plusSeconds(1)), "a new season");
            assertInstanceOf(Handout.Given.class, store.handOut(GLOVES, guest.id(), SEASON));
            assertInstanceOf(Handout.Given.class, store.handOut(GLOVES, guestAgain.id(), SEASON));
            assertEquals(6, store.stock(SupplySettings.DEFAULT).getFirst().stock());
        }
        assertEquals(5, records(RecordKind.SUPPLY).size(), "the refusal recorded nothing");
    }

    @Test
    void correctionBelowZeroAndUnstockedItemAreRefusedAndRecordNothing() {
        Visit v = visit(null);
        try (SqliteSupplyStore store = new SqliteSupplyStore(dir, CLOCK, RecordTypes.standard())) {
            store.deliver(MASKS, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.correct(MASKS, -1));
            assertTrue(e.getMessage().contains("0.."), e.getMessage());
            assertEquals(new Handout.Refused(Handout.Reason.NOT_STOCKED, 0, 0), store.handOut(null, v.id(), SEASON));
            WireSupply counted = store.correct(MASKS, 1);
            assertEquals(-2, counted.quantity());
            assertInstanceOf(Handout.Given.class, store.handOut(MASKS, v.id(), SEASON));
            assertEquals(new Handout.Refused(Handout.Reason.OUT_OF_STOCK, 0, 0), store.handOut(MASKS, v.id(), SEASON));
            var levels = store.stock(SupplySettings.DEFAULT);
            assertEquals(0, levels.get(4).stock());
            assertTrue(levels.get(4).low());
        }
        assertEquals(3, records(RecordKind.SUPPLY).size());
    }

    @Test
    void ratingIsStoredForTheLastVisitOnlyAndAChangeRevisesTheSameRecord() {
        Visit earlier = visit(MemberId.ofHex("00112233445566ff"));
        Visit last = visit(null);
        try (SqliteRatingStore store = new SqliteRatingStore(dir, CLOCK, RecordTypes.standard())) {
            RatingStore.NotLastVisitException e = assertThrows(RatingStore.NotLastVisitException.class,
                    () -> store.rate(earlier.id(), RatingAnswer.SATISFIED, List.of()));
            assertTrue(e.getMessage().contains("not the last one"), e.getMessage());
            assertThrows(RatingStore.NotLastVisitException.class, () -> store.rate(UUID.randomUUID(), RatingAnswer.SATISFIED, List.of()));
            store.rate(last.id(), RatingAnswer.SATISFIED, List.of());
            WireRating changed = store.rate(last.id(), RatingAnswer.DISSATISFIED, List.of(RatingReason.COLD));
            assertEquals(changed, store.ratingOf(last.id()).orElseThrow());
            assertFalse(store.ratingOf(earlier.id()).isPresent());
        }
        List<WireRecord> queued = records(RecordKind.RATING);
        assertEquals(1, queued.size());
        assertEquals(2, queued.getFirst().revision());
        assertEquals(RatingAnswer.DISSATISFIED, RecordTypes.standard().body(queued.getFirst(), WireRating.class).answer());
    }
}

package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.kiosk.domain.CardFixture.BEIJING;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.domain.CheckInResult.AlreadyCheckedIn;
import org.warmstation.kiosk.domain.CheckInResult.Failed;
import org.warmstation.kiosk.domain.CheckInResult.Welcome;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.domain.ManualStationClock;

/** The visit service against a real SQLite visit log in a temporary data directory. */
class VisitServiceTest {
    static final Instant MORNING = Instant.parse("2026-11-21T00:30:00Z"); // 08:30 in Beijing
    static final String STATION = "110105-0007";

    @TempDir
    Path dataDir;

    final CardFixture cards = new CardFixture();
    final ManualStationClock clock = new ManualStationClock(MORNING);
    final AtomicReference<CardVerifier> verifier = new AtomicReference<>(cards.verifier());
    SqliteVisitStore store;
    VisitService service;

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dataDir);
        service = new VisitService(store, verifier::get, clock, STATION, BEIJING);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Visit> allVisits() {
        return store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
    }

    @Test
    void cardCheckInIsCommittedWithTheCardsMemberCategoryAndClock() {
        MemberCard card = cards.card(4711, 7, WorkerCategory.FOOD_DELIVERY);
        clock.synced(false);

        Welcome welcome = assertInstanceOf(Welcome.class, service.checkIn(cards.token(card)));

        Visit v = welcome.visit();
        assertEquals(1, v.sequence());
        assertEquals(card.memberId(), v.member());
        assertEquals(4711, v.cardSerial());
        assertEquals(WorkerCategory.FOOD_DELIVERY, v.category());
        assertEquals(VisitSource.CARD, v.source());
        assertEquals(STATION, v.stationId());
        assertEquals(BEIJING, v.zone());
        assertEquals(MORNING, v.recordedAt());
        assertFalse(v.clockSynced());
        assertEquals(clock.sinceBoot(), v.sinceBoot());
        assertEquals(7, v.id().version());
        assertEquals(MORNING.toEpochMilli(), v.id().getMostSignificantBits() >>> 16);
        store.close();
        try (SqliteVisitStore reopened = new SqliteVisitStore(dataDir)) {
            assertEquals(v, reopened.find(v.id()).orElseThrow());
        }
    }

    @Test
    void sameMemberWithinTheWindowIsAlreadyCheckedInAndAfterItCountsAgain() {
        String token = cards.token(1, 7, WorkerCategory.COURIER);
        Visit first = assertInstanceOf(Welcome.class, service.checkIn(token)).visit();

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        AlreadyCheckedIn again = assertInstanceOf(AlreadyCheckedIn.class, service.checkIn(token));
        assertEquals(first, again.visit());

        String newCardSameMember = cards.token(2, 7, WorkerCategory.COURIER);
        assertEquals(first, assertInstanceOf(AlreadyCheckedIn.class, service.checkIn(newCardSameMember)).visit());

        clock.set(first.recordedAt().plus(Duration.ofMinutes(10)).plusSeconds(1));
        Visit second = assertInstanceOf(Welcome.class, service.checkIn(token)).visit();
        assertEquals(2, second.sequence());
        assertNotEquals(first.id(), second.id());
        assertEquals(2, allVisits().size());
    }

    @Test
    void otherMembersWithinTheWindowEachCount() {
        assertInstanceOf(Welcome.class, service.checkIn(cards.token(1, 7, WorkerCategory.COURIER)));
        clock.advance(Duration.ofSeconds(5));
        assertInstanceOf(Welcome.class, service.checkIn(cards.token(2, 8, WorkerCategory.COURIER)));
        assertEquals(2, allVisits().size());
    }

    @Test
    void windowIsConfigurable() {
        VisitService strict = new VisitService(store, verifier::get, clock, STATION, BEIJING, Duration.ofMinutes(1));
        String token = cards.token(1, 7, WorkerCategory.COURIER);
        assertInstanceOf(Welcome.class, strict.checkIn(token));
        clock.advance(Duration.ofSeconds(61));
        assertInstanceOf(Welcome.class, strict.checkIn(token));
    }

    @Test
    void clockSetBackByHoursDoesNotBlockTheMember() {
        String token = cards.token(1, 7, WorkerCategory.COURIER);
        assertInstanceOf(Welcome.class, service.checkIn(token));
        clock.set(MORNING.minus(Duration.ofHours(3)));
        assertInstanceOf(Welcome.class, service.checkIn(token));
    }

    @Test
    void newlyRevokedCardIsRejectedOnceTheVerifierIsSwapped() {
        MemberCard card = cards.card(99, 7, WorkerCategory.COURIER);
        verifier.set(cards.verifier(DenyList.empty().with(CardFixture.DISTRICT, 99)));
        CheckInResult r = service.checkIn(cards.token(card));
        assertEquals(new CheckInResult.Rejected(org.warmstation.protocol.card.RejectionReason.REVOKED), r);
        assertTrue(allVisits().isEmpty());
    }

    @Test
    void withoutCardListsCheckInFailsAndRecordsNothing() {
        verifier.set(null);
        assertInstanceOf(Failed.class, service.checkIn(cards.token(1, 7, WorkerCategory.COURIER)));
        assertTrue(allVisits().isEmpty());
    }

    @Test
    void guestsAreRecordedWithoutMemberAndNeverAsDuplicates() {
        Visit a = assertInstanceOf(Welcome.class, service.checkInGuest(WorkerCategory.SANITATION)).visit();
        Visit b = assertInstanceOf(Welcome.class, service.checkInGuest(WorkerCategory.SANITATION)).visit();
        assertTrue(a.guest());
        assertEquals(null, a.member());
        assertEquals(0, a.cardSerial());
        assertEquals(VisitSource.GUEST, a.source());
        assertEquals(WorkerCategory.SANITATION, a.category());
        assertEquals(List.of(1L, 2L), List.of(a.sequence(), b.sequence()));
        assertEquals(List.of(a, b), allVisits());
    }

    @Test
    void servicesAreStoredOnTheVisit() {
        Visit v = assertInstanceOf(Welcome.class, service.checkIn(cards.token(1, 7, WorkerCategory.COURIER))).visit();
        Visit updated = service.setServices(v.id(), EnumSet.of(Service.REST, Service.HOT_WATER));
        assertEquals(Set.of(Service.HOT_WATER, Service.REST), updated.services());
        assertEquals(updated, store.find(v.id()).orElseThrow());
        // an AlreadyCheckedIn result carries the services added so far
        clock.advance(Duration.ofMinutes(1));
        Visit again = assertInstanceOf(AlreadyCheckedIn.class,
                service.checkIn(cards.token(1, 7, WorkerCategory.COURIER))).visit();
        assertEquals(Set.of(Service.HOT_WATER, Service.REST), again.services());
    }

    @Test
    void servicesOfAnUnknownVisitAreRefused() {
        StoreException e = assertThrows(StoreException.class,
                () -> service.setServices(UUID.randomUUID(), Set.of(Service.REST)));
        assertTrue(e.getMessage().contains("no visit"), e.getMessage());
    }

    @Test
    void closedVisitLogGivesFailedNotAnException() {
        store.close();
        Failed f = assertInstanceOf(Failed.class, service.checkIn(cards.token(1, 7, WorkerCategory.COURIER)));
        assertTrue(f.message().contains("closed"), f.message());
        assertInstanceOf(Failed.class, service.checkInGuest(WorkerCategory.OTHER));
    }

    @Test
    void usageCountsOneLocalDayAcrossMidnightInBeijing() {
        // Beijing is UTC+8: local 2026-11-21 runs from 2026-11-20T16:00Z to 2026-11-21T16:00Z.
        checkInAt("2026-11-20T15:59:59.999Z", 1, WorkerCategory.COURIER);            // 20th, 23:59:59.999 local
        checkInAt("2026-11-20T16:00:00Z", 2, WorkerCategory.COURIER);                // 21st, 00:00 local
        Visit b = checkInAt("2026-11-20T16:40:00Z", 3, WorkerCategory.FOOD_DELIVERY); // 00:40
        guestAt("2026-11-21T00:15:00Z", WorkerCategory.SANITATION);                  // 08:15
        checkInAt("2026-11-21T00:20:00Z", 2, WorkerCategory.COURIER);                // 08:20, member 2 again
        Visit c = checkInAt("2026-11-21T00:25:00Z", 4, WorkerCategory.TRAFFIC_POLICE); // 08:25
        checkInAt("2026-11-21T15:59:59.999Z", 5, WorkerCategory.FOOD_DELIVERY);     // 23:59:59.999
        checkInAt("2026-11-21T16:00:00Z", 6, WorkerCategory.SECURITY_GUARD);         // 22nd, 00:00 local
        service.setServices(b.id(), EnumSet.of(Service.HOT_WATER, Service.REST));
        service.setServices(c.id(), EnumSet.of(Service.HOT_WATER, Service.CHARGING));

        DailyUsage u = service.usageOn(LocalDate.of(2026, 11, 21));

        assertEquals(LocalDate.of(2026, 11, 21), u.day());
        assertEquals(6, u.personVisits());
        assertEquals(4, u.distinctMembers()); // members 2, 3, 4, 5
        assertEquals(1, u.guestVisits());
        assertEquals(24, u.byHour().size());
        for (int h = 0; h < 24; h++) {
            int expected = switch (h) {
                case 0 -> 2;
                case 8 -> 3;
                case 23 -> 1;
                default -> 0;
            };
            assertEquals(expected, u.byHour().get(h), "hour " + h);
        }
        assertEquals(WorkerCategory.values().length, u.byCategory().size());
        assertEquals(2, u.byCategory().get(WorkerCategory.COURIER));
        assertEquals(2, u.byCategory().get(WorkerCategory.FOOD_DELIVERY));
        assertEquals(1, u.byCategory().get(WorkerCategory.SANITATION));
        assertEquals(1, u.byCategory().get(WorkerCategory.TRAFFIC_POLICE));
        assertEquals(0, u.byCategory().get(WorkerCategory.SECURITY_GUARD));
        assertEquals(0, u.byCategory().get(WorkerCategory.OTHER));
        assertEquals(Service.values().length, u.byService().size());
        assertEquals(2, u.byService().get(Service.HOT_WATER));
        assertEquals(1, u.byService().get(Service.REST));
        assertEquals(1, u.byService().get(Service.CHARGING));
        assertEquals(0, u.byService().get(Service.TOILET));

        DailyUsage before = service.usageOn(LocalDate.of(2026, 11, 20));
        assertEquals(1, before.personVisits());
        assertEquals(1, before.byHour().get(23));
        DailyUsage after = service.usageOn(LocalDate.of(2026, 11, 22));
        assertEquals(1, after.personVisits());
        assertEquals(1, after.byCategory().get(WorkerCategory.SECURITY_GUARD));
        DailyUsage empty = service.usageOn(LocalDate.of(2026, 11, 23));
        assertEquals(0, empty.personVisits());
        assertEquals(24, empty.byHour().size());
    }

    private Visit checkInAt(String instant, int member, WorkerCategory category) {
        clock.set(Instant.parse(instant));
        return assertInstanceOf(Welcome.class, service.checkIn(cards.token(member, member, category))).visit();
    }

    private void guestAt(String instant, WorkerCategory category) {
        clock.set(Instant.parse(instant));
        assertInstanceOf(Welcome.class, service.checkInGuest(category));
    }
}

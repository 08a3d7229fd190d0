package org.warmstation.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.warmstation.kiosk.domain.CardFixture.BEIJING;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.domain.CardFixture;
import org.warmstation.kiosk.domain.CheckInResult.Rejected;
import org.warmstation.kiosk.domain.CheckInResult.Welcome;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.time.SimulatedBoot;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * A terminal whose clock reads 2019 (no battery clock, not yet synced) judges card validity on
 * the trust list's issue time (2026-01-01 in the fixture) instead: never on a clock earlier than
 * that.
 */
class ClockBeforeTrustListTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path run;

    final CardFixture cards = new CardFixture();

    @Test
    void unsyncedClockIn2019JudgesCardsOnTheTrustListsIssueTime() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(run, Instant.parse("2019-06-01T03:00:00Z"), Duration.ofSeconds(20));
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir, InstantSource.system(), boot.bootId())) {
            VisitService service = new VisitService(store, cards::verifier, boot.clock(), "110105-0007", BEIJING);

            // valid 2026-01-01 .. 2027-12-31: "not yet valid" in 2019, but valid on the trust list's date
            Welcome welcome = assertInstanceOf(Welcome.class, service.checkIn(cards.token(1, 1, WorkerCategory.COURIER)));
            assertEquals(Instant.parse("2019-06-01T03:00:00Z"), welcome.visit().recordedAt(), "the visit keeps the raw clock");

            // expired before the trust list was issued: valid on the 2019 clock, expired on the trust list's date
            MemberCard expired = new MemberCard(CardFixture.DISTRICT, 2, CardFixture.memberId(2), WorkerCategory.COURIER,
                    LocalDate.of(2018, 1, 1), LocalDate.of(2025, 12, 31), cards.key.keyId());
            assertEquals(RejectionReason.EXPIRED,
                    assertInstanceOf(Rejected.class, service.checkIn(cards.token(expired))).reason());

            // issued for a later date than the trust list: still not yet valid
            MemberCard future = new MemberCard(CardFixture.DISTRICT, 3, CardFixture.memberId(3), WorkerCategory.COURIER,
                    LocalDate.of(2026, 1, 2), LocalDate.of(2027, 12, 31), cards.key.keyId());
            assertEquals(RejectionReason.NOT_YET_VALID,
                    assertInstanceOf(Rejected.class, service.checkIn(cards.token(future))).reason());
        }
    }
}

package org.warmstation.sync.downlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.DownlinkApplier;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.LoanDownlinkApplier;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.store.SqliteLoanStore;

/** A signed LOANS downlink closes the station's loans returned elsewhere; a station keeping no loans says so. */
class LoansDownlinkTest {
    private static final int DISTRICT = 110105;
    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");
    private static final DistrictKey KEY = DistrictKey.generate(DISTRICT);
    private static final TrustList TRUST = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(KEY.trustedKey()));

    @TempDir
    Path dir;

    private static byte[] loans(UUID loan) {
        return Wire.encode(Downlink.sign(DownlinkCommand.loans(DISTRICT, "st-a", Instant.now(), new LoanStatuses(List.of(
                new LoanStatuses.Entry(loan, "UMBRELLA", T, T.plusSeconds(600), "st-b")))), KEY));
    }

    @Test
    void aLoansDownlinkClosesTheLoanReturnedElsewhere() {
        UUID loan = UUID.randomUUID();
        try (SqliteLoanStore store = new SqliteLoanStore(dir, InstantSource.system());
             SqliteOutbox outbox = new SqliteOutbox(dir); SqliteSyncState state = new SqliteSyncState(dir)) {
            store.lend(loan, LoanItem.UMBRELLA, "00000000000000c2", T);
            DownlinkHandler handler = new DownlinkHandler(new Topics(DISTRICT, "st-a"), () -> TRUST,
                    new LoanDownlinkApplier(new FileDownlinkApplier(dir.resolve("downlinks")), store), outbox, state,
                    InstantSource.system());
            DownlinkAck ack = handler.handle(loans(loan)).orElseThrow();
            assertEquals(DownlinkAck.Outcome.APPLIED, ack.outcome());
            assertTrue(ack.message().startsWith("1 loan(s)"), ack.message());
            assertEquals(List.of(), store.out());
            assertEquals("st-b", store.find(loan).returnedElsewhere());
        }
    }

    @Test
    void aStationWithoutLoansAnswersFailedAndTheWrapperPassesOnEveryOtherDownlink() throws Exception {
        try (SqliteOutbox outbox = new SqliteOutbox(dir); SqliteSyncState state = new SqliteSyncState(dir)) {
            DownlinkHandler handler = new DownlinkHandler(new Topics(DISTRICT, "st-a"), () -> TRUST,
                    new FileDownlinkApplier(dir.resolve("downlinks")), outbox, state, InstantSource.system());
            DownlinkAck ack = handler.handle(loans(UUID.randomUUID())).orElseThrow();
            assertEquals(DownlinkAck.Outcome.FAILED, ack.outcome());
            assertTrue(ack.message().contains("keeps no loans"), ack.message());
        }
        for (Method m : DownlinkApplier.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                Method own = LoanDownlinkApplier.class.getMethod(m.getName(), m.getParameterTypes());
                assertFalse(own.isDefault(), "LoanDownlinkApplier must pass on " + m.getName() + " to the applier it wraps");
                assertTrue(own.getDeclaringClass() == LoanDownlinkApplier.class
                        || own.getDeclaringClass() == org.warmstation.sync.ForwardingDownlinkApplier.class, m.getName());
            }
        }
    }
}

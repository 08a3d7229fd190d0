package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.loan.LoanEvent;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireLoan;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.Loan;
import org.warmstation.visitlog.domain.LoanStore.ReturnStatus;
import org.warmstation.visitlog.records.SqliteRecordLog;

class SqliteLoanStoreTest {
    private static final Instant T = Instant.parse("2026-12-06T01:00:00Z");
    private static final String MEMBER = "00000000000000c2";

    @TempDir
    Path dir;

    private SqliteLoanStore store() {
        return new SqliteLoanStore(dir, InstantSource.fixed(T));
    }

    private List<WireLoan> records() {
        try (SqliteRecordLog log = new SqliteRecordLog(dir, InstantSource.fixed(T), RecordTypes.standard())) {
            return log.list(RecordKind.LOAN, 0, 100).stream()
                    .map(r -> RecordTypes.standard().body(r, WireLoan.class)).toList();
        }
    }

    @Test
    void aLoanIsOutUntilReturnedAndEachMovementIsOneLoanRecord() {
        UUID id = UUID.randomUUID();
        try (SqliteLoanStore store = store()) {
            Loan loan = store.lend(id, LoanItem.UMBRELLA, MEMBER, T);
            assertEquals(List.of(loan), store.out());
            assertTrue(loan.overdue(T.plus(Duration.ofDays(3)).plusSeconds(1), Duration.ofDays(3)));
            assertFalse(loan.overdue(T.plus(Duration.ofDays(3)), Duration.ofDays(3)));
        }
        try (SqliteLoanStore store = store()) {
            var back = store.returnByMember(MEMBER, LoanItem.UMBRELLA, T.plusSeconds(3600));
            assertEquals(ReturnStatus.RETURNED, back.status());
            assertEquals(T.plusSeconds(3600), back.loan().returnedAt());
            assertEquals(List.of(), store.out());
        }
        List<WireLoan> records = records();
        assertEquals(List.of(LoanEvent.LENT, LoanEvent.RETURNED), records.stream().map(WireLoan::loanEvent).toList());
        assertEquals(id, records.get(1).loanId(), "the return names the loan it closes");
    }

    @Test
    void returningAnUnknownOrAlreadyReturnedLoanRecordsNothing() {
        UUID id = UUID.randomUUID();
        try (SqliteLoanStore store = store()) {
            store.lend(id, LoanItem.POWER_BANK, null, T);
            assertEquals(ReturnStatus.NO_SUCH_LOAN, store.returnLoan(UUID.randomUUID(), T).status());
            assertEquals(ReturnStatus.RETURNED, store.returnLoan(id, T.plusSeconds(60)).status());
            var again = store.returnLoan(id, T.plusSeconds(120));
            assertEquals(ReturnStatus.ALREADY_RETURNED, again.status());
            assertEquals(T.plusSeconds(60), again.loan().returnedAt(), "the first return stands");
        }
        assertEquals(2, records().size(), "one LENT and one RETURNED, nothing twice");
    }

    @Test
    void aMemberReturnWithoutALoanHereIsAReturnFromElsewhereForTheDistrictToMatch() {
        try (SqliteLoanStore store = store()) {
            assertEquals(ReturnStatus.RETURNED_FROM_ELSEWHERE, store.returnByMember(MEMBER, LoanItem.RAINCOAT, T).status());
            assertThrows(IllegalArgumentException.class, () -> store.returnByMember("C2", LoanItem.RAINCOAT, T));
        }
        WireLoan r = records().getFirst();
        assertNull(r.loanId());
        assertEquals(MEMBER, r.memberId());
        assertEquals("RAINCOAT", r.item());
    }

    @Test
    void theDistrictsListClosesALoanReturnedElsewhereOnceAndLeavesTheRest() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (SqliteLoanStore store = store()) {
            store.lend(a, LoanItem.UMBRELLA, MEMBER, T);
            store.lend(b, LoanItem.UMBRELLA, MEMBER, T.plusSeconds(1));
            LoanStatuses list = new LoanStatuses(List.of(
                    new LoanStatuses.Entry(a, "UMBRELLA", T, T.plusSeconds(600), "st-b"),
                    new LoanStatuses.Entry(b, "UMBRELLA", T.plusSeconds(1), null, null),
                    new LoanStatuses.Entry(UUID.randomUUID(), "UMBRELLA", T, T, "st-c")));
            assertEquals(1, store.applyStatuses(list));
            assertEquals(0, store.applyStatuses(list), "applying the same list again changes nothing");
            assertEquals(List.of(b), store.out().stream().map(Loan::id).toList());
            Loan closed = store.find(a);
            assertEquals("st-b", closed.returnedElsewhere());
            assertEquals(ReturnStatus.ALREADY_RETURNED, store.returnLoan(a, T.plusSeconds(900)).status());
        }
        assertEquals(2, records().size(), "the district's list writes no record");
    }
}

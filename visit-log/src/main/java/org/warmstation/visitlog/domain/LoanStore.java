package org.warmstation.visitlog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.LoanStatuses;

/**
 * The station's loans (decision 0155): lent here, returned here or at any other station of the
 * district, each movement sent to the district as a LOAN record of the typed outbox written in the
 * same transaction. Returns at other stations come back through the district's {@code LOANS}
 * downlink. Every method blocks on storage; none may be called on the UI thread. Implementations
 * are thread-safe.
 */
public interface LoanStore extends AutoCloseable {
    /** What a return did. */
    enum ReturnStatus {
        /** A loan of this station was closed. */
        RETURNED,
        /** No loan of this member and item is out here: recorded as the return of a loan lent at another station, matched at the district. */
        RETURNED_FROM_ELSEWHERE,
        /** No such loan at this station: nothing recorded. */
        NO_SUCH_LOAN,
        /** The loan was returned before (here or elsewhere): nothing recorded. */
        ALREADY_RETURNED
    }

    /**
     * @param status what happened
     * @param loan   the loan concerned (as it is now), or null for {@code NO_SUCH_LOAN} and
     *               {@code RETURNED_FROM_ELSEWHERE}
     */
    record ReturnOutcome(ReturnStatus status, Loan loan) {
    }

    /**
     * Lends an item: stores the loan and its LENT record in one transaction.
     *
     * @param id       the new loan's id (UUIDv7)
     * @param item     what is lent
     * @param memberId the borrower's member id (16 lower-case hex digits), or null for a guest
     * @param at       now (station clock)
     * @return the loan, out
     * @throws IllegalArgumentException on a malformed member id
     * @throws VisitStore.StoreException when it could not be stored; nothing is half-written
     */
    Loan lend(UUID id, LoanItem item, String memberId, Instant at);

    /**
     * Closes a loan of this station picked from the list (e.g. a guest's): stores the return and
     * its RETURNED record in one transaction, or nothing when it cannot be returned.
     *
     * @param loanId the loan
     * @param at     now (station clock)
     * @return {@code RETURNED}, {@code NO_SUCH_LOAN} or {@code ALREADY_RETURNED}
     * @throws VisitStore.StoreException when storage fails; nothing changed then
     */
    ReturnOutcome returnLoan(UUID loanId, Instant at);

    /**
     * A member hands an item back: closes the oldest loan of that member and item out at this
     * station, or, when there is none, records the return of a loan lent elsewhere (matched at the
     * district). One transaction each.
     *
     * @param memberId the member id from the card
     * @param item     the item handed back
     * @param at       now (station clock)
     * @return {@code RETURNED} or {@code RETURNED_FROM_ELSEWHERE}
     * @throws VisitStore.StoreException when storage fails; nothing changed then
     */
    ReturnOutcome returnByMember(String memberId, LoanItem item, Instant at);

    /**
     * @return the loans of this station still out, oldest first
     * @throws VisitStore.StoreException when storage fails
     */
    List<Loan> out();

    /**
     * @param id a loan id
     * @return the loan of this station, or null
     * @throws VisitStore.StoreException when storage fails
     */
    Loan find(UUID id);

    /**
     * Closes the listed loans the district says were returned (at another station); unknown ids,
     * loans still out at the district and loans already returned here are left as they are.
     *
     * @param statuses the district's list
     * @return how many loans of this station were closed
     * @throws VisitStore.StoreException when storage fails; then none changed
     */
    int applyStatuses(LoanStatuses statuses);

    /** Closes the store; idempotent. */
    @Override
    void close();
}

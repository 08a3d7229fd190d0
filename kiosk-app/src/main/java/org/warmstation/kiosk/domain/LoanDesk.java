package org.warmstation.kiosk.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.visitlog.domain.Loan;
import org.warmstation.visitlog.domain.LoanStore;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.domain.UuidV7;

/**
 * Lending and taking back at the kiosk (issue 12, decision 0155): stamps each movement with the
 * station clock (and a new loan with a UUIDv7), applies the station's rules (guests only where
 * allowed) and turns the store's answers into outcomes the screen explains. Blocks on storage:
 * call from a background task. Thread-safe when the store is.
 */
public final class LoanDesk implements AutoCloseable {
    /**
     * The station's loan rules.
     *
     * @param overdue        how long a loan may be out before the staff screen shows it overdue
     * @param guestsAllowed  whether guests may borrow (counted without identity)
     */
    public record Rules(Duration overdue, boolean guestsAllowed) {
        /** The rules until the station settings say otherwise: 3 days, no guests. */
        public static final Rules DEFAULTS = new Rules(Duration.ofDays(3), false);

        /**
         * @param overdueDays the district's overdue period in days, or null to keep this one
         * @param guests      the district's guest rule, or null to keep this one
         * @return these rules with the district's station settings over them
         */
        public Rules with(Integer overdueDays, Boolean guests) {
            return new Rules(overdueDays == null ? overdue : Duration.ofDays(overdueDays),
                    guests == null ? guestsAllowed : guests);
        }

        /** @throws IllegalArgumentException when {@code overdue} is not positive */
        public Rules {
            Objects.requireNonNull(overdue, "overdue");
            if (overdue.isNegative() || overdue.isZero()) {
                throw new IllegalArgumentException("overdue must be positive: " + overdue);
            }
        }
    }

    /** Why a movement was refused; each has a zh/en message on the kiosk. */
    public enum Refusal {
        /** This station does not lend to guests. */
        GUESTS_NOT_ALLOWED,
        /** No such loan at this station. */
        NO_SUCH_LOAN,
        /** The loan was returned before (here or at another station). */
        ALREADY_RETURNED
    }

    /** What a lending or a return came to. */
    public sealed interface Outcome {
        /** @param loan the new loan, out */
        record Lent(Loan loan) implements Outcome {
        }

        /** @param loan the loan, now returned */
        record Returned(Loan loan) implements Outcome {
        }

        /** @param item the item handed back, lent at another station (matched at the district) */
        record ReturnedFromElsewhere(LoanItem item) implements Outcome {
        }

        /** @param reason why nothing was recorded */
        record Refused(Refusal reason) implements Outcome {
        }
    }

    private final LoanStore store;
    private final StationClock clock;
    private final Supplier<Rules> rules;
    private final UuidV7 ids = new UuidV7();

    /**
     * @param store the station's loans
     * @param clock the station clock
     * @param rules the current rules (read at each movement, so a settings change applies at once)
     */
    public LoanDesk(LoanStore store, StationClock clock, Supplier<Rules> rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** @return the rules in force */
    public Rules rules() {
        return rules.get();
    }

    /**
     * @param item     what is lent
     * @param memberId the member id from the card (16 hex digits), or null for a guest
     * @return {@link Outcome.Lent}, or {@link Outcome.Refused} for a guest where guests may not borrow
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when it could not be stored
     */
    public Outcome lend(LoanItem item, String memberId) {
        if (memberId == null && !rules.get().guestsAllowed()) {
            return new Outcome.Refused(Refusal.GUESTS_NOT_ALLOWED);
        }
        var now = clock.now();
        return new Outcome.Lent(store.lend(ids.next(now), item, memberId, now));
    }

    /**
     * A loan picked from the staff list comes back.
     *
     * @param loanId the loan
     * @return {@link Outcome.Returned}, or {@link Outcome.Refused} when unknown or already returned
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    public Outcome returnLoan(UUID loanId) {
        LoanStore.ReturnOutcome r = store.returnLoan(loanId, clock.now());
        return switch (r.status()) {
            case RETURNED -> new Outcome.Returned(r.loan());
            case NO_SUCH_LOAN -> new Outcome.Refused(Refusal.NO_SUCH_LOAN);
            case ALREADY_RETURNED -> new Outcome.Refused(Refusal.ALREADY_RETURNED);
            case RETURNED_FROM_ELSEWHERE -> throw new IllegalStateException("a return by id is never from elsewhere");
        };
    }

    /**
     * A member hands an item back (lent here or at another station).
     *
     * @param item     the item
     * @param memberId the member id from the card
     * @return {@link Outcome.Returned} or {@link Outcome.ReturnedFromElsewhere}
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    public Outcome returnByMember(LoanItem item, String memberId) {
        LoanStore.ReturnOutcome r = store.returnByMember(memberId, item, clock.now());
        return r.status() == LoanStore.ReturnStatus.RETURNED ? new Outcome.Returned(r.loan())
                : new Outcome.ReturnedFromElsewhere(item);
    }

    /** Closes the store; idempotent. */
    @Override
    public void close() {
        store.close();
    }

    /**
     * @return the loans of this station still out, oldest first
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    public List<Loan> out() {
        return store.out();
    }
}

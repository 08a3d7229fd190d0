package org.warmstation.sync;

import java.util.Objects;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.visitlog.domain.LoanStore;

/**
 * A {@link DownlinkApplier} that also applies {@code LOANS} downlinks to the station's
 * {@link LoanStore} (one transaction: all listed returns or none) and passes every other downlink
 * to the applier it wraps. Blocks on storage; called on the agent's thread.
 */
public final class LoanDownlinkApplier extends ForwardingDownlinkApplier {
    private final LoanStore loans;

    /**
     * @param others applies the other downlinks (e.g. a {@link FileDownlinkApplier})
     * @param loans  the station's loans
     */
    public LoanDownlinkApplier(DownlinkApplier others, LoanStore loans) {
        super(others);
        this.loans = Objects.requireNonNull(loans, "loans");
    }

    @Override
    public String applyLoans(LoanStatuses list) {
        int closed = loans.applyStatuses(list);
        return closed + " loan(s) returned elsewhere closed, " + list.loans().size() + " listed";
    }
}

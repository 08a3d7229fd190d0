package org.warmstation.sync;

import java.util.Objects;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.HeldLists;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.LoanStore;

/**
 * A {@link DownlinkApplier} that also applies {@code LOANS} downlinks to the station's
 * {@link LoanStore} (one transaction: all listed returns or none) and passes every other downlink
 * to the applier it wraps. Blocks on storage; called on the agent's thread.
 */
public final class LoanDownlinkApplier implements DownlinkApplier {
    private final DownlinkApplier others;
    private final LoanStore loans;

    /**
     * @param others applies the other downlinks (e.g. a {@link FileDownlinkApplier})
     * @param loans  the station's loans
     */
    public LoanDownlinkApplier(DownlinkApplier others, LoanStore loans) {
        this.others = Objects.requireNonNull(others, "others");
        this.loans = Objects.requireNonNull(loans, "loans");
    }

    @Override
    public String applyLoans(LoanStatuses list) {
        int closed = loans.applyStatuses(list);
        return closed + " loan(s) returned elsewhere closed, " + list.loans().size() + " listed";
    }

    @Override
    public void applyTrustList(TrustList list) throws Exception {
        others.applyTrustList(list);
    }

    @Override
    public void applyDenyList(DenyList list) throws Exception {
        others.applyDenyList(list);
    }

    @Override
    public void applySettings(StationSettings settings) throws Exception {
        others.applySettings(settings);
    }

    @Override
    public void applyNeighbours(Neighbours neighbours) throws Exception {
        others.applyNeighbours(neighbours);
    }

    @Override
    public void applyTickets(TicketStatuses tickets) throws Exception {
        others.applyTickets(tickets);
    }

    @Override
    public HeldLists held() {
        return others.held();
    }
}

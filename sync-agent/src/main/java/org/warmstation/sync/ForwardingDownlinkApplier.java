package org.warmstation.sync;

import java.util.Objects;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.HeldLists;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.protocol.wire.UpdateReport;

/**
 * A {@link DownlinkApplier} that passes every downlink to the applier it wraps; a subclass takes
 * over the kinds it handles itself (loans, updates). Threading and blocking as the wrapped applier.
 */
public abstract class ForwardingDownlinkApplier implements DownlinkApplier {
    private final DownlinkApplier others;

    /** @param others applies what this one does not (e.g. a {@link FileDownlinkApplier}) */
    protected ForwardingDownlinkApplier(DownlinkApplier others) {
        this.others = Objects.requireNonNull(others, "others");
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
    public String applyLoans(LoanStatuses loans) throws Exception {
        return others.applyLoans(loans);
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
    public String applyUpdate(SignedUpdate update) throws Exception {
        return others.applyUpdate(update);
    }

    @Override
    public java.util.Optional<StationSettings> settingsInForce() {
        return others.settingsInForce();
    }

    @Override
    public java.util.Optional<StationSettings> restorePreviousSettings() throws Exception {
        return others.restorePreviousSettings();
    }

    @Override
    public HeldLists held() {
        return others.held();
    }

    @Override
    public UpdateReport updateReport() {
        return others.updateReport();
    }
}

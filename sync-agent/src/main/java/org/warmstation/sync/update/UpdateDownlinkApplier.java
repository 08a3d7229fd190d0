package org.warmstation.sync.update;

import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.sync.DownlinkApplier;
import org.warmstation.sync.ForwardingDownlinkApplier;

/**
 * A {@link DownlinkApplier} that hands {@code UPDATE} downlinks to the {@link StationUpdater} and
 * reports its state in the status and heartbeat; every other downlink goes to the applier it wraps.
 * Returns at once (the download runs on the updater's thread).
 */
public final class UpdateDownlinkApplier extends ForwardingDownlinkApplier {
    private final StationUpdater updater;

    /**
     * @param others  applies the other downlinks
     * @param updater takes the offers
     */
    public UpdateDownlinkApplier(DownlinkApplier others, StationUpdater updater) {
        super(others);
        this.updater = java.util.Objects.requireNonNull(updater, "updater");
    }

    /**
     * {@inheritDoc}
     *
     * @throws UpdateRefusedException when the offer is refused (answered FAILED with the reason)
     */
    @Override
    public String applyUpdate(SignedUpdate update) throws Exception {
        return updater.offer(update);
    }

    @Override
    public UpdateReport updateReport() {
        return updater.report();
    }
}

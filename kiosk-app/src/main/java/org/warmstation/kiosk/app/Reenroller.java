package org.warmstation.kiosk.app;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.config.PendingEnrollment;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.kiosk.ui.EnrollmentViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.visitlog.time.SystemStationClock;

/**
 * Re-enrollment of a configured terminal from the kiosk (decision 0225), e.g. after its visit log
 * was damaged and started again under a new epoch with a new day-summary key: the enrollment
 * screen's view model ({@link EnrollmentViewModel}) with the verifier of the installed trust list
 * restricted to this terminal's district and station; an accepted code becomes the pending
 * enrollment ({@link PendingEnrollment}, as a first enrollment writes it) and the background
 * services are restarted, so the sync agent's start runs I1's one-time handshake with the
 * terminal's current key and epoch, stores the new password, then syncs. The configuration itself
 * (broker, CA pin) is kept.
 */
final class Reenroller {
    private static final Logger LOG = LoggerFactory.getLogger(Reenroller.class);

    private Reenroller() {
    }

    /**
     * Makes re-enrollment available on the runtime's view model.
     *
     * @param runtime  the kiosk
     * @param config   its configuration
     * @param factory  starts its background services
     * @param executor the UI's task executor (runs the restart off the UI thread)
     */
    static void attach(KioskRuntime runtime, StationConfig config, KioskLauncher.ServicesFactory factory,
                       TaskExecutor executor) {
        runtime.viewModel().reenrollment().attach(() -> new EnrollmentViewModel(() -> verifier(config),
                new SystemStationClock(), executor, e -> reenroll(runtime, config, factory, e),
                e -> LOG.info("station {} re-enrolled with code {}; asking the district", e.stationId(),
                        EnrollmentToken.codeId(e))));
    }

    /** The installed trust list's verifier for this station, read at each scan (downlinks replace it). */
    private static EnrollmentVerifier verifier(StationConfig config) {
        TrustList trust;
        try {
            trust = EnrollmentKiosk.readTrustList(config.trustFile());
        } catch (IOException e) {
            LOG.warn("re-enrollment: {}", e.getMessage());
            trust = new TrustList(Instant.EPOCH, List.of()); // every code refused as of an unknown key
        }
        return new EnrollmentVerifier(trust, Set.of(config.districtId())).forStation(config.stationId());
    }

    /** Runs off the UI thread: the pending enrollment written, the services restarted on it. */
    private static void reenroll(KioskRuntime runtime, StationConfig config, KioskLauncher.ServicesFactory factory,
                                 StationEnrollment e) throws IOException {
        PendingEnrollment.of(EnrollmentToken.codeId(e), e.credential()).write(PendingEnrollment.fileFor(config));
        runtime.replaceServices(() -> factory.start(runtime, Optional.of(config)));
    }

    /**
     * @param start starts background services
     * @return what it started, or services that only say why it failed (the kiosk keeps recording visits)
     */
    static StationServices orNotice(Callable<StationServices> start) {
        try {
            return start.call();
        } catch (Exception | LinkageError e) {
            LOG.warn("background services not started", e);
            String why = "sync not started: " + e.getMessage();
            return new StationServices() {
                @Override
                public Optional<SyncSnapshot> sync() {
                    return Optional.empty();
                }

                @Override
                public Optional<String> notice() {
                    return Optional.of(why);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}

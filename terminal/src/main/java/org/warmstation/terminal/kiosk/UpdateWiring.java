package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.DownlinkApplier;
import org.warmstation.sync.update.DpkgPackageSystem;
import org.warmstation.sync.update.InstallWindow;
import org.warmstation.sync.update.PackageDownloader;
import org.warmstation.sync.update.PackageSystem;
import org.warmstation.sync.update.StationUpdater;
import org.warmstation.sync.update.UpdateDownlinkApplier;
import org.warmstation.sync.update.UpdateSpool;

/**
 * Signed updates (issue 15) in a configured station: the {@link StationUpdater} behind the
 * station's downlinks (its spool in {@code DATA/update}, installs waiting for the station to be
 * closed by its settings document's hours or idle for 10 minutes), and the {@link HealthWatch}
 * that marks the running version healthy for the root installer. Nothing here blocks.
 */
final class UpdateWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateWiring.class);
    /** Free space left for the visit log when downloading: 100 MiB. */
    static final long RESERVE_BYTES = 100L << 20;
    /** How far back the idle rule looks for a check-in: a little beyond {@link InstallWindow#IDLE}. */
    static final Duration IDLE_LOOKBACK = InstallWindow.IDLE.plusMinutes(1);

    /**
     * What the updater needs from the kiosk.
     *
     * @param lastCheckIn   the last check-in, or empty when none (for the idle rule)
     * @param cameraHealthy whether the camera delivers frames (true for a station without one)
     */
    record Kiosk(Supplier<Optional<Instant>> lastCheckIn, BooleanSupplier cameraHealthy) {
        /** No kiosk: never a check-in, no camera. */
        static final Kiosk NONE = new Kiosk(Optional::empty, () -> true);
    }

    private final StationUpdater updater;
    private final UpdateSpool spool;
    private final String running;
    private final String architecture;
    private HealthWatch health;

    private UpdateWiring(StationUpdater updater, UpdateSpool spool, String running, String architecture) {
        this.architecture = architecture;
        this.updater = updater;
        this.spool = spool;
        this.running = running;
    }

    /**
     * @param packages the package system
     * @return the installed package's version, else the built-in {@link SyncWiring#APP_VERSION}
     */
    static String runningVersion(PackageSystem packages) {
        try {
            return packages.installedVersion().orElse(SyncWiring.APP_VERSION);
        } catch (IOException | RuntimeException e) {
            return SyncWiring.APP_VERSION;
        }
    }

    /**
     * @param packages the package system
     * @return this machine's Debian architecture ({@code dpkg --print-architecture}), or null when
     *         it cannot be told (the district then offers the version's first release, decision 0285)
     */
    static String architecture(PackageSystem packages) {
        try {
            return packages.architecture().orElse(null);
        } catch (IOException | RuntimeException e) {
            LOG.info("this terminal's architecture is unknown ({}): the district is not told", e.toString());
            return null;
        }
    }

    /**
     * @param config   the station configuration
     * @param trust    the station's trust list
     * @param kiosk    check-ins and camera
     * @param packages dpkg
     * @return the updater, resumed where the previous run left it
     */
    static UpdateWiring start(StationConfig config, Supplier<TrustList> trust, Kiosk kiosk, PackageSystem packages) {
        UpdateSpool spool = UpdateSpool.in(config.dataDir());
        PackageDownloader downloader = new PackageDownloader(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NEVER).build(),
                Duration.ofSeconds(60), RESERVE_BYTES, PackageDownloader::fileStoreSpace);
        InstallWindow window = new InstallWindow(() -> settingsHours(config), kiosk.lastCheckIn(), config.zone(),
                InstallWindow.IDLE);
        StationUpdater updater = new StationUpdater(new StationUpdater.Parts(config.districtId(), trust, spool, packages,
                downloader, window, InstantSource.system()), StationUpdater.Settings.DEFAULT);
        updater.resume();
        return new UpdateWiring(updater, spool, runningVersion(packages), architecture(packages));
    }

    /** The default package system: dpkg and systemctl. */
    static PackageSystem dpkg() {
        return new DpkgPackageSystem(List.of());
    }

    private static Optional<StationHours> settingsHours(StationConfig config) {
        try {
            if (!Files.exists(config.settingsFile())) {
                return Optional.empty();
            }
            return Optional.ofNullable(Wire.decode(Files.readAllBytes(config.settingsFile()), StationSettings.class).hours());
        } catch (IOException | RuntimeException e) {
            LOG.debug("settings hours unreadable: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * @param others the station's other downlink appliers
     * @return them, with {@code UPDATE} downlinks going to the updater
     */
    DownlinkApplier wrap(DownlinkApplier others) {
        return new UpdateDownlinkApplier(others, updater);
    }

    /** @return the running version */
    String running() {
        return running;
    }

    /** @return this machine's Debian architecture, or null when unknown */
    String architecture() {
        return architecture;
    }

    /**
     * Starts marking the running version healthy once kiosk, camera and broker are fine.
     *
     * @param kioskUp   whether the kiosk's screen is running
     * @param camera    whether the camera delivers frames
     * @param connected whether the broker is connected
     */
    void watchHealth(BooleanSupplier kioskUp, BooleanSupplier camera, BooleanSupplier connected) {
        health = HealthWatch.start(spool, running, kioskUp, camera, connected);
    }

    @Override
    public void close() {
        updater.close();
        if (health != null) {
            health.close();
        }
    }
}

package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.scan.CardScanner;
import org.warmstation.devices.scan.ScanListener;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.kiosk.ui.EnrollmentPane;
import org.warmstation.kiosk.ui.EnrollmentViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentVerifier;

/**
 * A terminal without a configuration: the enrollment screen with the scanner running; a valid
 * station enrollment code writes the configuration ({@link EnrolledConfig}), then the normal kiosk
 * of that configuration takes the window over with its background services started (the sync
 * agent), as {@link KioskLauncher} starts them. Build and {@link #close} from any thread;
 * {@link #root} and {@link #start} on the UI thread.
 */
public final class EnrollmentKiosk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentKiosk.class);

    /**
     * Where the enrollment leads.
     *
     * @param configFile the configuration file to write (does not exist yet)
     * @param trustFile  the district trust list that verifies enrollment codes
     * @param districts  districts this terminal may join; empty for every district of the trust list
     * @param extra      further keys written into the configuration (e.g. {@code scanner.*})
     */
    public record Settings(Path configFile, Path trustFile, Set<Integer> districts, Map<String, String> extra) {
        public Settings {
            configFile = configFile.toAbsolutePath();
            trustFile = trustFile.toAbsolutePath();
            districts = Set.copyOf(districts);
            extra = Map.copyOf(extra);
        }
    }

    private final Settings settings;
    private final Optional<CardScanner> scanner;
    private final TaskExecutor executor;
    private final Supplier<TaskExecutor> kioskExecutor;
    private final KioskLauncher.ServicesFactory services;
    private final Runnable quit;
    private final EnrollmentViewModel viewModel;
    private volatile Scene scene;
    private volatile KioskRuntime runtime;
    private volatile StationConfig config;

    /**
     * Reads the trust list; blocks for the file read.
     *
     * @param settings      where the enrollment leads
     * @param scanner       the scanner that reads the code (closed before the kiosk opens its own)
     * @param executor      the UI's task executor for the enrollment screen (closed by {@link #close})
     * @param kioskExecutor makes the task executor of the kiosk that follows
     * @param services      starts the kiosk's background services once enrolled
     * @param quit          what quitting the kiosk does
     * @throws IOException when the trust list cannot be read or is not a trust list; the message
     *                     names the file
     */
    public EnrollmentKiosk(Settings settings, Optional<CardScanner> scanner, TaskExecutor executor,
                           Supplier<TaskExecutor> kioskExecutor, KioskLauncher.ServicesFactory services, Runnable quit)
            throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.kioskExecutor = Objects.requireNonNull(kioskExecutor, "kioskExecutor");
        this.services = Objects.requireNonNull(services, "services");
        this.quit = Objects.requireNonNull(quit, "quit");
        EnrollmentVerifier verifier = new EnrollmentVerifier(readTrustList(settings.trustFile()), settings.districts());
        this.viewModel = new EnrollmentViewModel(() -> verifier, new SystemStationClock(), executor,
                e -> config = EnrolledConfig.write(e, settings.configFile(), settings.trustFile(), settings.extra()),
                e -> switchToKiosk());
    }

    static TrustList readTrustList(Path file) throws IOException {
        try {
            return TrustList.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("trust list " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot read the trust list " + file + " (" + e + "); install the district's "
                    + "trust-list.txt beside the configuration file", e);
        }
    }

    /** @return the enrollment screen's view model */
    public EnrollmentViewModel viewModel() {
        return viewModel;
    }

    /** @return the kiosk that took over once enrolled */
    public Optional<KioskRuntime> kiosk() {
        return Optional.ofNullable(runtime);
    }

    /** @return the enrollment screen. UI thread only. */
    public Parent root() {
        Parent p = EnrollmentPane.build(viewModel);
        ((Region) p).setPrefSize(KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT);
        return p;
    }

    /**
     * Starts the scanner; its texts go to the enrollment screen. UI thread only.
     *
     * @param scene the window's scene, whose root the kiosk replaces once enrolled
     */
    public void start(Scene scene) {
        this.scene = scene;
        scanner.ifPresent(s -> s.start(new ScanListener() {
            @Override
            public void onScan(String text) {
                executor.runOnUi(() -> viewModel.scanned(text));
            }

            @Override
            public void onStatus(ScannerStatus status) {
                LOG.info("scanner {}: {}", status.state(), status.message());
                executor.runOnUi(() -> viewModel.scannerStatus(status));
            }
        }));
    }

    private void switchToKiosk() {
        StationConfig c = config;
        executor.execute(() -> {
            scanner.ifPresent(CardScanner::close); // the kiosk opens the camera anew
            KioskRuntime r = KioskRuntime.fromConfig(c, kioskExecutor.get());
            r.attach(startServices(r, c));
            r.enableReenrollment(c, services);
            return r;
        }, r -> {
            runtime = r;
            scene.setRoot(r.root(quit));
            r.start(scene);
            LOG.info("station {} enrolled; kiosk started", c.stationId());
        }, failure -> {
            LOG.error("the kiosk of the enrolled station could not start", failure);
            quit.run();
        });
    }

    private StationServices startServices(KioskRuntime r, StationConfig c) {
        return Reenroller.orNotice(() -> services.start(r, Optional.of(c)));
    }

    /** Stops the scanner and the kiosk, if one took over; idempotent. Blocks until the scanner ended. */
    @Override
    public void close() {
        scanner.ifPresent(CardScanner::close);
        KioskRuntime r = runtime;
        if (r != null) {
            r.close();
        }
        executor.close();
    }
}

package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.peripherals.Peripherals;
import org.warmstation.devices.pi4j.MockStation;
import org.warmstation.devices.scan.CardScanner;
import org.warmstation.devices.scan.KeystrokeAssembler;
import org.warmstation.devices.scan.ScanListener;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.demo.DemoCamera;
import org.warmstation.kiosk.demo.DemoCardTray;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.domain.VisitStore;
import org.warmstation.visitlog.time.ClockSyncWatcher;
import org.warmstation.kiosk.ui.KioskView;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;
import org.warmstation.kiosk.ui.hardware.PeripheralPanel;

/**
 * The assembled kiosk: visit log, visit service, view model, scanner, the station peripherals
 * (check-in outcomes on light, buzzer and door; touches wake the backlight), and in demo mode the
 * demo station with its simulated camera and peripherals on Pi4J's mock platform. Build it off the UI thread (it opens SQLite and, for the
 * demo, renders cards), then {@link #root} and {@link #start} on the UI thread. {@link KioskAssembly}
 * puts the parts together, {@link DemoLayout} lays out the demo window.
 */
public final class KioskRuntime implements AutoCloseable {
    private volatile ScannerStatus scannerStatus;
    private static final Logger LOG = LoggerFactory.getLogger(KioskRuntime.class);
    /** The terminal's screen: a 7-inch 1024x600 panel. */
    public static final int SCREEN_WIDTH = 1024;
    /** The terminal's screen height. */
    public static final int SCREEN_HEIGHT = 600;

    private final VisitStore store;
    private final VisitService service;
    private final TaskExecutor executor;
    private final KioskViewModel viewModel;
    private final Optional<CardScanner> scanner;
    private final boolean wedge;
    private final DemoStation demo;
    private final DemoCamera camera;
    private final StationHardware hardware;
    private final MockStation mockStation;
    private final StationSettingsFile settingsFile;
    private final ClockSyncWatcher clockWatcher;
    private final VoicePrompts voice;
    private final TicketDesk tickets;
    private StationSupplies supplies;
    private boolean damaged;
    private KioskExit exit = new KioskExit(() -> { }, java.time.Duration.ZERO);
    private KeystrokeAssembler assembler;
    private PeripheralPanel panel;
    private volatile org.warmstation.kiosk.sync.StationServices services = org.warmstation.kiosk.sync.StationServices.NONE;
    private ServicesPoller poller;
    private boolean insecureLab;

    /** Parts put together by {@link KioskAssembly}; the demo's three are null outside the demo. */
    KioskRuntime(VisitStore store, VisitService service, TaskExecutor executor, KioskViewModel viewModel,
                 Optional<CardScanner> scanner, boolean wedge, DemoStation demo, DemoCamera camera,
                 StationHardware hardware, MockStation mockStation, StationSettingsFile settingsFile,
                 ClockSyncWatcher clockWatcher, VoicePrompts voice, TicketDesk tickets) {
        this.tickets = tickets;
        this.store = store;
        this.service = service;
        this.executor = executor;
        this.viewModel = viewModel;
        this.scanner = scanner;
        this.wedge = wedge;
        this.demo = demo;
        this.camera = camera;
        this.hardware = hardware;
        this.mockStation = mockStation;
        this.settingsFile = settingsFile;
        this.clockWatcher = clockWatcher;
        this.voice = voice;
    }

    /**
     * The demo: a demo data directory, sample cards, a simulated camera, and the peripherals of
     * docs/hardware.md on Pi4J's mock platform ({@link MockStation}). Blocks for some seconds
     * (key generation on first run, card rendering, the staff PIN hash).
     *
     * @param dataDir  the demo data directory, created when missing
     * @param executor the UI's task executor (closed with the runtime)
     * @return the runtime
     * @throws IOException when the data directory cannot be written
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public static KioskRuntime demo(Path dataDir, TaskExecutor executor) throws IOException {
        return KioskAssembly.demo(dataDir, executor);
    }

    /**
     * The station kiosk from its configuration, with the peripherals of its {@code hardware.*} keys
     * on this machine's platform (wrong keys: logged, shown on the staff screen, no peripherals).
     *
     * @param config   the station configuration
     * @param executor the UI's task executor (closed with the runtime)
     * @return the runtime
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public static KioskRuntime fromConfig(StationConfig config, TaskExecutor executor) {
        return fromConfig(config, executor, keys -> StationHardware.forHost(keys, Clock.system(config.zone())));
    }

    /**
     * The station kiosk from its configuration, its peripherals opened by {@code hardware}.
     *
     * @param config   the station configuration
     * @param executor the UI's task executor (closed with the runtime)
     * @param hardware opens the peripherals of the {@code hardware.*} keys; must not throw
     * @return the runtime
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    static KioskRuntime fromConfig(StationConfig config, TaskExecutor executor,
                                   Function<Map<String, String>, StationHardware> hardware) {
        return KioskAssembly.fromConfig(config, executor, hardware);
    }

    /** Shows the damaged-terminal screen at {@link #start}: the visit log was set aside at this start. */
    KioskRuntime withDamage(boolean visitLogSetAside) {
        this.damaged = visitLogSetAside;
        return this;
    }

    /** How the kiosk ends (a restart asked for when the visit log is found damaged while running). */
    KioskRuntime withExit(KioskExit kioskExit) {
        this.exit = java.util.Objects.requireNonNull(kioskExit, "kioskExit");
        return this;
    }

    /** @return how the kiosk ends: its exit code once the window has closed */
    public KioskExit exit() {
        return exit;
    }

    /** Closed with the runtime: the station's supplies and ratings the view model uses. */
    KioskRuntime withSupplies(StationSupplies desk) {
        this.supplies = desk;
        return this;
    }

    /** @return the view model */
    public KioskViewModel viewModel() {
        return viewModel;
    }

    /** @return the visit service */
    public VisitService visitService() {
        return service;
    }

    /** @return the visit log */
    public VisitStore store() {
        return store;
    }

    /** @return the demo station, when this is the demo */
    public Optional<DemoStation> demo() {
        return Optional.ofNullable(demo);
    }

    /** @return the station's peripherals (in the demo, those of the mock station) */
    public Peripherals peripherals() {
        return hardware.peripherals();
    }

    /** @return the demo's peripherals on Pi4J's mock platform, when this is the demo */
    public Optional<MockStation> mockStation() {
        return Optional.ofNullable(mockStation);
    }

    /** @return the simulated camera, when this is the demo */
    public Optional<DemoCamera> demoCamera() {
        return Optional.ofNullable(camera);
    }

    /**
     * Shows the lab-mode banner on the kiosk screen (decision 0180); before {@link #root}.
     *
     * @param on whether the station may reach its broker over plain TCP
     * @return this
     */
    KioskRuntime insecureLab(boolean on) {
        this.insecureLab = on;
        return this;
    }

    /**
     * Builds the window's content: the kiosk screen, and in demo mode the card tray beside it with
     * the live {@link PeripheralPanel} of the mock station in the {@code peripheralSlot} below the
     * tray. UI thread only.
     *
     * @param quit what the demo's quit button does
     * @return the root node
     */
    public Parent root(Runnable quit) {
        Region screen = (Region) new KioskView(viewModel).root();
        screen.setPrefSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        if (demo == null) {
            return org.warmstation.kiosk.ui.LabBanner.around(screen, insecureLab);
        }
        DemoCardTray tray = new DemoCardTray(demo, camera, executor, quit);
        if (panel != null) {
            panel.unbind(); // a new window replaces the previous one's panel
        }
        panel = PeripheralPanel.forDemo(mockStation);
        return DemoLayout.around(screen, tray, panel, viewModel.staff().sync());
    }

    /**
     * Starts the clock and the scanner, and feeds a keyboard-wedge scanner from the scene's key
     * events; shows the damaged-terminal screen when the visit log was set aside. UI thread only.
     *
     * @param scene the kiosk's scene
     */
    public void start(Scene scene) {
        viewModel.start();
        if (damaged) {
            viewModel.terminalDamaged();
        }
        startServices();
        ScanListener listener = new ScanListener() {
            @Override
            public void onScan(String text) {
                executor.runOnUi(() -> viewModel.scanned(text));
            }

            @Override
            public void onStatus(ScannerStatus status) {
                LOG.info("scanner {}: {}", status.state(), status.message());
                scannerStatus = status;
                executor.runOnUi(() -> viewModel.scannerStatus(status));
                tickets.scannerStatus(status);
            }
        };
        scanner.ifPresent(s -> s.start(listener));
        if (wedge) {
            assembler = new KeystrokeAssembler(Duration.ofMillis(100), ScannerFactory.MAX_CODE_LENGTH, listener::onScan);
            scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
                String ch = e.getCharacter();
                if (ch != null && ch.length() == 1) {
                    assembler.key(ch.charAt(0), Instant.now());
                }
            });
        }
    }

    /**
     * Stops the scanner, the executor, the visit log, the voice prompts and the peripherals (outputs off, door
     * locked); idempotent. Blocks until the scanner ended.
     */
    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        services.close(); // the sync agent first: it reads the visit log closed below
        viewModel.stop();
        scanner.ifPresent(CardScanner::close);
        executor.close();
        clockWatcher.close();
        tickets.close();
        viewModel.loans().close();
        if (supplies != null) {
            supplies.close();
        }
        store.close();
        voice.close();
        viewModel.peripherals().close();
        if (mockStation != null) {
            mockStation.close();
        } else {
            hardware.peripherals().close();
        }
    }

    /**
     * Hands the kiosk its background services (the sync agent, in the demo also a broker and a
     * district); they are polled for the staff screen once {@link #start} runs and closed first by
     * {@link #close}. Call before {@link #start}, from any thread.
     *
     * @param services the services
     */
    public void attach(org.warmstation.kiosk.sync.StationServices services) {
        this.services = java.util.Objects.requireNonNull(services, "services");
    }

    /**
     * Replaces the background services (a re-enrollment restarts the sync agent, decision 0225):
     * closes the attached ones, then attaches what {@code next} starts, or services that only say
     * why it failed. Blocks while the old agent stops and the new one starts; call off the UI thread.
     *
     * @param next starts the new services
     */
    void replaceServices(java.util.concurrent.Callable<org.warmstation.kiosk.sync.StationServices> next) {
        services.close();
        attach(Reenroller.orNotice(next));
    }

    /**
     * Lets the staff re-enroll this configured terminal from the kiosk (staff screen, damaged
     * screen; decision 0225): a new one-time code of the same station restarts the background
     * services with {@code factory}, which run the enrollment handshake first. Without a readable
     * trust list it stays unavailable (logged). Call before {@link #start}, from any thread; blocks
     * for the trust list's read.
     *
     * @param config  the station configuration
     * @param factory starts the background services, as at the kiosk's start
     */
    public void enableReenrollment(StationConfig config, KioskLauncher.ServicesFactory factory) {
        Reenroller.attach(this, config, factory, executor);
    }

    /** @return the background services attached, or {@code StationServices.NONE} */
    public org.warmstation.kiosk.sync.StationServices services() {
        return services;
    }

    /**
     * Starts feeding the screen from the background services and the district's station settings
     * (announcement, services offered); {@link #start} does it. Idempotent. UI thread only.
     */
    public void startServices() {
        if (poller == null) {
            poller = ServicesPoller.start(executor, viewModel, () -> services, settingsFile,
                    hardware.peripherals()::coldAlert);
        }
    }

    /**
     * @return the scanner's latest status (the camera's health for an update, issue 15), or empty
     *         before it reported one or without a scanner; any thread
     */
    public Optional<ScannerStatus> scannerStatus() {
        return Optional.ofNullable(scannerStatus);
    }

    /** @return the scanner, if the station has one apart from a keyboard wedge */
    public Optional<CardScanner> scanner() {
        return scanner;
    }

}

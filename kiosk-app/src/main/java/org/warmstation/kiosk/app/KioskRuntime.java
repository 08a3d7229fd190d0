package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.peripherals.Peripherals;
import org.warmstation.devices.pi4j.MockStation;
import org.warmstation.devices.scan.CameraScanner;
import org.warmstation.devices.scan.CardScanner;
import org.warmstation.devices.scan.KeystrokeAssembler;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.devices.scan.ScanListener;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.config.StaffPin;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.demo.DemoCamera;
import org.warmstation.kiosk.demo.DemoCardTray;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.StationClock;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.kiosk.domain.VisitStore;
import org.warmstation.kiosk.store.SqliteVisitStore;
import org.warmstation.kiosk.time.ClockSyncWatcher;
import org.warmstation.kiosk.time.SystemStationClock;
import org.warmstation.kiosk.ui.KioskBackend;
import org.warmstation.kiosk.ui.KioskSettings;
import org.warmstation.kiosk.ui.KioskView;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.PeripheralsViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;
import org.warmstation.kiosk.ui.hardware.PeripheralPanel;

/**
 * The assembled kiosk: visit log, visit service, view model, scanner, the station peripherals
 * (check-in outcomes on light, buzzer and door; touches wake the backlight), and in demo mode the
 * demo station with its simulated camera and peripherals on Pi4J's mock platform. Build it off the UI thread (it opens SQLite and, for the
 * demo, renders cards), then {@link #root} and {@link #start} on the UI thread.
 */
public final class KioskRuntime implements AutoCloseable {
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
    private KeystrokeAssembler assembler;
    private PeripheralPanel panel;
    private StationSettingsFile settingsFile;
    private ClockSyncWatcher clockWatcher;
    private volatile org.warmstation.kiosk.sync.StationServices services = org.warmstation.kiosk.sync.StationServices.NONE;
    private ServicesPoller poller;

    private KioskRuntime(VisitStore store, VisitService service, TaskExecutor executor, KioskViewModel viewModel,
                         Optional<CardScanner> scanner, boolean wedge, DemoStation demo, DemoCamera camera,
                         StationHardware hardware, MockStation mockStation) {
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
     * @throws org.warmstation.kiosk.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public static KioskRuntime demo(Path dataDir, TaskExecutor executor) throws IOException {
        SystemStationClock clock = new SystemStationClock();
        DemoStation station = DemoStation.prepare(dataDir, clock.now().atZone(DemoStation.ZONE).toLocalDate());
        SqliteVisitStore store = new SqliteVisitStore(dataDir);
        var verifier = station.verifier();
        StationSettingsFile settings = new StationSettingsFile(dataDir.resolve("station-settings.json"));
        VisitService service = new VisitService(store, () -> verifier, clock, DemoStation.STATION_ID, DemoStation.ZONE,
                () -> settings.duplicateWindow(VisitService.DEFAULT_DUPLICATE_WINDOW));
        StaffPin pin = StaffPin.hash(DemoStation.STAFF_PIN.toCharArray());
        MockStation mock = MockStation.open(Clock.system(DemoStation.ZONE));
        StationHardware hardware = new StationHardware(mock.peripherals(), Optional.empty());
        KioskViewModel vm = viewModel(service, executor, clock, DemoStation.ZONE, pin::matches,
                KioskSettings.defaults(DemoStation.STATION_NAME), hardware);
        DemoCamera camera = new DemoCamera(Duration.ofMillis(100));
        CardScanner scanner = new CameraScanner(camera, new QrDecoder(), CameraScanner.Settings.defaults());
        KioskRuntime runtime = new KioskRuntime(store, service, executor, vm, Optional.of(scanner), true, station,
                camera, hardware, mock);
        runtime.settingsFile = settings;
        runtime.watchClock(clock, store);
        return runtime;
    }

    /**
     * The station kiosk from its configuration, with the peripherals of its {@code hardware.*} keys
     * on this machine's platform (wrong keys: logged, shown on the staff screen, no peripherals).
     *
     * @param config   the station configuration
     * @param executor the UI's task executor (closed with the runtime)
     * @return the runtime
     * @throws org.warmstation.kiosk.domain.VisitStore.StoreException when the visit log cannot be opened
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
     * @throws org.warmstation.kiosk.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    static KioskRuntime fromConfig(StationConfig config, TaskExecutor executor,
                                   java.util.function.Function<java.util.Map<String, String>, StationHardware> hardware) {
        SystemStationClock clock = new SystemStationClock();
        SqliteVisitStore store = new SqliteVisitStore(config.dataDir());
        CardLists lists = new CardLists(config.trustFile(), Optional.of(config.denyListFile()), config.districtId(),
                config.zone());
        StationSettingsFile settings = new StationSettingsFile(config.settingsFile());
        VisitService service = new VisitService(store, lists, clock, config.stationId(), config.zone(),
                () -> settings.duplicateWindow(config.duplicateWindow()));
        if (config.staffPin().isEmpty()) {
            LOG.warn("no staff.pin in the configuration: the staff screen cannot be opened");
        }
        Predicate<char[]> pinCheck = p -> config.staffPin().map(s -> s.matches(p)).orElse(false);
        StationHardware peripherals = hardware.apply(config.hardware());
        KioskViewModel vm = viewModel(service, executor, clock, config.zone(), pinCheck,
                KioskSettings.defaults(config.stationName()).withWelcomeTimeout(config.welcomeTimeout()), peripherals);
        Optional<CardScanner> scanner = ScannerFactory.create(config.scanner());
        boolean wedge = config.scanner().source() == org.warmstation.kiosk.config.ScannerSettings.Source.WEDGE;
        KioskRuntime runtime = new KioskRuntime(store, service, executor, vm, scanner, wedge, null, null, peripherals,
                null);
        runtime.settingsFile = settings;
        runtime.watchClock(clock, store);
        return runtime;
    }

    private static KioskViewModel viewModel(VisitService service, TaskExecutor executor, StationClock clock, ZoneId zone,
                                            Predicate<char[]> pinCheck, KioskSettings settings,
                                            StationHardware hardware) {
        PinGate gate = PinGate.standard(pin -> pinCheck.test(pin.toCharArray()), clock::sinceBoot);
        KioskBackend backend = new FeedbackBackend(new VisitServiceBackend(service), hardware.peripherals().feedback());
        PeripheralsViewModel peripherals = hardware.viewModel(executor);
        return new KioskViewModel(backend, executor, clock, zone, gate, settings, peripherals);
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
     * Builds the window's content: the kiosk screen, and in demo mode the card tray beside it with
     * the live {@link PeripheralPanel} of the mock station in the {@code peripheralSlot} below the
     * tray. UI thread only.
     *
     * @param quit what the demo's quit button does
     * @return the root node
     */
    public Parent root(Runnable quit) {
        KioskView view = new KioskView(viewModel);
        Parent kiosk = view.root();
        javafx.scene.layout.Region screen = (javafx.scene.layout.Region) kiosk;
        screen.setPrefSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        if (demo == null) {
            return kiosk;
        }
        // the demo shows the kiosk at exactly the terminal's 1024x600, the tray beside it
        screen.setMinSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        screen.setMaxSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        BorderPane pane = new BorderPane(kiosk);
        BorderPane.setAlignment(kiosk, javafx.geometry.Pos.TOP_LEFT);
        DemoCardTray tray = new DemoCardTray(demo, camera, executor, quit);
        VBox peripheralSlot = new VBox();
        peripheralSlot.setId("peripheralSlot");
        if (panel != null) {
            panel.unbind(); // a new window replaces the previous one's panel
        }
        panel = PeripheralPanel.forDemo(mockStation);
        peripheralSlot.getChildren().add(panel);
        VBox side = new VBox(tray.node(), peripheralSlot);
        side.getChildren().add(1, org.warmstation.kiosk.demo.DemoDistrictLine.node(viewModel.staff().sync()));
        // tray and panel share the screen's height; the card list scrolls if the panel needs more
        VBox.setVgrow(tray.node(), javafx.scene.layout.Priority.ALWAYS);
        ((javafx.scene.layout.Region) tray.node()).setMinHeight(0);
        peripheralSlot.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        peripheralSlot.setStyle("-fx-padding: 0 12 12 12;");
        side.setStyle("-fx-padding: 0; -fx-spacing: 0;"); // the tray and the panel have their own
        side.setPrefHeight(SCREEN_HEIGHT);
        side.setMaxHeight(SCREEN_HEIGHT);
        side.getStylesheets().add(KioskView.STYLESHEET);
        side.getStyleClass().add("demo-tray");
        pane.setRight(side);
        pane.setStyle("-fx-background-color: #14181d;");
        return pane;
    }

    /**
     * Starts the clock and the scanner, and feeds a keyboard-wedge scanner from the scene's key
     * events. UI thread only.
     *
     * @param scene the kiosk's scene
     */
    public void start(Scene scene) {
        viewModel.start();
        startServices();
        ScanListener listener = new ScanListener() {
            @Override
            public void onScan(String text) {
                executor.runOnUi(() -> viewModel.scanned(text));
            }

            @Override
            public void onStatus(ScannerStatus status) {
                LOG.info("scanner {}: {}", status.state(), status.message());
                executor.runOnUi(() -> viewModel.scannerStatus(status));
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
     * Corrects the timestamps of visits recorded before the wall clock was synced, once it is
     * (issue 5: no battery clock); polls on its own thread, never the UI thread.
     */
    private void watchClock(SystemStationClock clock, SqliteVisitStore store) {
        clockWatcher = new ClockSyncWatcher(clock, store::correctUnsyncedVisits, ClockSyncWatcher.DEFAULT_INTERVAL).start();
    }

    /**
     * Stops the scanner, the executor, the visit log and the peripherals (outputs off, door
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
        if (clockWatcher != null) {
            clockWatcher.close();
        }
        store.close();
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
            poller = ServicesPoller.start(executor, viewModel, services, settingsFile);
        }
    }

    /** @return the scanner, if the station has one apart from a keyboard wedge */
    public Optional<CardScanner> scanner() {
        return scanner;
    }

}

package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.audio.JavaSoundSpeaker;
import org.warmstation.devices.pi4j.MockStation;
import org.warmstation.devices.scan.CameraScanner;
import org.warmstation.devices.scan.CardScanner;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.kiosk.config.ScannerSettings;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.config.VoiceSettings;
import org.warmstation.kiosk.demo.DemoCamera;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.visitlog.domain.PinLockoutStore;
import org.warmstation.visitlog.store.SqlitePinLockoutStore;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.store.DamagedLog;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.store.SqliteLoanStore;
import org.warmstation.kiosk.domain.LoanDesk;
import org.warmstation.visitlog.store.SqliteTimeFloor;
import org.warmstation.visitlog.time.BoundedClock;
import org.warmstation.visitlog.time.ClockSyncWatcher;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.kiosk.ui.KioskBackend;
import org.warmstation.kiosk.ui.KioskSettings;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.PeripheralsViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;

/**
 * Assembles a {@link KioskRuntime} from its parts: the visit log, the visit service, the view
 * model with its PIN gate and peripherals, the scanner, and the clock-sync watcher, after setting
 * a damaged visit log aside ({@link DamagedLog}: a fresh log, a fault report, the damaged screen); for the demo
 * also the demo station, its simulated camera and the mock station. The public entry points are
 * {@link KioskRuntime#demo} and {@link KioskRuntime#fromConfig}; see them for errors and blocking.
 */
final class KioskAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(KioskAssembly.class);

    private KioskAssembly() {
    }

    static KioskRuntime demo(Path dataDir, TaskExecutor executor) throws IOException {
        Optional<DamagedLog.SetAside> damage = DamagedLog.setAsideIfDamaged(dataDir, Instant.now()); // before any open
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
        VoicePrompts voice = VoicePrompts.open(new JavaSoundSpeaker(), () -> settings.voice(VoiceSettings.DEFAULTS),
                Clock.system(DemoStation.ZONE));
        TicketDesk tickets = reportDamage(new TicketDesk(dataDir, clock, hardware.peripherals().states()), damage, dataDir);
        Predicate<char[]> pinCheck = p -> settings.staffPin().orElse(pin).matches(p);
        KioskExit exit = exit();
        KioskViewModel vm = viewModel(service, executor, clock, DemoStation.ZONE, pinCheck,
                new SqlitePinLockoutStore(dataDir, clock.bootId()), KioskSettings.defaults(DemoStation.STATION_NAME),
                hardware, voice, tickets, new Damage(dataDir, exit));
        vm.attachLoans(new LoanDesk(new SqliteLoanStore(dataDir, java.time.InstantSource.system()), clock,
                () -> loanRules(settings)));
        DemoCamera camera = new DemoCamera(Duration.ofMillis(100));
        CardScanner scanner = new CameraScanner(camera, new QrDecoder(), CameraScanner.Settings.defaults());
        return new KioskRuntime(store, service, executor, vm, Optional.of(scanner), true, station,
                camera, hardware, mock, settings, watchClock(clock, store), voice, tickets)
                .withSupplies(supplies(dataDir, clock, DemoStation.ZONE, vm, settings)).withDamage(damage.isPresent())
                .withExit(exit);
    }

    static KioskRuntime fromConfig(StationConfig config, TaskExecutor executor,
                                   Function<Map<String, String>, StationHardware> hardware) {
        Optional<DamagedLog.SetAside> damage = DamagedLog.setAsideIfDamaged(config.dataDir(), Instant.now());
        SystemStationClock raw = new SystemStationClock();
        // the station's best time never reads below the latest time seen (issue 13 item 3, decision 0185)
        SqliteTimeFloor floor = new SqliteTimeFloor(config.dataDir());
        BoundedClock clock = new BoundedClock(raw, floor);
        SqliteVisitStore store = new SqliteVisitStore(config.dataDir());
        CardLists lists = new CardLists(config.trustFile(), Optional.of(config.denyListFile()), config.districtId(),
                config.zone());
        StationSettingsFile settings = new StationSettingsFile(config.settingsFile());
        VisitService service = new VisitService(store, lists, clock, config.stationId(), config.zone(),
                () -> settings.duplicateWindow(config.duplicateWindow()));
        if (config.staffPin().isEmpty()) {
            LOG.warn("no staff.pin in the configuration: the staff screen cannot be opened");
        }
        // the district's PIN (station settings) replaces the configured one
        Predicate<char[]> pinCheck = p -> settings.staffPin().or(config::staffPin).map(s -> s.matches(p)).orElse(false);
        StationHardware peripherals = hardware.apply(config.hardware());
        VoicePrompts voice = VoicePrompts.open(new JavaSoundSpeaker(), () -> settings.voice(config.voice()),
                Clock.system(config.zone()));
        TicketDesk tickets = reportDamage(new TicketDesk(config.dataDir(), clock, peripherals.peripherals().states()),
                damage, config.dataDir());
        KioskExit exit = exit();
        KioskViewModel vm = viewModel(service, executor, clock, config.zone(), pinCheck,
                new SqlitePinLockoutStore(config.dataDir(), raw.bootId()), KioskSettings.defaults(config.stationName()).withWelcomeTimeout(config.welcomeTimeout()), peripherals,
                voice, tickets, new Damage(config.dataDir(), exit));
        vm.attachLoans(new LoanDesk(new SqliteLoanStore(config.dataDir(), java.time.InstantSource.system()), clock,
                () -> loanRules(settings)));
        Optional<CardScanner> scanner = ScannerFactory.create(config.scanner());
        boolean wedge = config.scanner().source() == ScannerSettings.Source.WEDGE;
        return new KioskRuntime(store, service, executor, vm, scanner, wedge, null, null, peripherals, null,
                settings, watchClock(raw, clock, store).closing(floor), voice, tickets)
                .withSupplies(supplies(config.dataDir(), clock, config.zone(), vm, settings)).withDamage(damage.isPresent())
                .withExit(exit).insecureLab(config.sync().insecureLab());
    }

    /**
     * A visit log set aside as damaged at this start: the district gets a fault report (issue 13
     * item 5; the fresh log and its new epoch already exist, opened by the stores before).
     */
    private static TicketDesk reportDamage(TicketDesk tickets, Optional<DamagedLog.SetAside> damage, Path dataDir) {
        damage.ifPresent(d -> tickets.visitLogSetAside(d, LogEpoch.of(dataDir)));
        return tickets;
    }

    /** The station settings' loan rules over the defaults (3 days, no guests), read at each movement. */
    private static LoanDesk.Rules loanRules(StationSettingsFile settings) {
        return settings.current().map(s -> LoanDesk.Rules.DEFAULTS.with(s.loanOverdueDays(), s.guestLoansAllowed()))
                .orElse(LoanDesk.Rules.DEFAULTS);
    }

    /** Where the visit log is, and how the kiosk restarts when it is found damaged while running. */
    private record Damage(Path dataDir, KioskExit exit) {
    }

    /** The kiosk's end: closing the JavaFX window, {@link KioskExit#RESTART_DELAY} after a restart is asked for. */
    private static KioskExit exit() {
        return new KioskExit(javafx.application.Platform::exit, KioskExit.RESTART_DELAY);
    }

    private static KioskViewModel viewModel(VisitService service, TaskExecutor executor, StationClock clock, ZoneId zone,
                                            Predicate<char[]> pinCheck, PinLockoutStore lockout,
                                            KioskSettings settings, StationHardware hardware, VoicePrompts voice,
                                            TicketDesk tickets, Damage damage) {
        PinGate gate = PinGate.standard(pin -> pinCheck.test(pin.toCharArray()), clock::sinceBoot, lockout);
        KioskBackend recording = new LogDamageWatch(new VisitServiceBackend(service), damage.dataDir(),
                java.time.InstantSource.system(), damage.exit()::restart);
        KioskBackend backend = new FeedbackBackend(recording, hardware.peripherals().feedback(), voice::say);
        PeripheralsViewModel peripherals = hardware.viewModel(executor);
        return new KioskViewModel(backend, executor, clock, zone, gate, settings, peripherals, tickets.service());
    }

    /** The station's supplies and ratings on the screens, the items from the district's settings (else the default six). */
    private static StationSupplies supplies(Path dataDir, StationClock clock, ZoneId zone, KioskViewModel vm,
                                            StationSettingsFile settings) {
        StationSupplies supplies = new StationSupplies(dataDir, clock, zone, settings::supplies);
        vm.supplies().use(supplies);
        return supplies;
    }

    /**
     * Corrects the timestamps of visits recorded before the wall clock was synced, once it is
     * (issue 5: no battery clock); polls on its own thread, never the UI thread.
     */
    private static ClockSyncWatcher watchClock(SystemStationClock clock, SqliteVisitStore store) {
        return new ClockSyncWatcher(clock, store::correctUnsyncedVisits, ClockSyncWatcher.DEFAULT_INTERVAL).start();
    }

    /** As above, and each synced poll also raises and keeps the bounded clock's floor. */
    private static ClockSyncWatcher watchClock(SystemStationClock raw, BoundedClock bounded, SqliteVisitStore store) {
        return new ClockSyncWatcher(raw, sync -> {
            bounded.checkpoint();
            return store.correctUnsyncedVisits(sync);
        }, ClockSyncWatcher.DEFAULT_INTERVAL).start();
    }
}

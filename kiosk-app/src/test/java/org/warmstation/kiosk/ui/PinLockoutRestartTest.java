package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.app.VisitServiceBackend;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.store.SqlitePinLockoutStore;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.time.BootId;

/**
 * The staff PIN keypad's wrong-PIN count and lockout live in the station's SQLite visit log, so a
 * restarted kiosk (a new view model, gate and store on the same data directory) is still locked,
 * also after a reboot (decision 0202).
 */
class PinLockoutRestartTest {
    private static final String PIN = "246810";
    private static final BootId BOOT = new BootId("boot-1");

    @TempDir
    Path dataDir;
    private final TestStationClock clock = new TestStationClock(Instant.parse("2026-11-21T02:30:00Z"));
    /** The gate's time since boot: follows {@link #clock} until a simulated reboot sets it back. */
    private final AtomicReference<Duration> sinceBoot = new AtomicReference<>(Duration.ofMinutes(5));
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private SqliteVisitStore store;
    private KioskViewModel vm;

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A kiosk started on the data directory: new store, gate and view model, at the staff PIN screen. */
    private void startKiosk(BootId boot) {
        VisitService service = new VisitService(store, () -> {
            throw new AssertionError("no card is scanned here");
        }, clock, DemoStation.STATION_ID, DemoStation.ZONE, Duration.ofMinutes(10));
        PinGate gate = PinGate.standard(PIN::equals, sinceBoot::get, new SqlitePinLockoutStore(dataDir, boot));
        vm = new KioskViewModel(new VisitServiceBackend(service), executor, clock, DemoStation.ZONE, gate,
                KioskSettings.defaults(DemoStation.STATION_NAME));
        vm.start();
        vm.openStaff();
    }

    private void enterPin(String pin) {
        pin.chars().forEach(c -> vm.pinDigit(c - '0'));
        vm.pinSubmit();
    }

    private void advance(Duration d) {
        clock.advance(d);
        sinceBoot.updateAndGet(t -> t.plus(d));
        executor.advance(Duration.ofSeconds(1));
    }

    @Test
    void lockoutIsStillActiveAfterRestartingTheKiosk() {
        startKiosk(BOOT);
        enterPin("111111");
        enterPin("111111");
        enterPin("111111");
        assertEquals(Duration.ofSeconds(30), vm.staff().lockedForProperty().get());

        startKiosk(BOOT); // restarted 10 s later
        advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(20), vm.staff().lockedForProperty().get());
        enterPin(PIN);
        assertEquals(Screen.STAFF_PIN, vm.screenProperty().get(), "the right PIN is not even checked while locked");

        advance(Duration.ofSeconds(20));
        enterPin("222222"); // a wrong PIN right after a lockout locks again, for twice as long
        assertEquals(Duration.ofSeconds(60), vm.staff().lockedForProperty().get());
        startKiosk(BOOT);
        advance(Duration.ofSeconds(60));
        enterPin(PIN);
        assertEquals(Screen.STAFF, vm.screenProperty().get());
    }

    @Test
    void wrongPinsCountAcrossARestart() {
        startKiosk(BOOT);
        enterPin("111111");
        enterPin("111111");
        assertEquals(1, vm.staff().triesLeftProperty().get());
        startKiosk(BOOT);
        enterPin("111111");
        assertEquals(Duration.ofSeconds(30), vm.staff().lockedForProperty().get(), "the third wrong PIN in a row locks");
    }

    @Test
    void lockoutResumesInFullAfterAReboot() {
        startKiosk(BOOT);
        enterPin("111111");
        enterPin("111111");
        enterPin("111111");
        advance(Duration.ofSeconds(5));

        sinceBoot.set(Duration.ofSeconds(40)); // rebooted: a new boot id, its clock starts again
        startKiosk(new BootId("boot-2"));
        executor.advance(Duration.ofSeconds(1));
        // the time between the lock and the reboot is unknown (the old boot's clock is gone): no credit for it
        assertEquals(Duration.ofSeconds(30), vm.staff().lockedForProperty().get());
        enterPin(PIN);
        assertEquals(Screen.STAFF_PIN, vm.screenProperty().get());
        advance(Duration.ofSeconds(30));
        enterPin(PIN);
        assertEquals(Screen.STAFF, vm.screenProperty().get());
    }
}

package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.PeripheralStatus.Health;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.peripherals.StationFeedback;
import org.warmstation.kiosk.app.VisitServiceBackend;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * The staff screen's peripheral figures from a real {@link PeripheralStates} model, beside the
 * day's person-visits from the real visit service and SQLite log.
 */
class StaffPeripheralsTest {
    private static final Instant MORNING = Instant.parse("2026-11-21T02:30:00Z"); // 10:30 in Beijing
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    static Path demoDir;
    static DemoStation demo;

    @TempDir
    Path dataDir;
    private final TestStationClock clock = new TestStationClock(MORNING);
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final Clock stationClock = Clock.fixed(MORNING, DemoStation.ZONE);
    private final PeripheralStates states = new PeripheralStates(EnumSet.allOf(PeripheralRole.class), stationClock);
    private final StationFeedback feedback = new StationFeedback(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), states, stationClock);
    private SqliteVisitStore store;
    private KioskViewModel vm;

    @BeforeAll
    static void issueCards() throws IOException {
        demo = DemoStation.prepare(demoDir, TODAY);
    }

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dataDir);
        VisitService service = new VisitService(store, demo::verifier, clock, DemoStation.STATION_ID, DemoStation.ZONE,
                Duration.ofMinutes(10));
        PeripheralsViewModel.Controls controls = new PeripheralsViewModel.Controls() {
            @Override
            public void userActivity() {
            }

            @Override
            public void setMuted(boolean muted) {
                feedback.setMuted(muted);
            }
        };
        vm = new KioskViewModel(new VisitServiceBackend(service), executor, clock, DemoStation.ZONE,
                PinGate.standard("2468"::equals, clock::sinceBoot), KioskSettings.defaults(DemoStation.STATION_NAME),
                new PeripheralsViewModel(states, controls, executor, Optional.empty()));
    }

    @AfterEach
    void close() {
        feedback.close();
        store.close();
    }

    private StaffViewModel openStaff() {
        vm.openStaff();
        "2468".chars().forEach(c -> vm.pinDigit(c - '0'));
        vm.pinSubmit();
        assertEquals(Screen.STAFF, vm.screenProperty().get());
        return vm.staff();
    }

    @Test
    void entriesBesideCheckInsCountThoseWhoCameInWithoutCheckingIn() {
        vm.scanned(demo.card("courier").qrText());
        vm.scanned(demo.card("rider").qrText());
        for (int i = 0; i < 5; i++) {
            states.entry();
        }
        StaffViewModel staff = openStaff();
        assertEquals(2, staff.usageProperty().get().personVisits());
        assertEquals(5, staff.entries());
        assertEquals(3, staff.withoutCheckIn());
    }

    @Test
    void moreCheckInsThanEntriesNeverGiveANegativeCount() {
        vm.scanned(demo.card("courier").qrText());
        vm.scanned(demo.card("rider").qrText());
        vm.scanned(demo.card("police").qrText());
        states.entry();
        StaffViewModel staff = openStaff();
        assertEquals(1, staff.entries());
        assertEquals(0, staff.withoutCheckIn());
    }

    @Test
    void entriesCountedOnAnotherDayAreNotToday() {
        PeripheralsViewModel yesterday = new PeripheralsViewModel(
                new PeripheralStates(EnumSet.of(PeripheralRole.MOTION), Clock.fixed(MORNING.minus(Duration.ofDays(1)),
                        DemoStation.ZONE)), PeripheralsViewModel.Controls.NONE, executor, Optional.empty());
        assertEquals(0, yesterday.entriesOn(TODAY));
    }

    @Test
    void lowTemperatureAlertAndFailingRolesWithTheirMessagesFollowTheModel() {
        StaffViewModel staff = openStaff();
        PeripheralsViewModel hw = staff.peripherals();
        assertFalse(hw.lowTemperature());
        assertEquals(List.of(), hw.failing());

        states.ambient(new AmbientReading(7.5, 40, MORNING), true);
        states.status(PeripheralRole.DOOR, Health.FAILING, "pin 23 could not be written");
        states.status(PeripheralRole.AMBIENT, Health.FAILING, "SHT3x did not answer");

        assertTrue(hw.lowTemperature());
        assertEquals(7.5, hw.ambient().orElseThrow().celsius());
        assertEquals(List.of(PeripheralRole.DOOR, PeripheralRole.AMBIENT),
                hw.failing().stream().map(PeripheralStatus::role).toList());
        assertEquals("pin 23 could not be written", hw.failing().getFirst().message());

        states.status(PeripheralRole.DOOR, Health.OK, "");
        assertEquals(List.of(PeripheralRole.AMBIENT), hw.failing().stream().map(PeripheralStatus::role).toList());
    }

    @Test
    void muteToggleMutesTheRealFeedbackAndTheSnapshotFollows() {
        PeripheralsViewModel hw = openStaff().peripherals();
        assertFalse(hw.muted());
        hw.toggleMute();
        assertTrue(feedback.muted());
        assertFalse(feedback.audible());
        assertTrue(hw.muted());
        hw.toggleMute();
        assertFalse(feedback.muted());
        assertFalse(hw.muted());
    }
}

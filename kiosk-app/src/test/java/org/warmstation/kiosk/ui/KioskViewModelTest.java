package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.app.VisitServiceBackend;
import org.warmstation.kiosk.demo.DemoCard;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.WorkerCategory;

/** The kiosk's state machine with real cards, the real visit service and a real SQLite log. */
class KioskViewModelTest {
    private static final Instant MORNING = Instant.parse("2026-11-21T02:30:00Z"); // 10:30 in Beijing
    private static final Duration WELCOME = Duration.ofSeconds(20);

    @TempDir
    static Path demoDir;
    static DemoStation demo;

    @TempDir
    Path dataDir;
    private final TestStationClock clock = new TestStationClock(MORNING);
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private SqliteVisitStore store;
    private KioskViewModel vm;

    @BeforeAll
    static void issueCards() throws IOException {
        demo = DemoStation.prepare(demoDir, LocalDate.of(2026, 11, 21));
    }

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dataDir);
        vm = viewModel(demo::verifier);
    }

    private KioskViewModel viewModel(Supplier<CardVerifier> verifiers) {
        VisitService service = new VisitService(store, verifiers, clock, DemoStation.STATION_ID, DemoStation.ZONE,
                Duration.ofMinutes(10));
        PinGate gate = PinGate.standard("2468"::equals, clock::sinceBoot);
        return new KioskViewModel(new VisitServiceBackend(service), executor, clock, DemoStation.ZONE, gate,
                KioskSettings.defaults(DemoStation.STATION_NAME));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Visit> allVisits() {
        return store.between(MORNING.minus(Duration.ofDays(1)), MORNING.plus(Duration.ofDays(1)));
    }

    private void enterPin(String pin) {
        pin.chars().forEach(c -> vm.pinDigit(c - '0'));
        vm.pinSubmit();
    }

    @Test
    void validCardWelcomesItsCategoryAndReturnsToIdleAfterTheTimeoutKeepingTheVisit() {
        vm.scanned(demo.card("courier").qrText());

        assertEquals(Screen.WELCOME, vm.screenProperty().get());
        Visit shown = vm.visitProperty().get();
        assertEquals(WorkerCategory.COURIER, shown.category());
        executor.advance(WELCOME.minusSeconds(1));
        assertEquals(Screen.WELCOME, vm.screenProperty().get());
        executor.advance(Duration.ofSeconds(1));
        assertEquals(Screen.IDLE, vm.screenProperty().get());
        assertEquals(List.of(shown.id()), allVisits().stream().map(Visit::id).toList());
    }

    @Test
    void eachServiceTapIsSavedAndATapAgainRemovesIt() {
        vm.scanned(demo.card("rider").qrText());
        Visit v = vm.visitProperty().get();

        vm.toggleService(Service.HOT_WATER);
        vm.toggleService(Service.CHARGING);
        assertEquals(Set.of(Service.HOT_WATER, Service.CHARGING), store.find(v.id()).orElseThrow().services());
        vm.toggleService(Service.HOT_WATER);
        assertEquals(Set.of(Service.CHARGING), store.find(v.id()).orElseThrow().services());
        assertEquals(Set.of(Service.CHARGING), Set.copyOf(vm.services()));
    }

    @Test
    void aTapRestartsTheWelcomeTimeout() {
        vm.scanned(demo.card("sanitation").qrText());
        executor.advance(Duration.ofSeconds(15));
        vm.toggleService(Service.WARM_UP);
        executor.advance(Duration.ofSeconds(15));
        assertEquals(Screen.WELCOME, vm.screenProperty().get());
        executor.advance(Duration.ofSeconds(5));
        assertEquals(Screen.IDLE, vm.screenProperty().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "revoked", "other-district", "tampered", "forged", "url"})
    void invalidCardShowsItsReasonRecordsNothingAndReturnsToIdle(String id) {
        DemoCard card = demo.card(id);
        vm.scanned(card.qrText());

        assertEquals(Screen.REJECTED, vm.screenProperty().get());
        assertEquals(card.expected().orElseThrow(), vm.rejectionProperty().get());
        assertEquals(List.of(), allVisits());
        executor.advance(Duration.ofSeconds(8));
        assertEquals(Screen.IDLE, vm.screenProperty().get());
    }

    @Test
    void sameCardAgainWithinTheWindowShowsTheEarlierVisit() {
        vm.scanned(demo.card("police").qrText());
        Visit first = vm.visitProperty().get();
        vm.toggleService(Service.TOILET);
        vm.finishVisit();
        clock.advance(Duration.ofMinutes(3));

        vm.scanned(demo.card("police").qrText());
        assertEquals(Screen.ALREADY_CHECKED_IN, vm.screenProperty().get());
        assertEquals(first.id(), vm.visitProperty().get().id());
        assertEquals(Set.of(Service.TOILET), Set.copyOf(vm.services()));
        vm.toggleService(Service.REST);
        assertEquals(Set.of(Service.TOILET, Service.REST), store.find(first.id()).orElseThrow().services());
        assertEquals(1, allVisits().size());
    }

    @Test
    void guestPicksACategoryAndIsWelcomedAsAGuest() {
        vm.startGuest();
        assertEquals(Screen.GUEST, vm.screenProperty().get());
        vm.chooseGuestCategory(WorkerCategory.PARKING_ATTENDANT);

        assertEquals(Screen.WELCOME, vm.screenProperty().get());
        Visit v = store.find(vm.visitProperty().get().id()).orElseThrow();
        assertTrue(v.guest());
        assertEquals(WorkerCategory.PARKING_ATTENDANT, v.category());
    }

    @Test
    void untouchedGuestScreenReturnsToIdleWithoutAVisit() {
        vm.startGuest();
        executor.advance(Duration.ofSeconds(30));
        assertEquals(Screen.IDLE, vm.screenProperty().get());
        assertEquals(List.of(), allVisits());
    }

    @Test
    void failedCheckInShowsTheProblemAndTheTerminalGoesOn() {
        vm = viewModel(() -> null); // no trust list loaded: the service answers Failed
        vm.scanned(demo.card("courier").qrText());
        assertEquals(Screen.FAILED, vm.screenProperty().get());
        executor.advance(Duration.ofSeconds(8));
        assertEquals(Screen.IDLE, vm.screenProperty().get());

        vm.startGuest();
        vm.chooseGuestCategory(WorkerCategory.COURIER);
        assertEquals(Screen.WELCOME, vm.screenProperty().get());
        assertEquals(1, allVisits().size());
    }

    @Test
    void aCheckInThatFindsTheLogDamagedShowsTheDamagedScreen() {
        java.util.concurrent.atomic.AtomicInteger checkIns = new java.util.concurrent.atomic.AtomicInteger();
        KioskBackend damaged = new KioskBackend() {
            @Override
            public org.warmstation.kiosk.domain.CheckInResult checkIn(String scannedText) {
                checkIns.incrementAndGet();
                return new org.warmstation.kiosk.domain.CheckInResult.Failed("visit log damaged", true);
            }

            @Override
            public org.warmstation.kiosk.domain.CheckInResult checkInGuest(WorkerCategory category) {
                return checkIn("");
            }

            @Override
            public Visit setServices(java.util.UUID visit, java.util.Set<org.warmstation.visitlog.domain.Service> s) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.warmstation.kiosk.domain.DailyUsage usageOn(LocalDate day) {
                throw new UnsupportedOperationException();
            }
        };
        vm = new KioskViewModel(damaged, executor, clock, DemoStation.ZONE, PinGate.standard("2468"::equals, clock::sinceBoot),
                KioskSettings.defaults(DemoStation.STATION_NAME));
        vm.scanned(demo.card("courier").qrText());
        assertEquals(1, checkIns.get());
        assertEquals(Screen.DAMAGED, vm.screenProperty().get(), "not the 'not saved' screen");
        assertTrue(vm.terminalDamagedProperty().get(), "the idle screen's banner too");
    }

    @Test
    void threeWrongPinsLockTheKeypadUntilTheLockoutIsOver() {
        vm.start();
        vm.openStaff();
        enterPin("1111");
        assertEquals(2, vm.staff().triesLeftProperty().get());
        enterPin("1111");
        assertEquals(1, vm.staff().triesLeftProperty().get());
        enterPin("1111");
        assertEquals(Duration.ofSeconds(30), vm.staff().lockedForProperty().get());

        enterPin("2468");
        assertEquals(Screen.STAFF_PIN, vm.screenProperty().get());
        clock.advance(Duration.ofSeconds(30));
        executor.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, vm.staff().lockedForProperty().get());
        enterPin("2468");
        assertEquals(Screen.STAFF, vm.screenProperty().get());
    }

    @Test
    void staffScreenShowsTodaysPersonVisitsMembersAndGuests() {
        vm.scanned(demo.card("courier").qrText());
        vm.toggleService(Service.HOT_WATER);
        vm.scanned(demo.card("guard").qrText());
        vm.toggleService(Service.HOT_WATER);
        vm.startGuest();
        vm.chooseGuestCategory(WorkerCategory.COURIER);
        vm.finishVisit();

        vm.openStaff();
        enterPin("2468");
        var usage = vm.staff().usageProperty().get();
        assertNotNull(usage);
        assertEquals(3, usage.personVisits());
        assertEquals(2, usage.distinctMembers());
        assertEquals(1, usage.guestVisits());
        assertEquals(2, usage.byCategory().get(WorkerCategory.COURIER));
        assertEquals(2, usage.byService().get(Service.HOT_WATER));
        assertEquals(3, usage.byHour().get(10));
    }

    @Test
    void scansAreIgnoredWhileStaffAreSignedIn() {
        vm.openStaff();
        enterPin("2468");
        vm.scanned(demo.card("courier").qrText());
        assertEquals(Screen.STAFF, vm.screenProperty().get());
        assertEquals(List.of(), allVisits());
    }

    @Test
    void cameraRestartShowsTheBannerUntilFramesArriveAgain() {
        vm.scannerStatus(new ScannerStatus(ScannerStatus.State.RESTARTING, "no frame for 3 s"));
        assertTrue(vm.scannerProblemProperty().get());
        vm.scannerStatus(new ScannerStatus(ScannerStatus.State.RUNNING, ""));
        assertFalse(vm.scannerProblemProperty().get());
    }

    @Test
    void languageStartsChineseAndToggles() {
        assertEquals(KioskViewModel.CHINESE, vm.localeProperty().get());
        vm.toggleLanguage();
        assertEquals(KioskViewModel.ENGLISH, vm.localeProperty().get());
        vm.toggleLanguage();
        assertEquals(KioskViewModel.CHINESE, vm.localeProperty().get());
    }

    @Test
    void clockTicksEverySecond() {
        vm.start();
        clock.advance(Duration.ofSeconds(61));
        executor.advance(Duration.ofSeconds(1));
        assertEquals(31, vm.nowProperty().get().getMinute());
        assertEquals(10, vm.nowProperty().get().getHour());
    }
}

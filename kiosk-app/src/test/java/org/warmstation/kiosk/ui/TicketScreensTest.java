package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.kiosk.domain.InMemoryTickets;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.TicketService;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.domain.Visit;

/** The visitor's report screen and the staff's ticket screen, on the view model. */
class TicketScreensTest {
    private static final Instant MORNING = Instant.parse("2026-11-21T02:30:00Z");

    private final TestStationClock clock = new TestStationClock(MORNING);
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final InMemoryTickets store = new InMemoryTickets();
    private KioskViewModel vm;

    /** Tickets only: no check-ins happen in these tests. */
    private static final KioskBackend NO_VISITS = new KioskBackend() {
        @Override
        public CheckInResult checkIn(String scannedText) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CheckInResult checkInGuest(WorkerCategory category) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Visit setServices(java.util.UUID visit, java.util.Set<Service> services) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DailyUsage usageOn(java.time.LocalDate day) {
            return new DailyUsage(day, 0, 0, 0, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        }
    };

    @BeforeEach
    void open() {
        PinGate gate = PinGate.standard("2468"::equals, clock::sinceBoot);
        vm = new KioskViewModel(NO_VISITS, executor, clock, DemoStation.ZONE, gate,
                KioskSettings.defaults(DemoStation.STATION_NAME), PeripheralsViewModel.none(executor),
                new TicketService(store, clock));
        vm.start();
    }

    private void staffTicketScreen() {
        vm.openStaff();
        "2468".chars().forEach(c -> vm.pinDigit(c - '0'));
        vm.pinSubmit();
        assertEquals(Screen.STAFF, vm.screenProperty().get());
        vm.openStaffTickets();
        assertEquals(Screen.STAFF_TICKETS, vm.screenProperty().get());
    }

    @Test
    void visitorReportsAProblemWithOneTapAndNothingAboutThem() {
        assertTrue(vm.tickets().available());
        vm.startReport();
        assertEquals(Screen.REPORT, vm.screenProperty().get());
        vm.reportProblem(TicketProblem.NO_HOT_WATER);
        Ticket t = store.all().getFirst();
        assertEquals(TicketSource.VISITOR, t.source());
        assertEquals(TicketProblem.NO_HOT_WATER, t.problem());
        assertNull(t.text());
        assertNotNull(vm.tickets().openedProperty().get(), "the screen thanks the visitor");
        executor.advance(KioskSettings.defaults("x").guestTimeout());
        assertEquals(Screen.IDLE, vm.screenProperty().get());
        assertNull(vm.tickets().openedProperty().get(), "the next visitor sees a fresh screen");
    }

    @Test
    void staffNoteOverTwoHundredCharactersOrWithALineBreakIsRefusedWithAMessage() {
        staffTicketScreen();
        vm.tickets().problemProperty().set(TicketProblem.HEATER_BROKEN);
        vm.tickets().textProperty().set("热".repeat(201));
        assertEquals("ticket.tooLong", vm.tickets().errorProperty().get(), "told while typing");
        vm.submitStaffTicket();
        vm.tickets().textProperty().set("二楼\n暖气");
        assertEquals("ticket.controlCharacter", vm.tickets().errorProperty().get());
        vm.submitStaffTicket();
        assertTrue(store.all().isEmpty(), "nothing stored");

        vm.tickets().textProperty().set("二楼暖气不热");
        assertEquals("", vm.tickets().errorProperty().get());
        vm.submitStaffTicket();
        Ticket t = store.all().getFirst();
        assertEquals(TicketSource.STAFF, t.source());
        assertEquals("二楼暖气不热", t.text());
        assertEquals(List.of(t), List.copyOf(vm.tickets().tickets()), "the list shows it at once");
        assertEquals("", vm.tickets().textProperty().get(), "the form is cleared for the next one");
    }

    @Test
    void staffMustChooseAProblemFirst() {
        staffTicketScreen();
        vm.tickets().textProperty().set("门锁打不开");
        vm.submitStaffTicket();
        assertEquals("ticket.noProblem", vm.tickets().errorProperty().get());
        assertTrue(store.all().isEmpty());
    }

    @Test
    void aTicketThatCannotBeStoredSaysSoAndKeepsTheForm() {
        staffTicketScreen();
        store.failing(true);
        vm.tickets().problemProperty().set(TicketProblem.DOOR_OR_LOCK);
        vm.tickets().textProperty().set("门锁打不开");
        vm.submitStaffTicket();
        assertEquals("ticket.failed", vm.tickets().errorProperty().get());
        assertEquals("门锁打不开", vm.tickets().textProperty().get());
        assertEquals(TicketProblem.DOOR_OR_LOCK, vm.tickets().problemProperty().get());
    }

    @Test
    void theStaffScreenFollowsTheDistrictsStatusWhileItIsUp() {
        staffTicketScreen();
        vm.tickets().problemProperty().set(TicketProblem.MICROWAVE_BROKEN);
        vm.submitStaffTicket();
        vm.backToStaff();
        assertEquals(Screen.STAFF, vm.screenProperty().get());
        assertEquals(1, vm.tickets().openCount());
        Ticket t = store.all().getFirst();
        store.applyStatuses(new TicketStatuses(List.of(
                new TicketStatuses.Entry(t.id(), TicketStatus.RESOLVED, MORNING.plusSeconds(60), "admin"))));
        for (int s = 0; s < 6; s++) { // staff screen stays up: touches keep it from timing out
            clock.advance(Duration.ofSeconds(1));
            executor.advance(Duration.ofSeconds(1));
        }
        assertEquals(TicketStatus.RESOLVED, vm.tickets().tickets().getFirst().status());
        assertEquals(0, vm.tickets().openCount());
    }
}

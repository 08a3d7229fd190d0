package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.ManualStationClock;
import org.warmstation.visitlog.domain.Ticket;

class FaultTicketsTest {
    private final ManualStationClock clock = new ManualStationClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final InMemoryTickets store = new InMemoryTickets();
    private final TicketService service = new TicketService(store, clock);

    private FaultTickets watch() {
        return new FaultTickets(service, Runnable::run, clock::now, Duration.ofMinutes(10));
    }

    private List<String> devices() {
        return store.all().stream().map(Ticket::device).toList();
    }

    @Test
    void aBuzzerFailingEveryMinuteForAnHourOpensOneTicket() {
        FaultTickets faults = watch();
        for (int minute = 0; minute < 60; minute++) {
            faults.observe("BUZZER", true);
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(List.of("BUZZER"), devices());
        Ticket t = store.all().getFirst();
        assertEquals(TicketProblem.TERMINAL_PROBLEM, t.problem());
        assertEquals(TicketSource.TERMINAL, t.source());
    }

    @Test
    void aFaultThatClearsAndComesBackOpensASecondTicketButFlappingDoesNot() {
        FaultTickets faults = watch();
        faults.observe("AMBIENT", true);
        faults.observe("AMBIENT", false);
        clock.advance(Duration.ofMinutes(2));
        faults.observe("AMBIENT", true); // flapping: back within the hold
        faults.observe("AMBIENT", false);
        assertEquals(1, store.all().size());
        clock.advance(Duration.ofMinutes(10));
        faults.observe("AMBIENT", true);
        assertEquals(List.of("AMBIENT", "AMBIENT"), devices());
    }

    @Test
    void devicesAreWatchedEachOnItsOwnAndWorkingOnesOpenNothing() {
        FaultTickets faults = watch();
        faults.observe("CAMERA", false);
        faults.observe("MOTION", false);
        faults.observe("CAMERA", true);
        faults.observe("MOTION", true);
        faults.observe("CAMERA", true);
        assertEquals(List.of("CAMERA", "MOTION"), devices());
    }

    @Test
    void aRestartWithAnOpenTicketForTheFailingDeviceOpensNoSecondOne() {
        watch().observe("CAMERA", true);
        watch().observe("CAMERA", true); // the kiosk restarted, the camera is still dead
        assertEquals(1, store.all().size());
        Ticket first = store.all().getFirst();
        store.applyStatuses(new TicketStatuses(List.of(
                new TicketStatuses.Entry(first.id(), TicketStatus.RESOLVED, clock.now(), "admin"))));
        watch().observe("CAMERA", true); // resolved at the district, yet dead again: a new ticket
        assertEquals(2, store.all().size());
    }

    @Test
    void aTicketThatCouldNotBeStoredIsTriedAgainOnTheNextReport() {
        FaultTickets faults = watch();
        store.failing(true);
        faults.observe("BUZZER", true);
        store.failing(false);
        faults.observe("BUZZER", true);
        faults.observe("BUZZER", true);
        assertEquals(1, store.all().size());
    }
}

package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.ticket.TicketText;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.ManualStationClock;

class TicketServiceTest {
    private final ManualStationClock clock = new ManualStationClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final InMemoryTickets store = new InMemoryTickets();
    private final TicketService service = new TicketService(store, clock);

    @Test
    void staffTicketKeepsItsTextAndTheStationTime() {
        var opened = assertInstanceOf(TicketService.Outcome.Opened.class,
                service.open(TicketProblem.HEATER_BROKEN, TicketSource.STAFF, " 二楼暖气不热 "));
        assertEquals("二楼暖气不热", opened.ticket().text());
        assertEquals(clock.now(), opened.ticket().openedAt());
        assertEquals(1, store.all().size());
    }

    @Test
    void tooLongOrControlCharacterTextIsRefusedAndNothingStored() {
        assertEquals(new TicketService.Outcome.Refused(TicketText.Refusal.TOO_LONG),
                service.open(TicketProblem.OTHER, TicketSource.STAFF, "很".repeat(201)));
        assertEquals(new TicketService.Outcome.Refused(TicketText.Refusal.CONTROL_CHARACTER),
                service.open(TicketProblem.OTHER, TicketSource.STAFF, "a\tb"));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void visitorTicketCarriesNoTextAndTerminalTicketsComeOnlyFromTheFaultWatch() {
        var opened = assertInstanceOf(TicketService.Outcome.Opened.class,
                service.open(TicketProblem.NO_HOT_WATER, TicketSource.VISITOR, null));
        assertEquals(TicketSource.VISITOR, opened.ticket().source());
        assertThrows(IllegalArgumentException.class,
                () -> service.open(TicketProblem.NO_HOT_WATER, TicketSource.VISITOR, "张三 138..."));
        assertThrows(IllegalArgumentException.class,
                () -> service.open(TicketProblem.TERMINAL_PROBLEM, TicketSource.TERMINAL, null));
    }

    @Test
    void repeatedVisitorReportOfAnOpenProblemStoresNothingNew() {
        var first = assertInstanceOf(TicketService.Outcome.Opened.class,
                service.open(TicketProblem.NO_HOT_WATER, TicketSource.VISITOR, null));
        var again = assertInstanceOf(TicketService.Outcome.AlreadyReported.class,
                service.open(TicketProblem.NO_HOT_WATER, TicketSource.VISITOR, null));
        assertEquals(first.ticket().id(), again.ticket().id());
        assertInstanceOf(TicketService.Outcome.Opened.class,
                service.open(TicketProblem.TOILET_OUT_OF_ORDER, TicketSource.VISITOR, null));
        assertInstanceOf(TicketService.Outcome.Opened.class,
                service.open(TicketProblem.NO_HOT_WATER, TicketSource.STAFF, "热水器坏了"));
        assertEquals(3, store.all().size());

        store.applyStatuses(new TicketStatuses(List.of(new TicketStatuses.Entry(first.ticket().id(),
                TicketStatus.RESOLVED, clock.now(), "区总工会"))));
        assertInstanceOf(TicketService.Outcome.Opened.class,
                service.open(TicketProblem.NO_HOT_WATER, TicketSource.VISITOR, null));
        assertEquals(4, store.all().size());
    }
}

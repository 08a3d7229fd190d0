package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.records.SqliteRecordLog;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.protocol.wire.WireTicket;
import java.time.InstantSource;

class SqliteTicketStoreTest {
    private static final Instant T = Instant.parse("2026-12-06T01:00:00Z");

    @TempDir
    Path dir;

    private static Ticket ticket(int minute, TicketProblem p) {
        return Ticket.opened(UUID.randomUUID(), T.plusSeconds(60L * minute), p, TicketSource.STAFF, "说明 " + minute, null);
    }

    @Test
    void openedTicketsSurviveAReopenNewestFirstResolvedLast() {
        Ticket a = ticket(1, TicketProblem.NO_HOT_WATER);
        Ticket b = ticket(2, TicketProblem.DOOR_OR_LOCK);
        Ticket c = ticket(3, TicketProblem.OTHER);
        try (SqliteTicketStore store = new SqliteTicketStore(dir)) {
            store.open(a);
            store.open(b);
            store.open(c);
            assertEquals(1, store.applyStatuses(new TicketStatuses(List.of(
                    new TicketStatuses.Entry(c.id(), TicketStatus.RESOLVED, T.plusSeconds(600), "admin")))));
        }
        try (SqliteTicketStore store = new SqliteTicketStore(dir)) {
            List<Ticket> recent = store.recent();
            assertEquals(List.of(b.id(), a.id(), c.id()), recent.stream().map(Ticket::id).toList());
            assertEquals(a, recent.get(1));
            Ticket resolved = recent.get(2);
            assertEquals(TicketStatus.RESOLVED, resolved.status());
            assertEquals("admin", resolved.statusBy());
            assertEquals(T.plusSeconds(600), resolved.statusAt());
        }
    }

    @Test
    void openingATicketQueuesItsTicketRecordUnderTheTicketId() {
        Ticket a = ticket(1, TicketProblem.MICROWAVE_BROKEN);
        Ticket b = ticket(2, TicketProblem.OUT_OF_SUPPLIES);
        try (SqliteTicketStore store = new SqliteTicketStore(dir);
             SqliteRecordLog records = new SqliteRecordLog(dir, InstantSource.system(), RecordTypes.standard())) {
            store.open(a);
            store.open(b);
            List<WireRecord> queued = records.list(RecordKind.TICKET, 0, 10);
            assertEquals(List.of(a.id(), b.id()), queued.stream().map(WireRecord::uuid).toList());
            assertEquals(List.of(1L, 2L), queued.stream().map(WireRecord::seq).toList());
            assertEquals(a.toWire(), RecordTypes.standard().body(queued.getFirst(), WireTicket.class));
        }
    }

    @Test
    void statusesOfUnknownTicketsAreIgnoredAndTheSameListChangesNothingTwice() {
        Ticket a = ticket(1, TicketProblem.HEATER_BROKEN);
        try (SqliteTicketStore store = new SqliteTicketStore(dir)) {
            store.open(a);
            TicketStatuses list = new TicketStatuses(List.of(
                    new TicketStatuses.Entry(a.id(), TicketStatus.ACKNOWLEDGED, T, "admin"),
                    new TicketStatuses.Entry(UUID.randomUUID(), TicketStatus.RESOLVED, T, "admin")));
            assertEquals(1, store.applyStatuses(list));
            assertEquals(0, store.applyStatuses(list));
            assertEquals(TicketStatus.ACKNOWLEDGED, store.recent().getFirst().status());
        }
    }

    @Test
    void terminalTicketKeepsItsDeviceAndVisitorTicketHasNoText() {
        Ticket device = Ticket.opened(UUID.randomUUID(), T, TicketProblem.TERMINAL_PROBLEM, TicketSource.TERMINAL, null, "BUZZER");
        try (SqliteTicketStore store = new SqliteTicketStore(dir)) {
            store.open(device);
            assertEquals("BUZZER", store.recent().getFirst().device());
            assertNull(store.recent().getFirst().text());
        }
        assertThrows(IllegalArgumentException.class, () -> Ticket.opened(UUID.randomUUID(), T, TicketProblem.OTHER,
                TicketSource.VISITOR, "my name is", null));
        assertThrows(IllegalArgumentException.class, () -> Ticket.opened(UUID.randomUUID(), T, TicketProblem.OTHER,
                TicketSource.STAFF, "x".repeat(201), null));
    }
}

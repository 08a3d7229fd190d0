package org.warmstation.protocol.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.protocol.wire.WireTicket;

class TicketWireTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("user.dir")).resolve("../docs/schemas").normalize();
    private static final Instant T = Instant.parse("2026-12-06T01:02:03Z");

    private static Set<?> validate(String file, Object record) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(file)))
                .validate(new ObjectMapper().readTree(Wire.encode(record)));
    }

    @Test
    void textOfTwoHundredCharactersIsAcceptedAndOneMoreRefused() {
        assertEquals(Optional.empty(), TicketText.check("水".repeat(200)));
        assertEquals(Optional.of(TicketText.Refusal.TOO_LONG), TicketText.check("水".repeat(201)));
    }

    @Test
    void textWithALineBreakOrOtherControlCharacterIsRefused() {
        assertEquals(Optional.of(TicketText.Refusal.CONTROL_CHARACTER), TicketText.check("热水器\n坏了"));
        assertEquals(Optional.of(TicketText.Refusal.CONTROL_CHARACTER), TicketText.check("a\u0007b"));
        assertEquals(Optional.of(TicketText.Refusal.CONTROL_CHARACTER), TicketText.check("a\u0085b"));
        assertEquals(Optional.empty(), TicketText.check("热水器坏了, since 7:00"));
    }

    @Test
    void blankTextIsNoText() {
        assertNull(TicketText.normalize("   "));
        assertEquals("门锁", TicketText.normalize("  门锁 "));
    }

    @Test
    void ticketRoundTripsAndConformsToItsSchema() throws Exception {
        WireTicket t = new WireTicket(UUID.randomUUID(), T, "HEATER_BROKEN", "STAFF", "二楼暖气不热", null);
        assertEquals(t, Wire.decode(Wire.encode(t), WireTicket.class));
        assertEquals(Set.of(), validate("ticket.schema.json", t));
        WireTicket device = new WireTicket(UUID.randomUUID(), T, "TERMINAL_PROBLEM", "TERMINAL", null, "BUZZER");
        assertEquals(Set.of(), validate("ticket.schema.json", device));
    }

    @Test
    void ticketWithTooLongTextIsRefusedByDecoder() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"openedAt\":\"2026-12-06T01:02:03Z\","
                + "\"problem\":\"OTHER\",\"source\":\"STAFF\",\"text\":\"" + "x".repeat(201) + "\"}";
        assertThrows(WireFormatException.class, () -> Wire.decode(json.getBytes(), WireTicket.class));
    }

    @Test
    void visitorTicketCarriesNoTextAndOnlyTerminalTicketsNameADevice() {
        assertThrows(IllegalArgumentException.class,
                () -> new WireTicket(UUID.randomUUID(), T, "OTHER", "VISITOR", "hi", null));
        assertThrows(IllegalArgumentException.class,
                () -> new WireTicket(UUID.randomUUID(), T, "OTHER", "STAFF", null, "BUZZER"));
        assertThrows(IllegalArgumentException.class,
                () -> new WireTicket(UUID.randomUUID(), T, "TERMINAL_PROBLEM", "TERMINAL", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new WireTicket(UUID.randomUUID(), T, "OTHER", "ROBOT", null, null));
    }

    @Test
    void ticketsDownlinkConformsToItsSchemaAndRefusesADuplicate() throws Exception {
        UUID id = UUID.randomUUID();
        DownlinkCommand cmd = DownlinkCommand.tickets(7, "st-1", T, new TicketStatuses(List.of(
                new TicketStatuses.Entry(id, TicketStatus.RESOLVED, T, "admin"),
                new TicketStatuses.Entry(UUID.randomUUID(), TicketStatus.NEW, T, null))));
        assertEquals(Set.of(), validate("downlink-command.schema.json", cmd));
        assertEquals(cmd, Wire.decode(Wire.encode(cmd), DownlinkCommand.class));
        TicketStatuses.Entry e = new TicketStatuses.Entry(id, TicketStatus.NEW, T, null);
        assertThrows(IllegalArgumentException.class, () -> new TicketStatuses(List.of(e, e)));
    }

    @Test
    void statusMovesOnlyForward() {
        assertTrue(TicketStatus.NEW.canMoveTo(TicketStatus.ACKNOWLEDGED));
        assertTrue(TicketStatus.NEW.canMoveTo(TicketStatus.RESOLVED));
        assertTrue(TicketStatus.ACKNOWLEDGED.canMoveTo(TicketStatus.RESOLVED));
        assertFalse(TicketStatus.RESOLVED.canMoveTo(TicketStatus.ACKNOWLEDGED));
        assertFalse(TicketStatus.ACKNOWLEDGED.canMoveTo(TicketStatus.ACKNOWLEDGED));
    }
}

package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.ticket.TicketDownlinks;
import org.warmstation.district.ticket.TicketStore;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.protocol.wire.WireTicket;

/**
 * The ticket inbox in headless Chromium: an admin acknowledges and resolves a ticket (who and when
 * shown, the station sent its list each time), an analyst sees the inbox without buttons and may
 * not post; the inbox screenshot ({@code district-tickets}).
 */
@Tag("screenshots")
class TicketInboxBrowserTest {
    private static final List<DownlinkCommand> SENT = new ArrayList<>();
    private static final UUID HEATER = UUID.randomUUID();
    private static final UUID BUZZER = UUID.randomUUID();
    private static final UUID WATER = UUID.randomUUID();
    private static final UUID DOOR = UUID.randomUUID();
    private static final Instant T = Instant.now().minusSeconds(3600);

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        TicketStore store = new TicketStore();
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id, name) VALUES "
                    + "(110105, 'st-a', '东大桥驿站'), (110105, 'st-b', '呼家楼驿站')");
            store.project(c, ConsoleExtension.DISTRICT, "st-a",
                    new WireTicket(HEATER, T, "HEATER_BROKEN", "STAFF", "二楼暖气不热", null));
            store.project(c, ConsoleExtension.DISTRICT, "st-b",
                    new WireTicket(BUZZER, T.plusSeconds(60), "TERMINAL_PROBLEM", "TERMINAL", null, "BUZZER"));
            store.project(c, ConsoleExtension.DISTRICT, "st-a",
                    new WireTicket(WATER, T.plusSeconds(120), "NO_HOT_WATER", "VISITOR", null, null));
            store.project(c, ConsoleExtension.DISTRICT, "st-b",
                    new WireTicket(DOOR, T.plusSeconds(180), "DOOR_OR_LOCK", "STAFF", null, null));
        }
    }).withPages(services -> {
        List<org.warmstation.district.console.ConsolePage> pages = new ArrayList<>(ConsolePages.standard(services));
        pages.removeIf(p -> p instanceof TicketInboxPage);
        pages.add(new TicketInboxPage(services, new TicketDownlinks(ConsoleExtension.DISTRICT, new TicketStore(),
                (c, cmd, by) -> {
                    new DownlinkSender(services.database(), ConsoleExtension.DISTRICT).send(c, cmd, by);
                    synchronized (SENT) {
                        SENT.add(cmd);
                    }
                }, services.clock())));
        return pages;
    });

    private static DownlinkCommand lastSent() {
        synchronized (SENT) {
            return SENT.getLast();
        }
    }

    private static TicketStatuses.Entry entry(DownlinkCommand cmd, UUID id) {
        return cmd.tickets().tickets().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void adminAcknowledgesThenResolvesAndTheStationIsSentEachStatus() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.size(1366, 768);
            b.open("/tickets?lang=en");
            b.login(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            b.open("/tickets?lang=en");
            String row = "#ticket-" + HEATER;
            assertEquals("new", b.text(By.cssSelector(row + " .ticket-status")));
            assertTrue(b.text(By.cssSelector(row)).contains("二楼暖气不热"));
            assertTrue(b.text(By.cssSelector("#ticket-" + BUZZER)).contains("BUZZER failed"));

            b.clickAndWaitForNewPage(b.waitFor(By.cssSelector(row + " button.acknowledge")));
            b.waitFor(By.id("ticket-changed"));
            assertEquals("acknowledged", b.text(By.cssSelector(row + " .ticket-status")));
            assertTrue(b.text(By.cssSelector(row + " .ticket-history")).startsWith("acknowledged by admin"));
            DownlinkCommand ack = lastSent();
            assertEquals(DownlinkCommand.Kind.TICKETS, ack.kind());
            assertEquals("st-a", ack.station());
            assertEquals(TicketStatus.ACKNOWLEDGED, entry(ack, HEATER).status());
            assertEquals(TicketStatus.NEW, entry(ack, WATER).status());

            b.clickAndWaitForNewPage(b.waitFor(By.cssSelector(row + " button.resolve")));
            b.waitFor(By.id("ticket-changed"));
            // resolved tickets leave the open view
            new WebDriverWait(b.driver(), Browser.WAIT).until(d -> d.findElements(By.cssSelector(row)).isEmpty());
            b.open("/tickets?show=all&lang=en");
            assertEquals("resolved", b.text(By.cssSelector(row + " .ticket-status")));
            assertTrue(b.text(By.cssSelector(row + " .ticket-history")).contains("resolved by admin"));
            DownlinkCommand resolved = lastSent();
            assertEquals(TicketStatus.RESOLVED, entry(resolved, HEATER).status());
            assertEquals("admin", entry(resolved, HEATER).by());
            DownlinkRecord queued = new DownlinkSender(console.database(), ConsoleExtension.DISTRICT)
                    .history("st-a", 1).getFirst();
            assertEquals(resolved.id(), queued.commandId());
            assertEquals("admin", queued.queuedBy());
            assertTrue(b.driver().findElements(By.cssSelector(row + " button")).isEmpty(), "nothing left to do");

            b.open("/tickets?show=all&lang=zh");
            b.waitFor(By.cssSelector("#ticket-" + BUZZER));
            assertTrue(Files.size(b.screenshot("district-tickets")) > 20_000);
        }
    }

    @Test
    void analystSeesTheInboxWithoutButtonsAndMayNotChangeAStatus() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.open("/tickets?lang=zh");
            b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            b.open("/tickets?lang=zh");
            assertEquals("没有热水", b.text(By.cssSelector("#ticket-" + WATER + " td:nth-child(3)")));
            assertTrue(b.driver().findElements(By.cssSelector("#tickets button")).isEmpty());
        }
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        assertEquals(403, analyst.post("/tickets/" + WATER + "/resolve", Map.of()).status());
    }

    @Test
    void unknownTicketAndBackwardMoveAreRefusedWithAMessage() throws Exception {
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        ConsoleHttp.Response unknown = admin.post("/tickets/" + UUID.randomUUID() + "/resolve?lang=en", Map.of());
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("There is no ticket"), unknown.body());
        assertEquals(404, admin.post("/tickets/not-a-uuid/resolve", Map.of()).status());
        assertEquals(303, admin.post("/tickets/" + DOOR + "/resolve", Map.of()).status());
        ConsoleHttp.Response back = admin.post("/tickets/" + DOOR + "/acknowledge?lang=en", Map.of());
        assertEquals(409, back.status());
        assertTrue(back.body().contains("only move forward"), back.body());
        assertEquals(400, admin.get("/tickets?show=bogus").status());
    }
}

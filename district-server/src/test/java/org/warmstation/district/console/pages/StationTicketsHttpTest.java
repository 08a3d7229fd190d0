package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.ticket.TicketStore;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.WireTicket;

/**
 * A station's page lists that station's tickets — open ones and those resolved in the last 7 days,
 * with status, problem, opened, who acknowledged and resolved them — each linking to the ticket
 * inbox; other stations' tickets and long-resolved ones are not listed. Over HTTP.
 */
class StationTicketsHttpTest {
    private static final Instant NOW = Instant.now();
    private static final Instant T = NOW.minus(Duration.ofDays(10));
    private static final UUID HEATER = UUID.randomUUID();
    private static final UUID WATER = UUID.randomUUID();
    private static final UUID LIGHT = UUID.randomUUID();
    private static final UUID LONG_AGO = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        TicketStore store = new TicketStore();
        int d = ConsoleExtension.DISTRICT;
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id, name) VALUES "
                    + "(110105, 'st-a', '东大桥驿站'), (110105, 'st-b', '呼家楼驿站'), (110105, 'st-c', '团结湖驿站')");
            store.project(c, d, "st-a", new WireTicket(HEATER, NOW.minusSeconds(600), "HEATER_BROKEN", "STAFF", "二楼暖气不热", null));
            store.project(c, d, "st-a", new WireTicket(WATER, NOW.minusSeconds(7200), "NO_HOT_WATER", "VISITOR", null, null));
            store.move(c, d, WATER, TicketStatus.ACKNOWLEDGED, "admin", NOW.minusSeconds(3600));
            store.project(c, d, "st-a", new WireTicket(LIGHT, T, "TERMINAL_PROBLEM", "TERMINAL", null, "BUZZER"));
            store.move(c, d, LIGHT, TicketStatus.RESOLVED, "wang", NOW.minus(Duration.ofDays(2)));
            store.project(c, d, "st-a", new WireTicket(LONG_AGO, T, "DOOR_OR_LOCK", "STAFF", null, null));
            store.move(c, d, LONG_AGO, TicketStatus.RESOLVED, "admin", NOW.minus(Duration.ofDays(8)));
            store.project(c, d, "st-b", new WireTicket(OTHER, NOW.minusSeconds(60), "OTHER", "STAFF", null, null));
        }
    });

    private static String row(String page, UUID id) {
        Matcher m = Pattern.compile("<tr id=\"station-ticket-" + id + "\"(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no row of ticket " + id);
        return m.group(1).replaceAll("\\s+", " ");
    }

    @Test
    void stationPageListsItsOpenAndRecentlyResolvedTicketsLinkingToTheInbox() throws Exception {
        console.clock().set(NOW);
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response r = analyst.get("/stations/st-a?lang=en");
        assertEquals(200, r.status());
        String page = r.body();

        String heater = row(page, HEATER);
        assertTrue(heater.contains("data-status=\"NEW\"") && heater.contains("Heater broken") && heater.contains(">new<"), heater);
        assertTrue(heater.contains("href=\"/tickets?show=open#ticket-" + HEATER + "\""), heater);
        String water = row(page, WATER);
        assertTrue(water.contains("acknowledged") && water.contains("acknowledged by admin"), water);
        assertTrue(water.contains("a visitor"), water);
        String light = row(page, LIGHT);
        assertTrue(light.contains(">resolved<") && light.contains("resolved by wang"), light);
        assertTrue(light.contains("the terminal: BUZZER failed"), light);
        assertTrue(light.contains("href=\"/tickets?show=all#ticket-" + LIGHT + "\""), "a resolved one links to the full inbox: " + light);
        assertTrue(page.indexOf("station-ticket-" + HEATER) < page.indexOf("station-ticket-" + WATER)
                && page.indexOf("station-ticket-" + WATER) < page.indexOf("station-ticket-" + LIGHT), "newest first");
        assertFalse(page.contains("station-ticket-" + LONG_AGO), "resolved 8 days ago: not listed");
        assertFalse(page.contains("station-ticket-" + OTHER), "another station's ticket");
        assertTrue(page.contains("id=\"station-tickets-inbox\" href=\"/tickets\""), "links to the inbox");

        assertTrue(analyst.get("/stations/st-b?lang=en").body().contains("station-ticket-" + OTHER));
        String none = analyst.get("/stations/st-c?lang=zh").body();
        assertTrue(none.contains("id=\"station-tickets-empty\"") && none.contains("没有未解决或近期已解决的报修"), none);
        assertFalse(analyst.get("/tickets?lang=en").body().contains("id=\"station-tickets\""),
                "the inbox itself does not show the station fragment");
    }
}

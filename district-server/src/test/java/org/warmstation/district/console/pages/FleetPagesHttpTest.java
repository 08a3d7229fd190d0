package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.db.VisitStore;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/** The stations data, the map's tile setting and the public finder over HTTP (no browser). */
class FleetPagesHttpTest {
    private static final String TILES = "https://tiles.example.cn/{z}/{x}/{y}.png";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension()
            .withSettings(s -> s.withMapTiles(Optional.of(TILES)))
            .withSetup(FleetPagesHttpTest::seed);

    /** Two stations with a profile, one with visits of 6 members (shown) and one of 3 members (<5). */
    static void seed(DistrictDatabase db) throws Exception {
        Instant now = Instant.now();
        try (Connection c = db.connection()) {
            for (String id : List.of("CY-0101", "CY-0102")) {
                new StationStore().recordStatus(c, new StationStatus(StationStatus.SCHEMA, ConsoleExtension.DISTRICT, id,
                        StationStatus.State.ONLINE, "0.1.0", now, null, new StationProfile("驿站" + id, "", 39.9, 116.4,
                        "", OpeningHours.parse("MON-SUN 00:00-24:00"), List.of("TOILET"), "Asia/Shanghai"), 3600), now);
            }
            new VisitStore().store(c, VisitBatch.of(ConsoleExtension.DISTRICT, "CY-0101", now, visits(6, now)));
            new VisitStore().store(c, VisitBatch.of(ConsoleExtension.DISTRICT, "CY-0102", now, visits(3, now)));
        }
    }

    private static List<WireVisit> visits(int members, Instant now) {
        List<WireVisit> out = new ArrayList<>();
        for (int i = 0; i < members * 2; i++) {
            out.add(new WireVisit(UUID.randomUUID(), i + 1, 1, now.minusSeconds(300), ZoneId.of("Asia/Shanghai").getId(),
                    String.format("%016x", 0xb0 + i % members), 7, "COURIER", List.of("TOILET"), "CARD", true, 1000));
        }
        return out;
    }

    private JsonNode station(JsonNode data, String id) {
        for (JsonNode s : data.get("stations")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no station " + id + " in " + data);
    }

    @Test
    void stationWhoseCardListsWereReceivedMoreThan24HoursAgoIsFlagged() throws Exception {
        // a console clock 10 s on: the other tests' snapshot (shared for FleetData.SHARED_FOR) is not reused
        Instant now = Instant.now().plusSeconds(10);
        console.clock().set(now);
        try (Connection c = console.database().connection(); var ps = c.prepareStatement("""
                UPDATE station SET deny_list_version = ?, deny_list_received_at = ?, trust_list_version = 2,
                       trust_list_received_at = ? WHERE station_id = ?""")) {
            ps.setLong(1, 7);
            ps.setTimestamp(2, java.sql.Timestamp.from(now.minusSeconds(3600)));
            ps.setTimestamp(3, java.sql.Timestamp.from(now.minusSeconds(3600)));
            ps.setString(4, "CY-0101");
            ps.executeUpdate();
            ps.setLong(1, 6);
            ps.setTimestamp(2, java.sql.Timestamp.from(now.minusSeconds(25 * 3600)));
            ps.setString(4, "CY-0102");
            ps.executeUpdate();
        }
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        JsonNode data = JSON.readTree(analyst.get("/api/stations").body());
        assertEquals(7, station(data, "CY-0101").get("denyVersion").asLong());
        assertEquals(2, station(data, "CY-0101").get("trustVersion").asLong());
        assertFalse(station(data, "CY-0101").get("listsStale").asBoolean());
        assertEquals(6, station(data, "CY-0102").get("denyVersion").asLong());
        assertTrue(station(data, "CY-0102").get("listsStale").asBoolean(), "deny list received 25 h ago");
    }

    @Test
    void stationDataSuppressesSmallCountsAndBothCellsOfALineThatWouldRevealOne() throws Exception {
        console.clock().set(Instant.now());
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response r = analyst.get("/api/stations");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"));
        JsonNode data = JSON.readTree(r.body());
        assertEquals("<5", station(data, "CY-0102").get("visits").asText());
        assertEquals(-1, station(data, "CY-0102").get("visitsSort").asLong());
        // 12 visits of 6 members alone would be shown, but the district total (18) would then reveal 6
        assertEquals("<5", station(data, "CY-0101").get("visits").asText());
        assertEquals(1, data.get("outline").size()); // both at one point: no polygon, the point itself
        assertEquals("ONLINE", station(data, "CY-0101").get("state").asText());
        assertEquals(5, data.get("k").asInt());
    }

    @Test
    void stationDataRefusesAnonymousRequestsWith401() throws Exception {
        assertEquals(401, console.http().get("/api/stations").status());
    }

    @Test
    void mapUsesTheConfiguredTileServer() throws Exception {
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response r = analyst.get("/map?lang=en");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("data-tiles=\"" + TILES + "\""), r.body());
        assertTrue(r.body().contains("/webjars/leaflet/1.9.4/dist/leaflet.js"));
        assertFalse(r.body().contains("unpkg") || r.body().contains("cdn"), "no CDN");
        assertEquals(200, analyst.get("/webjars/leaflet/1.9.4/dist/leaflet.js").status());
    }

    @Test
    void publicFinderAnswersWithoutLoginAndRefusesBadCoordinatesWith400() throws Exception {
        ConsoleHttp anonymous = console.http();
        ConsoleHttp.Response ok = anonymous.get("/stations/public?lat=39.9&lon=116.4&lang=en");
        assertEquals(200, ok.status());
        assertTrue(ok.body().contains("驿站CY-0101") && ok.body().contains("Open now"), ok.body());
        assertFalse(ok.body().contains("CY-0101\"") || ok.body().contains("visits"), "no ids or counts");
        for (String bad : List.of("lat=95&lon=116.4", "lat=39.9&lon=east", "lat=39.9", "lat=NaN&lon=1")) {
            ConsoleHttp.Response r = anonymous.get("/stations/public?" + bad + "&lang=en");
            assertEquals(400, r.status(), bad);
            assertTrue(r.body().contains("Invalid coordinates"), bad);
        }
    }
}

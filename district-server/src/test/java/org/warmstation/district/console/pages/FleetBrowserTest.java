package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.db.VisitStore;
import org.warmstation.district.fleet.FleetQuery;
import org.warmstation.district.fleet.FleetSettings;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.district.testing.SimulatedStation;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/**
 * The stations page, the map and the public finder in headless Chromium, over a district server
 * receiving from a real Mosquitto: one marker per station, a station whose TCP connection is cut
 * turns OFFLINE on both pages within 10 s, a connected station without heartbeats turns QUIET, the
 * finder lists open stations and never a count. Screenshots: district-stations, district-map,
 * district-public (target/screenshots).
 */
class FleetBrowserTest {
    private static final int D = ConsoleExtension.DISTRICT;
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String ALWAYS = "MON-SUN 00:00-24:00";
    private static final String NEVER_TODAY = ""; // hours not published

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(FleetBrowserTest::seed);

    private static Path dir;
    private static MosquittoBroker broker;
    private static DistrictServer district;
    private static ScheduledExecutorService ticker;

    /** Six Chaoyang stations: open/closed, online/offline, one with 37 visits today, one with 2. */
    static void seed(DistrictDatabase db) throws Exception {
        StationStore stations = new StationStore();
        Instant now = Instant.now();
        try (Connection c = db.connection()) {
            station(c, stations, "CY-0001", "朝阳门外驿站", 39.9219, 116.4436, ALWAYS, StationStatus.State.ONLINE, now);
            station(c, stations, "CY-0002", "三里屯驿站", 39.9335, 116.4551, ALWAYS, StationStatus.State.ONLINE, now);
            station(c, stations, "CY-0003", "望京驿站", 39.9961, 116.4700, NEVER_TODAY, StationStatus.State.ONLINE, now);
            station(c, stations, "CY-0004", "国贸驿站", 39.9087, 116.4605, ALWAYS, StationStatus.State.OFFLINE, now);
            station(c, stations, "CY-0005", "双井驿站", 39.8935, 116.4610, ALWAYS, StationStatus.State.ONLINE, now);
            station(c, stations, "CY-0006", "酒仙桥驿站", 39.9700, 116.4950, NEVER_TODAY, StationStatus.State.OFFLINE, now);
            VisitStore visits = new VisitStore();
            visits.store(c, VisitBatch.of(D, "CY-0001", now, visits(37, 9, now)));
            visits.store(c, VisitBatch.of(D, "CY-0002", now, visits(12, 6, now)));
            visits.store(c, VisitBatch.of(D, "CY-0005", now, visits(2, 2, now)));
        }
    }

    private static void station(Connection c, StationStore stations, String id, String name, double lat, double lon,
                                String hours, StationStatus.State state, Instant now) throws Exception {
        StationProfile p = new StationProfile(name, "北京市朝阳区" + name, lat, lon, "010-6500 0000",
                OpeningHours.parse(hours), List.of("HOT_WATER", "TOILET", "CHARGING"), "Asia/Shanghai");
        // an hourly heartbeat: the seeded stations stay ONLINE (and "busy" fresh) however long the suite runs
        stations.recordStatus(c, new StationStatus(StationStatus.SCHEMA, D, id, state, "0.1.0", now.minusSeconds(3600),
                null, p, 3600), now);
        stations.recordTelemetry(c, new Telemetry(Telemetry.SCHEMA, D, id, now, "0.1.0", 60, 4, null, 0, 1_000_000_000L,
                false, true, 17.0, 0, 40L, 20L), now);
    }

    private static List<WireVisit> visits(int n, int members, Instant now) {
        // today in Beijing, whatever the hour: ten minutes back from now, but never before midnight
        // (a run just after 16:00 UTC seeded them on the day before and the map showed 0)
        Instant midnight = java.time.LocalDate.ofInstant(now, BEIJING).atStartOfDay(BEIJING).toInstant();
        List<WireVisit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = now.minusSeconds(600 - i);
            out.add(new WireVisit(UUID.randomUUID(), i + 1, 1, at.isBefore(midnight) ? midnight.plusMillis(i) : at,
                    BEIJING.getId(),
                    String.format("%016x", 0xa0 + i % members), 7, "COURIER", List.of("HOT_WATER"), "CARD", true, 1000));
        }
        return out;
    }

    @BeforeAll
    static void startDistrict() throws Exception {
        // the console's clock follows the real one: quiet/offline come from real MQTT traffic
        ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true).unstarted(r));
        ticker.scheduleAtFixedRate(() -> console.clock().set(Instant.now()), 0, 100, TimeUnit.MILLISECONDS);
        dir = Files.createTempDirectory("fleet-browser");
        broker = MosquittoBroker.start(dir.resolve("broker"), "");
        district = DistrictServer.start(console.database(), new ReceiverSettings(broker.url(), null, null,
                "district-console-test", D, "district", Duration.ofSeconds(2)), new DistrictService.LedgerSettings(
                Duration.ZERO, Duration.ofMinutes(1), Optional.empty()), Duration.ofHours(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!district.receiver().ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(district.receiver().ready(), "district server did not subscribe");
    }

    @AfterAll
    static void stopDistrict() {
        if (district != null) {
            district.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private static StationProfile simProfile(String name) {
        return new StationProfile(name, "北京市朝阳区测试路 1 号", 39.95, 116.43, "010-6500 0001",
                OpeningHours.parse(ALWAYS), List.of("HOT_WATER"), "Asia/Shanghai");
    }

    private static Browser analyst(String path) throws Exception {
        Browser b = new Browser(console.url());
        b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        b.open(path);
        return b;
    }

    private static By row(String station, String state) {
        return By.cssSelector("#stations-table tr[data-station='" + station + "'][data-state='" + state + "']");
    }

    private static By marker(String station, String state) {
        return By.cssSelector("#map path.station-marker[data-station='" + station + "'][data-state='" + state + "']");
    }

    private static long waitUntilPresent(Browser b, By by, Duration limit, long startNanos) {
        Duration left = limit.minusNanos(System.nanoTime() - startNanos);
        new WebDriverWait(b.driver(), left.isNegative() ? Duration.ZERO : left, Duration.ofMillis(100))
                .until(d -> !d.findElements(by).isEmpty());
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long stationsWithCoordinates() throws Exception {
        try (Connection c = console.database().connection()) {
            return new FleetQuery(FleetSettings.DEFAULTS).stations(c, Instant.now()).stream()
                    .filter(v -> v.place() != null).count();
        }
    }

    @Test
    void mapHasOneMarkerPerStationWithTheOutlineOnABlankBackground() throws Exception {
        try (Browser map = analyst("/map")) {
            new WebDriverWait(map.driver(), Browser.WAIT).until(d -> {
                try {
                    return d.findElements(By.cssSelector("#map path.station-marker")).size() == stationsWithCoordinates();
                } catch (Exception e) {
                    return false;
                }
            });
            assertTrue(stationsWithCoordinates() >= 6);
            assertTrue(map.driver().findElements(By.cssSelector("#map .leaflet-tile")).isEmpty(), "no tiles offline");
            assertEquals(1, map.driver().findElements(By.cssSelector("#map path")).size()
                    - map.driver().findElements(By.cssSelector("#map path.station-marker")).size(),
                    "one more path than markers: the district outline");
            map.driver().findElement(marker("CY-0001", "ONLINE")).click();
            WebElement popup = map.waitFor(By.cssSelector(".station-popup"));
            assertTrue(popup.getText().contains("朝阳门外驿站"), popup.getText());
            assertTrue(popup.getText().contains("今日人次：37"), popup.getText());
            String nav = popup.findElement(By.tagName("a")).getAttribute("href");
            assertTrue(nav.startsWith("https://uri.amap.com/marker?position=116.443600,39.921900"), nav);
            assertTrue(Files.size(map.screenshot("district-map")) > 10_000);
        }
    }

    @Test
    void stationsPageShowsStateBacklogVersionAndSuppressedVisitsAndSortsAndFilters() throws Exception {
        try (Browser page = analyst("/stations")) {
            page.waitFor(row("CY-0001", "ONLINE"));
            page.waitFor(row("CY-0004", "OFFLINE"));
            WebElement first = page.driver().findElement(row("CY-0001", "ONLINE"));
            assertEquals("37", first.findElement(By.cssSelector(".visits")).getText());
            assertEquals("4", first.findElement(By.cssSelector(".backlog")).getText());
            assertEquals("0.1.0", first.findElement(By.cssSelector(".version")).getText());
            assertTrue(first.findElement(By.cssSelector("td a")).getAttribute("href").endsWith("/stations/CY-0001"));
            // 2 visits of 2 members: <5; then 12 hidden too, so the total on the overview cannot reveal it
            assertEquals("<5", page.driver().findElement(By.cssSelector("tr[data-station='CY-0005'] .visits")).getText());
            assertEquals("<5", page.driver().findElement(By.cssSelector("tr[data-station='CY-0002'] .visits")).getText());
            page.driver().findElement(By.cssSelector("th[data-key='visitsSort']")).click();
            page.driver().findElement(By.cssSelector("th[data-key='visitsSort']")).click(); // descending
            new WebDriverWait(page.driver(), Browser.WAIT).until(d -> "CY-0001".equals(
                    d.findElement(By.cssSelector("#stations-table tbody tr")).getAttribute("data-station")));
            assertTrue(Files.size(page.screenshot("district-stations")) > 10_000);
            page.driver().findElement(By.id("stations-filter")).sendKeys("望京");
            new WebDriverWait(page.driver(), Browser.WAIT).until(d ->
                    d.findElements(By.cssSelector("#stations-table tbody tr")).size() == 1);
            assertEquals("CY-0003", page.driver().findElement(By.cssSelector("#stations-table tbody tr"))
                    .getAttribute("data-station"));
            page.open("/stations?lang=en");
            assertEquals("online", page.waitFor(row("CY-0001", "ONLINE")).findElement(By.cssSelector(".state")).getText());
            assertEquals("Station status", page.text(By.tagName("h1")));
        }
    }

    @Test
    void aStationWhoseConnectionIsCutTurnsOfflineOnTheStationsPageAndTheMapWithinTenSeconds() throws Exception {
        try (SimulatedStation sim = SimulatedStation.connect(broker.url(), D, "SIM-KILL", simProfile("断线测试驿站"), 60);
             Browser page = analyst("/stations");
             Browser map = analyst("/map")) {
            long t = System.nanoTime();
            waitUntilPresent(page, row("SIM-KILL", "ONLINE"), Browser.WAIT, t);
            waitUntilPresent(map, marker("SIM-KILL", "ONLINE"), Browser.WAIT, t);
            long killed = System.nanoTime();
            sim.kill();
            long onPage = waitUntilPresent(page, row("SIM-KILL", "OFFLINE"), TEN_SECONDS, killed);
            long onMap = waitUntilPresent(map, marker("SIM-KILL", "OFFLINE"), TEN_SECONDS, killed);
            System.out.printf("connection cut -> OFFLINE on the stations page after %d ms, on the map after %d ms%n",
                    onPage, onMap);
            assertTrue(onPage <= TEN_SECONDS.toMillis() && onMap <= TEN_SECONDS.toMillis());
        }
    }

    @Test
    void aConnectedStationWithoutHeartbeatsTurnsQuietOnBothPages() throws Exception {
        try (Browser page = analyst("/stations");
             Browser map = analyst("/map")) {
            long connected = System.nanoTime();
            // announced heartbeat 2 s, none sent: quiet 5 s after the birth message, while still connected
            try (SimulatedStation sim = SimulatedStation.connect(broker.url(), D, "SIM-QUIET", simProfile("静默测试驿站"), 2)) {
                long onPage = waitUntilPresent(page, row("SIM-QUIET", "QUIET"), Browser.WAIT, connected);
                long onMap = waitUntilPresent(map, marker("SIM-QUIET", "QUIET"), Browser.WAIT, connected);
                System.out.printf("connected, heartbeat 2 s announced, none sent -> QUIET on the stations page after %d ms,"
                        + " on the map after %d ms (threshold 5 s)%n", onPage, onMap);
                assertTrue(onPage >= 5000, "not quiet before 2.5 heartbeats: " + onPage + " ms");
                sim.heartbeat(0);
                waitUntilPresent(page, row("SIM-QUIET", "ONLINE"), Browser.WAIT, System.nanoTime());
            }
        }
    }

    @Test
    void publicFinderListsOpenStationsNearestFirstWithoutLoginAndWithoutCounts() throws Exception {
        try (Browser anonymous = new Browser(console.url())) {
            anonymous.size(412, 915);
            anonymous.open("/stations/public?lat=39.92&lon=116.45&open=1");
            List<String> names = anonymous.driver().findElements(By.cssSelector(".finder-station h2")).stream()
                    .map(WebElement::getText).toList();
            assertEquals("朝阳门外驿站", names.getFirst(), names.toString()); // 0.6 km from the point
            assertTrue(names.containsAll(List.of("三里屯驿站", "国贸驿站", "双井驿站")), names.toString());
            assertFalse(names.contains("望京驿站") || names.contains("酒仙桥驿站"), "hours not published: " + names);
            String text = anonymous.driver().findElement(By.tagName("body")).getText();
            assertFalse(text.contains("37") || text.contains("人次") || text.contains("CY-0001"), text);
            assertTrue(text.contains("正在开放") && text.contains("较忙") && text.contains("导航"), text);
            assertTrue(Files.size(anonymous.screenshot("district-public")) > 10_000);
            anonymous.open("/stations/public?lat=north&lon=116.45");
            assertTrue(anonymous.text(By.id("finder-error")).contains("坐标无效"));
        }
    }
}

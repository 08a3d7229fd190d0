package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.kiosk.app.KioskRuntime;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.ui.SameThreadTaskExecutor;

/**
 * The district part of {@code ./station demo} without a display: the demo district loads the
 * simulated Chaoyang district, serves the console at the printed URL, and the printed login sees
 * the simulated stations and the demo kiosk; a second start of the same demo data adds no copy.
 */
class DemoConsoleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern URL = Pattern.compile("demo console: (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern LOGIN = Pattern.compile("demo console login: demo / (\\S+) \\(role admin\\)");

    private record Demo(KioskRuntime kiosk, DemoSyncServices services, List<String> printed) {
    }

    private static Demo start(Path data) throws Exception {
        SameThreadTaskExecutor ui = new SameThreadTaskExecutor();
        KioskRuntime kiosk = KioskRuntime.demo(data, ui);
        List<String> printed = new CopyOnWriteArrayList<>();
        DemoSyncServices services = DemoSyncServices.start(data, kiosk.demo().orElseThrow(), null,
                new DemoSyncServices.Console(0, printed::add));
        kiosk.attach(services);
        kiosk.startServices();
        await("the URL and the login printed", () -> printed.size() >= 2);
        return new Demo(kiosk, services, printed);
    }

    @Test
    void demoPrintsTheConsoleUrlAndALoginThatSeesTheSimulatedDistrict(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("demo-data");
        long visitsFirst;
        Demo demo = start(data);
        try {
            Matcher url = URL.matcher(demo.printed().get(0));
            Matcher login = LOGIN.matcher(demo.printed().get(1));
            assertTrue(url.matches(), demo.printed().toString());
            assertTrue(login.matches(), demo.printed().toString());
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> form = get(http, url.group(1) + "/login");
            assertEquals(200, form.statusCode());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertTrue(csrf.find(), "the login form has its CSRF token");
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=demo&password="
                            + URLEncoder.encode(login.group(1), StandardCharsets.UTF_8) + "&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, in.statusCode());
            assertTrue(in.uri().getPath().equals("/"), "logged in, on the overview: " + in.uri());
            HttpResponse<String> stations = get(http, url.group(1) + "/api/stations");
            assertEquals(200, stations.statusCode(), stations.body());
            assertTrue(stations.body().contains("东大桥驿站（模拟）"), "a simulated station is listed");
            assertTrue(stations.body().contains("望京SOHO驿站（模拟）"), "another simulated station is listed");
            DistrictDatabase db = demo.services().database().orElseThrow();
            await("the demo kiosk's profile reached the district", () -> demoStationName(db).equals(DemoStation.STATION_NAME));
            assertTrue(get(http, url.group(1) + "/api/stations").body().contains(DemoStation.STATION_NAME),
                    "the demo kiosk is listed with its name");
            String dpkg = UpdateWiring.architecture(UpdateWiring.dpkg()); // this machine's, as a terminal's
            assertEquals(dpkg == null ? "" : dpkg, text(db, "SELECT coalesce(architecture, '') FROM station"
                    + " WHERE station_id = '" + DemoStation.STATION_ID + "'"), "its birth message named it (decision 0285)");
            assertEquals(40, count(db, "SELECT count(*) FROM station WHERE simulated"));
            visitsFirst = count(db, "SELECT count(*) FROM visit WHERE station_id LIKE 'CY-S%'");
            assertTrue(visitsFirst > 30_000, "30 days of visits: " + visitsFirst);
        } finally {
            demo.kiosk().close();
        }
        assertTrue(Files.isRegularFile(data.resolve(DemoConsole.LOGIN_FILE)));

        Demo again = start(data);
        try {
            assertEquals(LOGIN.matcher(demo.printed().get(1)).replaceAll("$1"),
                    LOGIN.matcher(again.printed().get(1)).replaceAll("$1"), "the same login after a restart");
            DistrictDatabase db = again.services().database().orElseThrow();
            long visits = count(db, "SELECT count(*) FROM visit WHERE station_id LIKE 'CY-S%'");
            assertTrue(visits >= visitsFirst && visits < visitsFirst + 500, "not loaded twice: " + visitsFirst + " then " + visits);
            assertEquals(visits, count(db, "SELECT count(DISTINCT (station_id, seq)) FROM visit WHERE station_id LIKE 'CY-S%'"));
            assertEquals(40, count(db, "SELECT count(*) FROM station WHERE simulated"));
        } finally {
            again.kiosk().close();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String demoStationName(DistrictDatabase db) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(name, '') FROM station WHERE station_id = ?")) {
            ps.setString(1, DemoStation.STATION_ID);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(DistrictDatabase db, String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(DistrictDatabase db, String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}

package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.warmstation.district.DistrictServerCli;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.report.ReportData;
import org.warmstation.district.report.ReportExportTest;
import picocli.CommandLine;

/**
 * The overview, station detail and reports pages in headless Chromium over a seeded district
 * (a busy station, two ordinary ones and a quiet one with a visit a day), against
 * {@code district-server report --csv} on the same database.
 */
class ReportPagesBrowserTest {
    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            ReportData.generate(5, 4, today().minusDays(40), 41).store(c);
            st.execute("UPDATE station SET status = 'ONLINE', state_since = now(), last_message_at = now() "
                    + "WHERE station_id <> 'st-03'");
            st.execute("INSERT INTO reconciliation_finding (district_id, station_id, day, kind, first_seq, last_seq, detail) "
                    + "VALUES (110105, 'st-00', '" + today().minusDays(2) + "', 'GAP', 40, 44, 'visits 40..44 missing')");
        }
    });

    private static LocalDate today() {
        return LocalDate.now(console.clock());
    }

    private static List<List<String>> cli(String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "--jdbc-url=" + console.database().url();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        assertEquals(0, cl.execute(all), err.toString());
        return ReportExportTest.parseCsv(out.toString());
    }

    @Test
    void overviewShowsTheDistrictTotalsOfTheCliReport() throws Exception {
        List<String> todayTotal = cli("report", "--csv", "--date", today().toString()).get(1);
        List<String> lastWeekTotal = cli("report", "--csv", "--date", today().minusDays(7).toString()).get(1);
        try (Browser browser = new Browser(console.url())) {
            browser.open("/");
            browser.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            assertEquals(todayTotal.get(3), browser.text(By.id("overview-total-visits")));
            assertEquals(todayTotal.get(4), browser.text(By.id("overview-total-members")));
            assertEquals(lastWeekTotal.get(3), browser.text(By.id("overview-last-visits")));
            assertEquals(lastWeekTotal.get(4), browser.text(By.id("overview-last-members")));
            assertTrue(Long.parseLong(todayTotal.get(3)) > 20, "a day of the seeded district is not suppressed");
            assertEquals("3", browser.text(By.id("overview-online")));
            browser.waitFor(By.cssSelector("#hour-chart canvas"));
            assertTrue(browser.driver().findElements(By.cssSelector("#category-table tbody tr")).size() >= 3);
            Files.size(browser.screenshot("district-overview"));
        }
    }

    @Test
    void reportPageAndItsCsvAndXlsxDownloadsEqualTheCliReport() throws Exception {
        LocalDate from = today().minusDays(2); // three days: the quiet station has three visits
        List<List<String>> cli = cli("report", "--csv", "--from", from.toString(), "--to", today().toString());
        try (Browser browser = new Browser(console.url())) {
            browser.open("/");
            browser.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            browser.open("/reports");
            WebElement f = browser.waitFor(By.id("report-from"));
            f.clear();
            f.sendKeys(from.toString());
            WebElement t = browser.waitFor(By.id("report-to"));
            t.clear();
            t.sendKeys(today().toString());
            browser.waitFor(By.id("report-submit")).click();
            browser.waitFor(By.id("report-total-visits"));
            assertEquals(cli.get(1).get(3), browser.text(By.id("report-total-visits")));
            assertEquals(cli.get(1).get(4), browser.text(By.id("report-total-members")));
            // the quiet station (a visit a day) is under k: its line reads <5 in both columns
            WebElement quiet = browser.waitFor(By.xpath("//table[@id='report-stations']//tr[td/a[text()='st-03']]"));
            assertTrue(cli.contains(List.of("STATION", "st-03", "", "<5", "<5")), cli.toString());
            assertEquals(List.of("st-03", "<5", "<5"), quiet.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText).toList());

            String session = browser.driver().manage().getCookieNamed("ws_session").getValue();
            byte[] csv = download(browser.waitFor(By.id("download-csv")).getAttribute("href"), session);
            assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 BOM");
            assertEquals(cli, ReportExportTest.parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)));
            byte[] xlsx = download(browser.waitFor(By.id("download-xlsx")).getAttribute("href"), session);
            assertEquals(cli, ReportExportTest.parseXlsx(xlsx));
        }
    }

    @Test
    void stationDetailShowsTrendHeatMapAndFindingsAndUnknownStationIs404() throws Exception {
        try (Browser browser = new Browser(console.url())) {
            browser.open("/");
            browser.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            browser.open("/stations/st-00");
            List<List<String>> cli = cli("report", "--csv", "--from", today().minusDays(29).toString(), "--to",
                    today().toString());
            String stationVisits = cli.stream().filter(l -> l.get(0).equals("STATION") && l.get(1).equals("st-00"))
                    .findFirst().orElseThrow().get(3);
            assertEquals(stationVisits, browser.text(By.id("station-total")));
            assertEquals(7, browser.driver().findElements(By.cssSelector("#heat-table tbody tr")).size());
            assertTrue(browser.text(By.id("findings-table")).contains("40–44"));
            browser.waitFor(By.cssSelector("#trend-chart canvas"));
            Files.size(browser.screenshot("district-station"));
            browser.open("/stations/st-03");
            assertTrue(browser.driver().findElements(By.xpath("//table[@id='trend-table']//td[text()='<5']")).size() >= 2,
                    "the quiet station's days are <5");
        }
        ConsoleHttp http = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response missing = http.get("/stations/no-such-station");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("no-such-station"), missing.body());
    }

    @Test
    void badRangesAreA400MessagePage() throws Exception {
        ConsoleHttp http = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response tooLong = http.get("/reports?from=2025-01-01&to=2026-06-01&lang=en");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("at most 400"), tooLong.body());
        assertEquals(400, http.get("/reports?from=2026-13&lang=en").status());
        assertEquals(400, http.get("/reports?from=2026-11-20&to=2026-11-01").status());
        assertEquals(400, http.get("/reports/report.csv?from=yesterday").status());
        assertEquals(400, http.get("/reports?cross=everything").status());
    }

    private static byte[] download(String url, String session) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "ws_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}

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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictServerCli;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.loan.LoanBook;
import org.warmstation.district.report.ReportExportTest;
import org.warmstation.district.supply.RatingProjection;
import org.warmstation.district.supply.SupplyProjection;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.supply.SupplyMovement;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireLoan;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireSupply;
import picocli.CommandLine;

/**
 * The CSV and XLSX downloads of the supplies page (handouts, stock, ratings) and the loans page
 * over HTTP, against {@code district-server report --supplies|--stock|--ratings|--loans --csv} on
 * the same database: the same cells, small cells as {@code <5} in every one, a UTF-8 BOM on the CSV.
 */
class OpsReportDownloadsHttpTest {
    private static final Instant T = Instant.now().minusSeconds(120);
    private static final String MEMBER = "00000000000000c2";
    private static long seq;

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        int d = ConsoleExtension.DISTRICT;
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id, name) VALUES "
                    + "(110105, 'st-a', '东大桥驿站'), (110105, 'st-b', '呼家楼驿站')");
            c.setAutoCommit(false);
            Topics a = new Topics(d, "st-a");
            Topics b = new Topics(d, "st-b");
            supply(c, a, SupplyMovement.DELIVERY, "GLOVES", 20, 20, null);
            supply(c, a, SupplyMovement.DELIVERY, "HATS", 5, 5, null);
            for (int i = 0; i < 6; i++) {
                supply(c, a, SupplyMovement.HANDOUT, "GLOVES", 1, 19 - i, WorkerCategory.COURIER);
            }
            supply(c, a, SupplyMovement.HANDOUT, "HATS", 1, 4, WorkerCategory.SANITATION);
            supply(c, a, SupplyMovement.HANDOUT, "HATS", 1, 3, WorkerCategory.SANITATION);
            supply(c, b, SupplyMovement.DELIVERY, "DRINKS", 48, 48, null);
            for (RatingAnswer answer : List.of(RatingAnswer.SATISFIED, RatingAnswer.SATISFIED, RatingAnswer.SATISFIED,
                    RatingAnswer.NEUTRAL, RatingAnswer.DISSATISFIED, RatingAnswer.SATISFIED)) {
                rating(c, a, answer);
            }
            rating(c, b, RatingAnswer.DISSATISFIED);
            LoanBook book = new LoanBook();
            book.lent(c, d, "st-a", new WireLoan("LENT", UUID.randomUUID(), "UMBRELLA", MEMBER,
                    T.minus(Duration.ofDays(5))));
            book.lent(c, d, "st-a", new WireLoan("LENT", UUID.randomUUID(), "RAINCOAT", MEMBER,
                    T.minus(Duration.ofDays(1))));
            book.returned(c, d, "st-b", UUID.randomUUID(), new WireLoan("RETURNED", null, "RAINCOAT", MEMBER,
                    T.minus(Duration.ofHours(20))));
            c.commit();
        }
    });

    private static void supply(Connection c, Topics station, SupplyMovement m, String item, int quantity, int after,
                               WorkerCategory category) throws SQLException {
        UUID id = UUID.randomUUID();
        RecordBody body = new WireSupply(id, T, m, item, quantity, after, 10, category == null ? null : UUID.randomUUID(),
                category, false);
        new SupplyProjection().stored(c, station, RecordTypes.standard().record(id, ++seq, 1, T, body), body);
    }

    private static void rating(Connection c, Topics station, RatingAnswer answer) throws SQLException {
        RecordBody body = new WireRating(UUID.randomUUID(), T, answer, List.of());
        new RatingProjection().stored(c, station, RecordTypes.standard().record(UUID.randomUUID(), ++seq, 1, T, body), body);
    }

    private static LocalDate today() {
        return LocalDate.now(console.clock());
    }

    private static List<List<String>> cli(String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("report", "--jdbc-url=" + console.database().url(), "--csv",
                "--district", Integer.toString(ConsoleExtension.DISTRICT), "--zone", console.clock().getZone().getId()));
        all.addAll(List.of(args));
        assertEquals(0, cl.execute(all.toArray(String[]::new)), err.toString());
        return ReportExportTest.parseCsv(out.toString().stripTrailing());
    }

    /** Logs in as analyst and returns a session cookie. */
    private static String session() throws Exception {
        ConsoleHttp http = new ConsoleHttp(console.url());
        http.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        return http.cookie("ws_session").orElseThrow();
    }

    private static byte[] download(String path, String session) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.url() + path))
                .header("Cookie", "ws_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private static List<List<String>> csv(byte[] csv) {
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 BOM");
        return ReportExportTest.parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).stripTrailing());
    }

    @Test
    void suppliesDownloadsEqualTheCliWithSmallCellsSuppressed() throws Exception {
        String session = session();
        String from = today().minusDays(1).toString();
        String to = today().toString();
        String query = "?from=" + from + "&to=" + to;

        List<List<String>> handouts = cli("--supplies", "--from", from, "--to", to);
        assertEquals(List.of("month", "station_id", "station", "item", "category", "units"), handouts.get(0));
        assertTrue(handouts.stream().anyMatch(l -> l.get(3).equals("GLOVES") && l.get(5).equals("6")), handouts.toString());
        assertTrue(handouts.stream().anyMatch(l -> l.get(3).equals("HATS") && l.get(5).equals("<5")),
                "two hats from two guests: suppressed " + handouts);
        assertEquals(handouts, csv(download("/supplies/handouts.csv" + query, session)));
        assertEquals(handouts, ReportExportTest.parseXlsx(download("/supplies/handouts.xlsx" + query, session)));

        List<List<String>> ratings = cli("--ratings", "--from", from, "--to", to);
        List<String> big = ratings.stream().filter(l -> l.get(1).equals("st-a")).findFirst().orElseThrow();
        assertEquals(List.of("6", "67", "17", "17"), big.subList(3, 7));
        List<String> small = ratings.stream().filter(l -> l.get(1).equals("st-b")).findFirst().orElseThrow();
        assertEquals(List.of("<5", "–", "–", "–"), small.subList(3, 7), "one rating: count and shares hidden");
        assertEquals(ratings, csv(download("/supplies/ratings.csv" + query, session)));
        assertEquals(ratings, ReportExportTest.parseXlsx(download("/supplies/ratings.xlsx" + query, session)));

        List<List<String>> stock = cli("--stock");
        assertEquals(List.of("st-a", "东大桥驿站", "HATS", "3", "10", "yes"), stock.get(1).subList(0, 6), "low first");
        assertEquals(stock, csv(download("/supplies/stock.csv", session)));
        assertEquals(stock, ReportExportTest.parseXlsx(download("/supplies/stock.xlsx", session)));

        String page = new String(download("/supplies" + query, session), StandardCharsets.UTF_8);
        assertTrue(page.contains("/supplies/handouts.xlsx?from=" + from + "&amp;to=" + to), "the page links its downloads");
    }

    @Test
    void loansDownloadsEqualTheCli() throws Exception {
        String session = session();
        List<List<String>> loans = cli("--loans");
        assertTrue(loans.contains(List.of("st-a", "东大桥驿站", "1", "1", "1", "0")), "umbrella out and overdue, raincoat back "
                + loans);
        assertTrue(loans.contains(List.of("st-b", "呼家楼驿站", "0", "0", "0", "0")), loans.toString());
        assertEquals(List.of("TOTAL", "", "1", "1", "1", "0"), loans.getLast());
        assertEquals(loans, csv(download("/loans/loans.csv", session)));
        assertEquals(loans, ReportExportTest.parseXlsx(download("/loans/loans.xlsx", session)));
    }
}

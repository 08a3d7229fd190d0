package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.VisitStore;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;
import picocli.CommandLine;

/** The CLI's report and stations commands over an embedded PostgreSQL data directory filled by hand. */
class DistrictServerCliTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String M1 = "00000000000000a1";
    private static final String M2 = "00000000000000a2";
    private static final String M3 = "00000000000000a3";

    @TempDir
    static Path dir;

    @BeforeAll
    static void fillDatabase() throws Exception {
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            VisitStore store = new VisitStore();
            store.store(c, VisitBatch.of(110105, "s1", Instant.now(), List.of(
                    visit(1, "2026-11-20T08:10", M1, "COURIER", "HOT_WATER", "TOILET"),
                    visit(2, "2026-11-20T08:45", null, "SANITATION", "REST"),
                    visit(3, "2026-11-20T12:30", M1, "COURIER", "HOT_WATER"),
                    visit(4, "2026-11-21T00:15", M3, "COURIER", "HOT_WATER"))));
            store.store(c, VisitBatch.of(110105, "s2", Instant.now(), List.of(
                    visit(1, "2026-11-20T23:30", M2, "FOOD_DELIVERY", "CHARGING"))));
        }
    }

    private static WireVisit visit(long seq, String localTime, String member, String category, String... services) {
        Instant at = LocalDateTime.parse(localTime).atZone(BEIJING).toInstant();
        return new WireVisit(UUID.randomUUID(), seq, 1, at, BEIJING.getId(), member, member == null ? 0 : 7, category,
                List.of(services), member == null ? "GUEST" : "CARD", true, 1000);
    }

    private static String run(String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, "exit code; stderr: " + err);
        return out.toString();
    }

    @Test
    void dailyCsvReportCountsPersonVisitsByStationCategoryServiceAndLocalHour() {
        String csv = run("report", "--data-dir", dir.resolve("pg").toString(), "--date", "2026-11-20", "--csv");
        List<String> lines = csv.lines().toList();
        assertEquals("dimension,key,key2,person_visits,distinct_members", lines.get(0));
        // four visits of two members and a guest: every cell counts fewer than 5 people
        assertEquals("TOTAL,2026-11-20..2026-11-20,,<5,<5", lines.get(1), csv);
        assertEquals("GUESTS,,,<5,<5", lines.get(2), csv);
        assertTrue(lines.containsAll(List.of("STATION,s1,,<5,<5", "STATION,s2,,<5,<5", "CATEGORY,COURIER,,<5,<5",
                "SERVICE,HOT_WATER,,<5,<5", "HOUR,08,,<5,<5", "STATION_CATEGORY,s1,SANITATION,<5,<5",
                "STATION_SERVICE,s2,CHARGING,<5,<5")), csv);
        assertEquals(1 + 2 + 2 + 3 + 4 + 3 + 3 + 4, lines.size(), csv);
    }

    @Test
    void reportShowsCountsOfAtLeastKPeopleAndRefusesKBelowThree() {
        // k = 3: the day's total counts two members and one guest
        String csv = run("report", "--data-dir", dir.resolve("pg").toString(), "--date", "2026-11-20", "--csv",
                "--k", "3");
        assertTrue(csv.lines().toList().contains("TOTAL,2026-11-20..2026-11-20,,4,2"), csv);
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("report", "--data-dir", dir.resolve("pg").toString(), "--date", "2026-11-20",
                "--k", "2"));
        assertTrue(err.toString().contains("at least 3"), err.toString());
    }

    @Test
    void rangeOverFourHundredDaysIsAUsageError() {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("report", "--data-dir", dir.resolve("pg").toString(), "--from", "2025-01",
                "--to", "2026-11"));
        assertTrue(err.toString().contains("at most 400"), err.toString());
    }

    @Test
    void monthlyReportIncludesTheVisitAfterLocalMidnight() {
        String text = run("report", "--data-dir", dir.resolve("pg").toString(), "--month", "2026-11", "--k", "3");
        assertTrue(text.startsWith("Person-visits 2026-11-01 .. 2026-11-30: 5 (guests <3), distinct members 3"), text);
    }

    @Test
    void commandsShareTheEmbeddedServerOfARunningDistrictServer() throws Exception {
        try (DistrictDatabase running = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"))) {
            String text = run("report", "--data-dir", dir.resolve("pg").toString(), "--date", "2026-11-20", "--k", "3");
            assertTrue(text.startsWith("Person-visits 2026-11-20 .. 2026-11-20: 4 (guests <3)"), text);
            assertTrue(java.nio.file.Files.readString(dir.resolve("pg.url")).contains(running.url()));
        }
        assertTrue(java.nio.file.Files.notExists(dir.resolve("pg.url")), "URL file left behind");
    }

    @Test
    void badDateIsAUsageError() {
        CommandLine cl = DistrictServerCli.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("report", "--data-dir", dir.resolve("pg").toString(), "--date", "20.11.2026"));
    }

    @Test
    void stationsListsEachStationWithItsStoredVisits() {
        String text = run("stations", "--data-dir", dir.resolve("pg").toString());
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(1).matches("110105\\s+s1\\s+UNKNOWN\\s+never\\s+\\?\\s+4\\s+4.*"), text);
        assertTrue(lines.get(2).matches("110105\\s+s2\\s+UNKNOWN\\s+never\\s+\\?\\s+1\\s+1.*"), text);
    }

    @Test
    void registerKeyStoresTheKeyThatSignsAStationsDaySummaries() throws Exception {
        String key = java.util.Base64.getEncoder().encodeToString(
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        run("register-key", "--data-dir", dir.resolve("pg").toString(), "--district", "110105", "--station", "s1",
                "--key", key); // a station already known: the listing test counts the stations
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            assertEquals(Optional.of(key), new org.warmstation.district.db.StationStore().publicKey(c, 110105, "s1"));
        }
    }

    @Test
    void registerKeyRefusesTextThatIsNotAnEd25519Key() throws Exception {
        CommandLine cl = DistrictServerCli.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute("register-key", "--data-dir", dir.resolve("pg").toString(), "--district", "110105",
                "--station", "s8", "--key", "bm90IGEga2V5");
        assertTrue(code != 0, "exit code " + code);
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            assertEquals(Optional.empty(), new org.warmstation.district.db.StationStore().publicKey(c, 110105, "s8"));
        }
    }

    @Test
    void reconcileSaysSoWhenNoFindingIsOpen() {
        String text = run("reconcile", "--data-dir", dir.resolve("pg").toString());
        assertEquals("no open findings", text.strip());
    }
}

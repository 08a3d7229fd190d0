package org.warmstation.district.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServerCli;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.report.PurgedPeriodException;
import org.warmstation.district.report.ReportData;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.VisitReport;
import org.warmstation.protocol.wire.WireVisit;
import picocli.CommandLine;

/**
 * Retention on a real PostgreSQL: four months of visits, 13 months kept; the months that age out
 * lose their visit rows and card ids while every report over them (alone, together, or with kept
 * months) stays the same.
 */
class RetentionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15); // cutoff 2025-03-01 with 13 months
    @TempDir
    Path dir;
    private final ReportQueries queries = new ReportQueries();

    private Map<ReportPeriod, VisitReport> reports(Connection c) throws SQLException {
        Map<ReportPeriod, VisitReport> r = new LinkedHashMap<>();
        for (ReportPeriod p : List.of(ReportPeriod.parse("2025-01", null), ReportPeriod.parse("2025-02", null),
                ReportPeriod.parse("2025-01", "2025-02"), ReportPeriod.parse("2025-02", "2025-03"),
                ReportPeriod.parse("2025-01", "2025-04"), ReportPeriod.parse("2025-02", "2025-04-10"))) {
            r.put(p, queries.report(c, p));
        }
        return r;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<Long> memberKeysBefore(Connection c, String month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT member FROM report_month_member WHERE month < '" + month + "'"); ResultSet rs = ps.executeQuery()) {
            Set<Long> keys = new java.util.HashSet<>();
            while (rs.next()) {
                keys.add(rs.getLong(1));
            }
            return keys;
        }
    }

    private static String cli(String url, String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--jdbc-url";
        all[args.length + 1] = url;
        assertEquals(0, cl.execute(all), out.toString());
        return out.toString();
    }

    @Test
    void purgedMonthsKeepTheirReportsButLoseTheirVisitRowsAndCardIds() throws Exception {
        ReportData data = ReportData.generate(13, 4, LocalDate.of(2025, 1, 1), 120); // 2025-01-01 .. 2025-04-30
        Set<Long> cardKeys = data.visits().values().stream().flatMap(List::stream).map(WireVisit::memberId)
                .filter(Objects::nonNull).map(m -> Long.parseUnsignedLong(m, 16)).collect(Collectors.toSet());
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            data.store(c);
            Map<ReportPeriod, VisitReport> before = reports(c);
            long old = count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-03-01'");
            long all = count(c, "SELECT count(*) FROM visit");
            assertTrue(old > 1000 && all > old, old + " of " + all);

            String dry = cli(db.url(), "retention", "--dry-run", "--today", TODAY.toString());
            assertTrue(dry.contains("before 2025-03-01: " + old + " visit rows would be deleted"), dry);
            assertEquals(all, count(c, "SELECT count(*) FROM visit"), "a dry run changes nothing");

            Retention.Result r = new Retention(13).purge(c, TODAY);
            assertEquals(new Retention.Result(LocalDate.of(2025, 3, 1), old, r.memberRows(), r.pseudonymsLeft()), r);
            System.out.printf("retention: %d of %d visit rows deleted, %d member rows pseudonymised, %d pseudonyms kept%n",
                    old, all, r.memberRows(), r.pseudonymsLeft());
            assertEquals(0, count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-03-01'"));
            assertEquals(all - old, count(c, "SELECT count(*) FROM visit"));
            Set<Long> left = memberKeysBefore(c, "2025-03-01");
            assertTrue(left.size() > 10, "member rows are kept, under pseudonyms");
            left.retainAll(cardKeys);
            assertEquals(Set.of(), left, "no card id left in the purged months");
            assertEquals(0, count(c, """
                    SELECT count(*) FROM retention_pseudonym p WHERE NOT EXISTS (SELECT 1 FROM visit v
                     WHERE report_member_key(v.member_id) = p.member)"""), "pseudonyms only of members with kept visits");
            assertEquals(before, reports(c));
            PurgedPeriodException partial = assertThrows(PurgedPeriodException.class,
                    () -> queries.report(c, ReportPeriod.parse("2025-02-10", "2025-02-20")));
            assertEquals(LocalDate.of(2025, 3, 1), partial.keptFrom());
            assertTrue(partial.getMessage().startsWith("visits before 2025-03-01 are kept as monthly totals only"),
                    partial.getMessage());
            assertThrows(PurgedPeriodException.class, () -> queries.report(c, ReportPeriod.parse("2025-02-15", "2025-03-31")),
                    "a partial purged month at the start of a longer period");
            queries.report(c, ReportPeriod.parse("2025-03-02", "2025-03-05")); // kept days report as before

            assertEquals(new Retention.Result(LocalDate.of(2025, 3, 1), 0, 0, r.pseudonymsLeft()),
                    new Retention(13).purge(c, TODAY), "a second run the same month does nothing");
            new Retention(13).purge(c, TODAY.plusMonths(1)); // March ages out a month later
            assertEquals(0, count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-04-01'"));
            assertEquals(before, reports(c), "members keep one pseudonym across purges");
        }
    }
}

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

    /** A handout and a rating for every third visit, three loans: returned in January, open, returned in March. */
    private static void addSuppliesRatingsAndLoans(Connection c, ReportData data) throws SQLException {
        int i = 0;
        try (PreparedStatement h = c.prepareStatement("INSERT INTO supply_movement (movement_uuid, district_id, station_id,"
                + " at, movement, item, quantity, stock_after, low_at, visit_uuid, category, guest)"
                + " VALUES (gen_random_uuid(), ?, ?, ?, 'HANDOUT', 'HAND_WARMER', 1, 10, 2, ?, ?, ?)");
             PreparedStatement r = c.prepareStatement("INSERT INTO rating (visit_uuid, record_uuid, revision, district_id,"
                     + " station_id, rated_at, answer) VALUES (?, gen_random_uuid(), 1, ?, ?, ?, ?)")) {
            for (var e : data.visits().entrySet()) {
                for (WireVisit v : e.getValue()) {
                    if (i++ % 3 != 0) {
                        continue;
                    }
                    h.setInt(1, ReportData.DISTRICT);
                    h.setString(2, e.getKey());
                    h.setObject(3, v.recordedAt().atOffset(java.time.ZoneOffset.UTC));
                    h.setObject(4, v.uuid());
                    h.setString(5, v.category());
                    h.setBoolean(6, v.memberId() == null);
                    h.addBatch();
                    r.setObject(1, v.uuid());
                    r.setInt(2, ReportData.DISTRICT);
                    r.setString(3, e.getKey());
                    r.setObject(4, v.recordedAt().atOffset(java.time.ZoneOffset.UTC));
                    r.setString(5, i % 2 == 0 ? "SATISFIED" : "NEUTRAL");
                    r.addBatch();
                }
            }
            h.executeBatch();
            r.executeBatch();
        }
        try (var st = c.createStatement()) {
            st.execute("""
                    INSERT INTO loan (loan_id, district_id, station_id, item, member_id, lent_at, returned_at, returned_station)
                    VALUES ('00000000-0000-0000-0000-000000000001', 110105, 'old-loan', 'UMBRELLA', '000000000000a003',
                            '2025-01-05T10:00Z', '2025-01-09T10:00Z', 'st-01'),
                           ('00000000-0000-0000-0000-000000000002', 110105, 'open-loan', 'UMBRELLA', '000000000000a001',
                            '2025-01-06T10:00Z', NULL, NULL),
                           ('00000000-0000-0000-0000-000000000003', 110105, 'late-loan', 'UMBRELLA', '000000000000a002',
                            '2025-02-20T10:00Z', '2025-03-09T10:00Z', 'st-01')""");
        }
    }

    private static List<Object> supplies(Connection c) throws SQLException {
        var reports = new org.warmstation.district.supply.SupplyReports();
        ReportPeriod p = ReportPeriod.parse("2025-01", "2025-04");
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        List<Object> all = new java.util.ArrayList<>(reports.handouts(c, ReportData.DISTRICT, p, zone));
        all.addAll(reports.satisfaction(c, ReportData.DISTRICT, p, zone));
        return all;
    }

    private static List<String> loans(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id || ':' || coalesce(member_id, 'null') FROM loan"
                + " ORDER BY loan_id DESC"); ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void purgedMonthsKeepTheirReportsButLoseTheirVisitRowsAndCardIds() throws Exception {
        ReportData data = ReportData.generate(13, 3, LocalDate.of(2025, 1, 1), 120); // 2025-01-01 .. 2025-04-30
        Set<Long> cardKeys = data.visits().values().stream().flatMap(List::stream).map(WireVisit::memberId)
                .filter(Objects::nonNull).map(m -> Long.parseUnsignedLong(m, 16)).collect(Collectors.toSet());
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            data.store(c);
            addSuppliesRatingsAndLoans(c, data);
            // a terminal whose clock has not synced yet (its visits will come again with the right time)
            new org.warmstation.district.db.VisitStore().store(c, org.warmstation.protocol.wire.VisitBatch.of(
                    ReportData.DISTRICT, "st-unsynced", java.time.Instant.now(), List.of(new WireVisit(
                            java.util.UUID.randomUUID(), 1, 1, java.time.Instant.parse("2025-01-10T02:00:00Z"),
                            "Asia/Shanghai", "000000000000b001", 5, "COURIER", List.of("HOT_WATER"), "CARD", false, 5000))));
            Map<ReportPeriod, VisitReport> before = reports(c);
            List<Object> supplies = supplies(c);
            assertTrue(supplies.toString().contains("2025-01"), supplies.toString());
            long old = count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-03-01' AND clock_synced");
            long all = count(c, "SELECT count(*) FROM visit");
            assertTrue(old > 1000 && all > old, old + " of " + all);

            String dry = cli(db.url(), "retention", "--dry-run", "--today", TODAY.toString());
            assertTrue(dry.contains("before 2025-03-01: " + old + " visit rows would be deleted"), dry);
            assertEquals(all, count(c, "SELECT count(*) FROM visit"), "a dry run changes nothing");

            Retention.Result r = new Retention(13).purge(c, TODAY);
            assertEquals(new Retention.Result(LocalDate.of(2025, 3, 1), old, r.memberRows(), r.pseudonymsLeft()), r);
            System.out.printf("retention: %d of %d visit rows deleted, %d member rows pseudonymised, %d pseudonyms kept%n",
                    old, all, r.memberRows(), r.pseudonymsLeft());
            assertEquals(1, count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-03-01'"),
                    "only the unsynced clock's visit is kept, until its station corrects its time");
            assertEquals(all - old, count(c, "SELECT count(*) FROM visit"));
            Set<Long> left = memberKeysBefore(c, "2025-03-01");
            assertTrue(left.size() > 10, "member rows are kept, under pseudonyms");
            left.retainAll(cardKeys);
            assertEquals(Set.of(), left, "no card id left in the purged months");
            assertEquals(0, count(c, """
                    SELECT count(*) FROM retention_pseudonym p WHERE NOT EXISTS (SELECT 1 FROM visit v
                     WHERE report_member_key(v.member_id) = p.member)"""), "pseudonyms only of members with kept visits");
            assertEquals(before, reports(c));
            assertEquals(supplies, supplies(c), "handouts and ratings count the same members and guests");
            var store = new org.warmstation.district.db.VisitStore();
            for (var e : data.visits().entrySet()) { // each station sends its first January visits again
                store.store(c, org.warmstation.protocol.wire.VisitBatch.of(ReportData.DISTRICT, e.getKey(),
                        java.time.Instant.now(), e.getValue().subList(0, 20)));
            }
            assertEquals(1, count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-03-01'"));
            assertEquals(before, reports(c));
            assertEquals(List.of("late-loan:000000000000a002", "open-loan:000000000000a001", "old-loan:null"),
                    loans(c), "a loan returned before the cutoff forgets its borrower; open and later ones keep theirs");
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
            assertEquals(0, count(c, "SELECT count(*) FROM visit WHERE local_date < '2025-04-01' AND clock_synced"));
            assertEquals(before, reports(c), "members keep one pseudonym across purges");
        }
    }
}

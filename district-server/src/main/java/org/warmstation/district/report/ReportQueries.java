package org.warmstation.district.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.warmstation.district.report.Suppression.Count;
import org.warmstation.district.retention.Retention;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/**
 * Computes {@link VisitReport}s over station-local dates. Whole calendar months inside the period
 * are read from the month rollups ({@code db/district/V4__report_rollups.sql}); the days of
 * partial months at either end from the visit table itself; distinct members are counted over the
 * union of both member sets, so they stay exact (see
 * {@code docs/decisions/0081-report-rollups-by-month.md}).
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class ReportQueries {
    /** The rollup part (months) and the visit part (edge days) of every query: 6 parameters. */
    private static final String RAW_DAYS = " (local_date BETWEEN ? AND ? OR local_date BETWEEN ? AND ?) ";
    /** %s: the station column and GROUPING (station lines) or their district-only stand-ins, %s: the grouping sets. */
    private static final String CELLS = """
            SELECT %s, category, %s, sum(visits), sum(guest_visits)
              FROM (SELECT station_id, category, visits, guest_visits FROM report_month_cell
                     WHERE month BETWEEN ? AND ?
                    UNION ALL
                    SELECT station_id, category, 1, (source = 'GUEST')::int FROM visit WHERE""" + RAW_DAYS + """
                   ) x
             GROUP BY GROUPING SETS (%s)
            HAVING sum(visits) > 0""";
    private static final String HOURS = """
            SELECT local_hour, sum(visits), sum(guest_visits)
              FROM (SELECT local_hour, visits, guest_visits FROM report_month_hour WHERE month BETWEEN ? AND ?
                    UNION ALL
                    SELECT local_hour, 1, (source = 'GUEST')::int FROM visit WHERE""" + RAW_DAYS + """
                   ) x
             GROUP BY local_hour HAVING sum(visits) > 0""";
    /** %s: station column and GROUPING, %s: grouping sets (with or without the station lines). */
    private static final String SERVICES = """
            SELECT %s, service, %s, sum(visits), sum(guest_visits)
              FROM (SELECT station_id, service, visits, guest_visits FROM report_month_service WHERE month BETWEEN ? AND ?
                    UNION ALL
                    SELECT v.station_id, s.service, 1, (v.source = 'GUEST')::int
                      FROM visit v CROSS JOIN LATERAL (SELECT DISTINCT unnest(v.services)) AS s(service)
                     WHERE""" + RAW_DAYS + """
                   ) x
             GROUP BY GROUPING SETS (%s)
            HAVING sum(visits) > 0""";
    /**
     * Member rows (station, member, masks) of the months and the edge days; %s: "" or the regrouping.
     * A member whose purged months carry a pseudonym (decision 0203) is counted under it in kept
     * months too, so a period over purged and kept months counts that member once.
     */
    private static final String MEMBER_ROWS = """
            SELECT station_id, member, %s FROM (
                SELECT r.station_id, coalesce(p.pseudonym, r.member) AS member, r.categories AS c,
                       r.services AS s, r.hours AS h
                  FROM report_month_member r LEFT JOIN retention_pseudonym p ON p.member = r.member
                 WHERE r.month BETWEEN ? AND ?
                UNION ALL
                SELECT v.station_id, coalesce(p.pseudonym, report_member_key(v.member_id)), 1::bigint << n.bit,
                       coalesce(1::bigint << sn.bit, 0), 1 << v.local_hour
                  FROM visit v JOIN report_name n ON n.kind = 'C' AND n.name = v.category
                       LEFT JOIN LATERAL unnest(v.services) AS sv(name) ON true
                       LEFT JOIN report_name sn ON sn.kind = 'S' AND sn.name = sv.name
                       LEFT JOIN retention_pseudonym p ON p.member = report_member_key(v.member_id)
                 WHERE v.member_id IS NOT NULL AND""" + RAW_DAYS + """
            ) x %s""";

    /** Which months come from the rollups and which days from the visit table. */
    private record Split(LocalDate monthFrom, LocalDate monthTo, LocalDate a, LocalDate b, LocalDate c, LocalDate d) {
        static final LocalDate NONE_FROM = LocalDate.of(2, 1, 1);
        static final LocalDate NONE_TO = LocalDate.of(1, 1, 1);

        static Split of(ReportPeriod p, boolean rollups) {
            LocalDate first = p.from().getDayOfMonth() == 1 ? p.from() : p.from().withDayOfMonth(1).plusMonths(1);
            LocalDate endMonth = p.to().withDayOfMonth(1);
            LocalDate last = p.to().equals(endMonth.plusMonths(1).minusDays(1)) ? endMonth : endMonth.minusMonths(1);
            if (!rollups || last.isBefore(first)) {
                return new Split(NONE_FROM, NONE_TO, p.from(), p.to(), NONE_FROM, NONE_TO);
            }
            return new Split(first, last, p.from(), first.minusDays(1), last.plusMonths(1), p.to());
        }

        boolean singleMonth() {
            return monthFrom.equals(monthTo) && a.isAfter(b) && c.isAfter(d);
        }

        void bind(PreparedStatement ps, int offset) throws SQLException {
            LocalDate[] v = {monthFrom, monthTo, a, b, c, d};
            for (int i = 0; i < v.length; i++) {
                ps.setObject(offset + i + 1, v[i]);
            }
        }
    }

    /**
     * @param c      connection
     * @param period the period
     * @return the report; a TOTAL and GUESTS line of zeros when nothing was recorded
     * @throws SQLException           when the database fails
     * @throws PurgedPeriodException  when the period has days, not whole months, before the
     *                                retention's first kept day
     */
    public VisitReport report(Connection c, ReportPeriod period) throws SQLException {
        return report(c, period, true, true);
    }

    /**
     * The same report computed from the visit table alone, without the rollups: the reference the
     * rollups are tested against, and a repair check ({@code district-server report --no-rollups}).
     *
     * @param c      connection
     * @param period the period
     * @return the report
     * @throws SQLException when the database fails
     */
    public VisitReport reportFromVisits(Connection c, ReportPeriod period) throws SQLException {
        return report(c, period, false, true);
    }

    /**
     * The district's lines only (TOTAL, GUESTS, CATEGORY, SERVICE, HOUR), without station lines and
     * cross-tables: the overview's day, cheaper than the whole report.
     *
     * @param c      connection
     * @param period the period
     * @return the report without STATION, STATION_CATEGORY and STATION_SERVICE lines
     * @throws SQLException when the database fails
     */
    public VisitReport districtReport(Connection c, ReportPeriod period) throws SQLException {
        return report(c, period, true, false);
    }

    private VisitReport report(Connection c, ReportPeriod period, boolean rollups, boolean stations)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("SET LOCAL work_mem = '64MB'")) {
                ps.execute(); // distinct counts hash or sort in memory (this transaction only)
            }
            VisitReport r = compute(c, period, rollups, stations);
            c.commit();
            return r;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private VisitReport compute(Connection c, ReportPeriod period, boolean rollups, boolean stations)
            throws SQLException {
        Split split = Split.of(period, rollups);
        Optional<LocalDate> kept = Retention.purgedBefore(c);
        if (kept.isPresent() && (!split.a().isAfter(split.b()) && split.a().isBefore(kept.get())
                || !split.c().isAfter(split.d()) && split.c().isBefore(kept.get()))) {
            throw new PurgedPeriodException(kept.get()); // its days are no longer in the visit table
        }
        Map<String, long[]> cells = new HashMap<>(); // key -> {visits, guests, members}
        String cellsSql = stations
                ? String.format(CELLS, "station_id", "GROUPING(station_id, category)",
                        "(), (station_id), (category), (station_id, category)")
                : String.format(CELLS, "NULL", "GROUPING(category) + 2", "(), (category)");
        query(c, cellsSql, split, 1, rs -> {
            String key = switch (rs.getInt(3)) {
                case 3 -> "T";
                case 1 -> "S\u0000" + rs.getString(1);
                case 2 -> "C\u0000" + rs.getString(2);
                default -> "SC\u0000" + rs.getString(1) + "\u0000" + rs.getString(2);
            };
            long[] v = cells.computeIfAbsent(key, k -> new long[3]);
            v[0] = rs.getLong(4);
            v[1] = rs.getLong(5);
        });
        query(c, HOURS, split, 1, rs -> {
            long[] v = cells.computeIfAbsent(String.format("H\u0000%02d", rs.getInt(1)), k -> new long[3]);
            v[0] = rs.getLong(2);
            v[1] = rs.getLong(3);
        });
        String servicesSql = stations
                ? String.format(SERVICES, "station_id", "GROUPING(station_id)", "(service), (station_id, service)")
                : String.format(SERVICES, "NULL", "1", "(service)");
        query(c, servicesSql, split, 1, rs -> {
            String key = (rs.getInt(3) == 1 ? "V\u0000" : "SV\u0000" + rs.getString(1) + "\u0000") + rs.getString(2);
            long[] v = cells.computeIfAbsent(key, k -> new long[3]);
            v[0] = rs.getLong(4);
            v[1] = rs.getLong(5);
        });
        members(c, split, stations, cells);
        return assemble(period, cells);
    }

    /**
     * Distinct members of every line in one statement: member rows (one per station and member,
     * with bit masks) counted per station, and, regrouped per member, for the district.
     */
    private static void members(Connection c, Split split, boolean stations, Map<String, long[]> cells)
            throws SQLException {
        Map<Integer, String> categories = new HashMap<>();
        Map<Integer, String> services = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, name, bit FROM report_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                (rs.getString(1).equals("C") ? categories : services).put(rs.getInt(3), rs.getString(2));
            }
        }
        List<Integer> cBits = new ArrayList<>(categories.keySet());
        List<Integer> sBits = new ArrayList<>(services.keySet());
        StringBuilder stationCols = new StringBuilder("count(*)");
        StringBuilder districtCols = new StringBuilder("count(*)");
        for (int b : cBits) {
            String f = ", count(*) FILTER (WHERE c & " + (1L << b) + " <> 0)";
            stationCols.append(f);
            districtCols.append(f);
        }
        for (int b : sBits) {
            String f = ", count(*) FILTER (WHERE s & " + (1L << b) + " <> 0)";
            stationCols.append(f);
            districtCols.append(f);
        }
        for (int h = 0; h < 24; h++) {
            stationCols.append(", 0");
            districtCols.append(", count(*) FILTER (WHERE h & ").append(1 << h).append(" <> 0)");
        }
        String district = "SELECT NULL, " + districtCols + " FROM (SELECT member, bit_or(c) AS c, bit_or(s) AS s, "
                + "bit_or(h) AS h FROM %s GROUP BY member) d";
        String sql;
        int times;
        if (split.singleMonth()) {
            // one whole month: the rollup rows are already one per station and member; two plain scans
            String m = "(" + String.format(MEMBER_ROWS, "c, s, h", "") + ") m";
            sql = stations ? "SELECT station_id, " + stationCols + " FROM " + m + " GROUP BY station_id UNION ALL "
                    + String.format(district, m) : String.format(district, m);
            times = stations ? 2 : 1;
        } else {
            String m = "WITH m AS MATERIALIZED (" + String.format(MEMBER_ROWS,
                    "bit_or(c) AS c, bit_or(s) AS s, bit_or(h) AS h", "GROUP BY station_id, member") + ") ";
            sql = m + (stations ? "SELECT station_id, " + stationCols + " FROM m GROUP BY station_id UNION ALL " : "")
                    + String.format(district, "m");
            times = 1;
        }
        query(c, sql, split, times, rs -> {
            String station = rs.getString(1);
            String prefix = station == null ? "" : "\u0000" + station;
            member(cells, station == null ? "T" : "S" + prefix, rs.getLong(2));
            int col = 3;
            for (int b : cBits) {
                String name = categories.get(b);
                member(cells, station == null ? "C\u0000" + name : "SC" + prefix + "\u0000" + name, rs.getLong(col++));
            }
            for (int b : sBits) {
                String name = services.get(b);
                member(cells, station == null ? "V\u0000" + name : "SV" + prefix + "\u0000" + name, rs.getLong(col++));
            }
            for (int h = 0; h < 24; h++) {
                if (station == null) {
                    member(cells, String.format("H\u0000%02d", h), rs.getLong(col));
                }
                col++;
            }
        });
    }

    /** Records a line's distinct members; a line without visits (no such cell) gets none. */
    private static void member(Map<String, long[]> cells, String key, long members) {
        long[] v = cells.get(key);
        if (v != null) {
            v[2] = members;
        }
    }

    private static VisitReport assemble(ReportPeriod period, Map<String, long[]> cells) {
        long[] total = cells.getOrDefault("T", new long[3]);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Dimension.TOTAL, period.toString(), "", count(total)));
        rows.add(new Row(Dimension.GUESTS, "", "", new Count(total[1], 0, total[1])));
        Map<Dimension, Map<String, Row>> byDim = new HashMap<>();
        cells.forEach((key, v) -> {
            if (v[0] == 0 || key.equals("T")) {
                return; // a member set without visits: not possible, but never a line of its own
            }
            String[] k = key.split("\u0000");
            Dimension d = switch (k[0]) {
                case "S" -> Dimension.STATION;
                case "C" -> Dimension.CATEGORY;
                case "H" -> Dimension.HOUR;
                case "V" -> Dimension.SERVICE;
                case "SC" -> Dimension.STATION_CATEGORY;
                default -> Dimension.STATION_SERVICE;
            };
            Row row = new Row(d, k[1], k.length > 2 ? k[2] : "", count(v));
            byDim.computeIfAbsent(d, x -> new TreeMap<>()).put(k[1] + "\u0000" + row.key2(), row);
        });
        Comparator<Row> busiestFirst = Comparator.comparingLong((Row r) -> -r.count().visits()).thenComparing(Row::key);
        for (Dimension d : Dimension.values()) {
            List<Row> ofD = new ArrayList<>(byDim.getOrDefault(d, Map.of()).values());
            if (d == Dimension.CATEGORY || d == Dimension.SERVICE) {
                ofD.sort(busiestFirst);
            }
            rows.addAll(ofD);
        }
        return new VisitReport(period.from(), period.to(), rows);
    }

    private static Count count(long[] v) {
        return new Count(v[0], v[2], v[1]);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}, whose parameters are the split's six, {@code times} over. */
    private static void query(Connection c, String sql, Split split, int times, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                split.bind(ps, 6 * i);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}

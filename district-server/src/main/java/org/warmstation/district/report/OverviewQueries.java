package org.warmstation.district.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.warmstation.district.report.Suppression.Count;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/**
 * The console's overview: one day of the district (today, read live from the visit table) beside
 * the same weekday a week earlier, by hour, worker category and service, and the stations online.
 * Each day is a {@link VisitReport} without station lines, so it is shown through
 * {@link ReportTable} and its suppression like any report.
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class OverviewQueries {
    private static final String DAY = """
            SELECT category, local_hour, GROUPING(category, local_hour), count(*),
                   count(*) FILTER (WHERE source = 'GUEST'), count(DISTINCT member_id)
              FROM visit WHERE local_date = ?
             GROUP BY GROUPING SETS ((), (category), (local_hour))""";
    private static final String DAY_SERVICES = """
            SELECT s.service, count(*), count(*) FILTER (WHERE v.source = 'GUEST'), count(DISTINCT v.member_id)
              FROM visit v CROSS JOIN LATERAL (SELECT DISTINCT unnest(v.services)) AS s(service)
             WHERE v.local_date = ? GROUP BY s.service""";

    /**
     * The overview's figures.
     *
     * @param today          the day
     * @param sameDayLastWeek the day 7 days before
     * @param stationsOnline stations whose last status is online
     * @param stationsKnown  stations the district knows
     */
    public record Overview(VisitReport today, VisitReport sameDayLastWeek, int stationsOnline, int stationsKnown) {
    }

    /**
     * @param c     connection
     * @param today the district's current local date
     * @return the overview
     * @throws SQLException when the database fails
     */
    public Overview overview(Connection c, LocalDate today) throws SQLException {
        int online;
        int known;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE status = 'ONLINE'), count(*) FROM station");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            online = rs.getInt(1);
            known = rs.getInt(2);
        }
        return new Overview(day(c, today), day(c, today.minusDays(7)), online, known);
    }

    /**
     * @param c   connection
     * @param day a local date
     * @return the district's day: TOTAL, GUESTS, CATEGORY, SERVICE and all 24 HOUR lines (zeros included)
     * @throws SQLException when the database fails
     */
    public VisitReport day(Connection c, LocalDate day) throws SQLException {
        Count total = Count.ZERO;
        Count[] hours = new Count[24];
        java.util.Arrays.fill(hours, Count.ZERO);
        List<Row> categories = new ArrayList<>();
        List<Row> services = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DAY)) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Count n = new Count(rs.getLong(4), rs.getLong(6), rs.getLong(5));
                    switch (rs.getInt(3)) {
                        case 3 -> total = n;
                        case 1 -> categories.add(new Row(Dimension.CATEGORY, rs.getString(1), "", n));
                        default -> hours[rs.getInt(2)] = n;
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(DAY_SERVICES)) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    services.add(new Row(Dimension.SERVICE, rs.getString(1), "",
                            new Count(rs.getLong(2), rs.getLong(4), rs.getLong(3))));
                }
            }
        }
        Comparator<Row> busiestFirst = Comparator.comparingLong((Row r) -> -r.count().visits()).thenComparing(Row::key);
        categories.sort(busiestFirst);
        services.sort(busiestFirst);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Dimension.TOTAL, day + ".." + day, "", total));
        rows.add(new Row(Dimension.GUESTS, "", "", new Count(total.guestVisits(), 0, total.guestVisits())));
        rows.addAll(categories);
        rows.addAll(services);
        for (int h = 0; h < 24; h++) {
            rows.add(new Row(Dimension.HOUR, String.format("%02d", h), "", hours[h]));
        }
        return new VisitReport(day, day, rows);
    }
}

package org.warmstation.district.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/**
 * Computes {@link VisitReport}s from the district's visit table, over station-local dates.
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class ReportQueries {
    private static final String WHERE = " WHERE local_date BETWEEN ? AND ? ";

    /**
     * @param c    connection
     * @param from first local date (inclusive)
     * @param to   last local date (inclusive)
     * @return the report; all zeros when nothing was recorded
     * @throws SQLException when the database fails
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public VisitReport report(Connection c, LocalDate from, LocalDate to) throws SQLException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
        long total;
        long guests;
        long members;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE source = 'GUEST'), "
                + "count(DISTINCT member_id) FROM visit" + WHERE)) {
            bind(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
                guests = rs.getLong(2);
                members = rs.getLong(3);
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.addAll(breakdown(c, Dimension.STATION, "SELECT station_id, count(*), count(DISTINCT member_id) FROM visit"
                + WHERE + "GROUP BY station_id ORDER BY station_id", from, to));
        rows.addAll(breakdown(c, Dimension.CATEGORY, "SELECT category, count(*), count(DISTINCT member_id) FROM visit"
                + WHERE + "GROUP BY category ORDER BY count(*) DESC, category", from, to));
        rows.addAll(breakdown(c, Dimension.SERVICE, "SELECT s, count(*), count(DISTINCT member_id) "
                + "FROM visit CROSS JOIN LATERAL unnest(services) AS s" + WHERE
                + "GROUP BY s ORDER BY count(*) DESC, s", from, to));
        rows.addAll(breakdown(c, Dimension.HOUR, "SELECT lpad(local_hour::text, 2, '0'), count(*), "
                + "count(DISTINCT member_id) FROM visit" + WHERE + "GROUP BY local_hour ORDER BY local_hour", from, to));
        return new VisitReport(from, to, total, guests, members, rows);
    }

    private static List<Row> breakdown(Connection c, Dimension d, String sql, LocalDate from, LocalDate to)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(d, rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement ps, LocalDate from, LocalDate to) throws SQLException {
        ps.setObject(1, from);
        ps.setObject(2, to);
    }
}

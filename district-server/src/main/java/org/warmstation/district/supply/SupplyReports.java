package org.warmstation.district.supply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.Suppression;

/**
 * The district's supply and satisfaction figures (issue 12, decision 0151): handouts by month,
 * station, item and worker category; the stock each station last reported with its low flag;
 * ratings by month and station with each answer's share. Counts about people carry a
 * {@link Suppression.Count} (contributors = distinct members found through the visit, plus each
 * handout or rating whose visit is a guest's or not at the district yet), so a page shows
 * {@code <k} for small cells; no totals are shown beside the cells, so no secondary suppression
 * is needed. Stateless and thread-safe; every method blocks on the database.
 */
public final class SupplyReports {
    /**
     * Handouts of one item in one cell.
     *
     * @param month       {@code yyyy-MM}, local month in the report's zone
     * @param station     station id
     * @param stationName its name, or the id without a profile
     * @param item        item code
     * @param category    worker category name
     * @param units       units handed out
     * @param count       handouts, members and guest handouts, for the suppression
     */
    public record HandoutCell(String month, String station, String stationName, String item, String category,
                              long units, Suppression.Count count) {
    }

    /**
     * The stock a station last reported for an item.
     *
     * @param station     station id
     * @param stationName its name, or the id
     * @param item        item code
     * @param stock       units held
     * @param lowAt       the station's low-stock threshold
     * @param at          when (station clock)
     */
    public record StockRow(String station, String stationName, String item, int stock, int lowAt, Instant at) {
        /** @return whether the stock is below its threshold */
        public boolean low() {
            return stock < lowAt;
        }
    }

    /**
     * Ratings of one station in one month.
     *
     * @param month        {@code yyyy-MM}
     * @param station      station id
     * @param stationName  its name, or the id
     * @param satisfied    满意 answers
     * @param neutral      一般 answers
     * @param dissatisfied 不满意 answers
     * @param count        ratings, members and guest ratings, for the suppression
     */
    public record RatingCell(String month, String station, String stationName, long satisfied, long neutral,
                             long dissatisfied, Suppression.Count count) {
        /**
         * @param answers answers of one kind in this cell
         * @return their share of the cell's ratings in whole percent (0 for an empty cell)
         */
        public long percent(long answers) {
            long all = satisfied + neutral + dissatisfied;
            return all == 0 ? 0 : Math.round(100.0 * answers / all);
        }
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param period   the local dates
     * @param zone     the zone of the local dates and months
     * @return the cells with handouts, by month, station, item, category
     * @throws SQLException when the query fails
     */
    public List<HandoutCell> handouts(Connection c, int district, ReportPeriod period, ZoneId zone) throws SQLException {
        String sql = """
                SELECT to_char(m.at AT TIME ZONE ?, 'YYYY-MM'), m.station_id, COALESCE(s.name, m.station_id), m.item,
                       m.category, sum(m.quantity), count(*), count(DISTINCT coalesce(v.member_id, m.purged_member)),
                       count(*) FILTER (WHERE coalesce(v.member_id, m.purged_member) IS NULL)
                  FROM supply_movement m
                  LEFT JOIN visit v ON v.visit_uuid = m.visit_uuid
                  LEFT JOIN station s ON s.district_id = m.district_id AND s.station_id = m.station_id
                 WHERE m.district_id = ? AND m.movement = 'HANDOUT' AND m.at >= ? AND m.at < ?
                 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 5""";
        List<HandoutCell> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = period(st, district, period, zone).executeQuery()) {
            while (rs.next()) {
                out.add(new HandoutCell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), new Suppression.Count(rs.getLong(7), rs.getLong(8), rs.getLong(9))));
            }
        }
        return out;
    }

    /**
     * @param c        a connection
     * @param district the district
     * @return every station's last reported stock per item, low ones first, then by station and item
     * @throws SQLException when the query fails
     */
    public List<StockRow> stock(Connection c, int district) throws SQLException {
        String sql = """
                SELECT k.station_id, COALESCE(s.name, k.station_id), k.item, k.stock, k.low_at, k.at
                  FROM supply_stock k
                  LEFT JOIN station s ON s.district_id = k.district_id AND s.station_id = k.station_id
                 WHERE k.district_id = ?
                 ORDER BY k.stock < k.low_at DESC, 2, 3""";
        List<StockRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, district);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param period   the local dates
     * @param zone     the zone of the local dates and months
     * @return the ratings by month and station
     * @throws SQLException when the query fails
     */
    public List<RatingCell> satisfaction(Connection c, int district, ReportPeriod period, ZoneId zone) throws SQLException {
        String sql = """
                SELECT to_char(r.rated_at AT TIME ZONE ?, 'YYYY-MM'), r.station_id, COALESCE(s.name, r.station_id),
                       count(*) FILTER (WHERE r.answer = 'SATISFIED'), count(*) FILTER (WHERE r.answer = 'NEUTRAL'),
                       count(*) FILTER (WHERE r.answer = 'DISSATISFIED'), count(*),
                       count(DISTINCT coalesce(v.member_id, r.purged_member)),
                       count(*) FILTER (WHERE coalesce(v.member_id, r.purged_member) IS NULL)
                  FROM rating r
                  LEFT JOIN visit v ON v.visit_uuid = r.visit_uuid
                  LEFT JOIN station s ON s.district_id = r.district_id AND s.station_id = r.station_id
                 WHERE r.district_id = ? AND r.rated_at >= ? AND r.rated_at < ?
                 GROUP BY 1, 2, 3 ORDER BY 1, 3""";
        List<RatingCell> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = period(st, district, period, zone).executeQuery()) {
            while (rs.next()) {
                out.add(new RatingCell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), new Suppression.Count(rs.getLong(7), rs.getLong(8), rs.getLong(9))));
            }
        }
        return out;
    }

    private static PreparedStatement period(PreparedStatement st, int district, ReportPeriod period, ZoneId zone)
            throws SQLException {
        Objects.requireNonNull(period, "period");
        st.setString(1, zone.getId());
        st.setInt(2, district);
        st.setTimestamp(3, Timestamp.from(period.from().atStartOfDay(zone).toInstant()));
        st.setTimestamp(4, Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()));
        return st;
    }
}

package org.warmstation.district.supply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.warmstation.district.report.ExportTable;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.supply.SupplyReports.HandoutCell;
import org.warmstation.district.supply.SupplyReports.RatingCell;

/**
 * The supplies page's three tables as {@link ExportTable}s for its CSV and XLSX downloads and for
 * {@code district-server report --supplies|--stock|--ratings}, with the page's suppression: a
 * handout cell of fewer than k contributors shows its units as {@code <k}; a satisfaction cell of
 * fewer than k shows its ratings as {@code <k} and no shares ({@link #NO_SHARE}). The cell rules
 * ({@link #units}, {@link #ratings}, {@link #share}) are the ones the page uses. Items are codes
 * (the page shows their names). Stateless; the table methods block on the database.
 */
public final class SupplyTables {
    /** What a hidden share shows. */
    public static final String NO_SHARE = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final SupplyReports REPORTS = new SupplyReports();

    private SupplyTables() {
    }

    /**
     * @param h a handout cell
     * @param k the suppression
     * @return its units, or {@code <k} when the cell has fewer than k contributors
     */
    public static String units(HandoutCell h, Suppression k) {
        return k.primary(h.count()) ? k.label() : Long.toString(h.units());
    }

    /**
     * @param s a satisfaction cell
     * @param k the suppression
     * @return its ratings, or {@code <k}
     */
    public static String ratings(RatingCell s, Suppression k) {
        return k.primary(s.count()) ? k.label() : Long.toString(s.count().visits());
    }

    /**
     * @param s       a satisfaction cell
     * @param answers answers of one kind in it
     * @param k       the suppression
     * @return the answers' share in whole percent (no unit), or {@link #NO_SHARE} when the cell is hidden
     */
    public static String share(RatingCell s, long answers, Suppression k) {
        return k.primary(s.count()) ? NO_SHARE : Long.toString(s.percent(answers));
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param period   the local dates
     * @param zone     their zone
     * @param k        the suppression
     * @return month, station_id, station, item, category, units
     * @throws SQLException when the query fails
     */
    public static ExportTable handouts(Connection c, int district, ReportPeriod period, ZoneId zone, Suppression k)
            throws SQLException {
        List<List<String>> rows = REPORTS.handouts(c, district, period, zone).stream()
                .map(h -> List.of(h.month(), h.station(), h.stationName(), h.item(), h.category(), units(h, k))).toList();
        return new ExportTable("handouts " + period.from() + " " + period.to(),
                List.of("month", "station_id", "station", "item", "category", "units"), Set.of(5), rows);
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param zone     the zone of the report times
     * @return station_id, station, item, stock, low_at, low (yes/no), reported_at; low ones first
     * @throws SQLException when the query fails
     */
    public static ExportTable stock(Connection c, int district, ZoneId zone) throws SQLException {
        List<List<String>> rows = REPORTS.stock(c, district).stream()
                .map(s -> List.of(s.station(), s.stationName(), s.item(), Integer.toString(s.stock()),
                        Integer.toString(s.lowAt()), s.low() ? "yes" : "no", TIME.format(s.at().atZone(zone))))
                .toList();
        return new ExportTable("stock", List.of("station_id", "station", "item", "stock", "low_at", "low", "reported_at"),
                Set.of(3, 4), rows);
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param period   the local dates
     * @param zone     their zone
     * @param k        the suppression
     * @return month, station_id, station, ratings, satisfied_pct, neutral_pct, dissatisfied_pct
     * @throws SQLException when the query fails
     */
    public static ExportTable satisfaction(Connection c, int district, ReportPeriod period, ZoneId zone, Suppression k)
            throws SQLException {
        List<List<String>> rows = REPORTS.satisfaction(c, district, period, zone).stream()
                .map(s -> List.of(s.month(), s.station(), s.stationName(), ratings(s, k), share(s, s.satisfied(), k),
                        share(s, s.neutral(), k), share(s, s.dissatisfied(), k)))
                .toList();
        return new ExportTable("ratings " + period.from() + " " + period.to(), List.of("month", "station_id", "station",
                "ratings", "satisfied_pct", "neutral_pct", "dissatisfied_pct"), Set.of(3, 4, 5, 6), rows);
    }
}

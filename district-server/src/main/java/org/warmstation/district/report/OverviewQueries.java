package org.warmstation.district.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warmstation.district.fleet.FleetQuery;
import org.warmstation.district.fleet.FleetSettings;
import org.warmstation.district.fleet.StationState;
import org.warmstation.district.fleet.StationView;
import org.warmstation.district.report.Suppression.Count;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/**
 * The console's overview: one day of the district (today, read live from the visit table) beside
 * the same weekday a week earlier, by hour, worker category and service, and the stations online.
 * Each day is the day's {@link ReportQueries} report without its station lines (so the overview
 * shows the numbers of {@code district-server report --date}), shown through {@link ReportTable}
 * and its suppression like any report.
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class OverviewQueries {
    /**
     * The overview's figures.
     *
     * @param today          the day
     * @param sameDayLastWeek the day 7 days before
     * @param stationsOnline stations judged online now (connected and heard within the quiet threshold)
     * @param stationsKnown  stations the district knows
     */
    public record Overview(VisitReport today, VisitReport sameDayLastWeek, int stationsOnline, int stationsKnown) {
    }

    /**
     * @param c     connection
     * @param today the district's current local date
     * @param now   the district clock's instant (judges which stations are online, as the Stations page does)
     * @return the overview
     * @throws SQLException when the database fails
     */
    public Overview overview(Connection c, LocalDate today, Instant now) throws SQLException {
        List<StationView> stations = new FleetQuery(FleetSettings.DEFAULTS).stations(c, now);
        int online = (int) stations.stream().filter(s -> s.state() == StationState.ONLINE).count();
        return new Overview(day(c, today), day(c, today.minusDays(7)), online, stations.size());
    }

    /**
     * @param c   connection
     * @param day a local date
     * @return the district's day: TOTAL, GUESTS, CATEGORY, SERVICE and all 24 HOUR lines (zeros included)
     * @throws SQLException when the database fails
     */
    public VisitReport day(Connection c, LocalDate day) throws SQLException {
        VisitReport r = new ReportQueries().districtReport(c, new ReportPeriod(day, day));
        Map<String, Row> hours = new HashMap<>();
        r.rows(Dimension.HOUR).forEach(h -> hours.put(h.key(), h));
        List<Row> rows = new ArrayList<>(r.rows().subList(0, 2));
        rows.addAll(r.rows(Dimension.CATEGORY));
        rows.addAll(r.rows(Dimension.SERVICE));
        for (int h = 0; h < 24; h++) {
            String key = String.format("%02d", h);
            rows.add(hours.getOrDefault(key, new Row(Dimension.HOUR, key, "", Count.ZERO)));
        }
        return new VisitReport(day, day, rows);
    }
}

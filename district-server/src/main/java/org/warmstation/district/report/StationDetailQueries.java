package org.warmstation.district.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warmstation.district.report.Suppression.Count;
import org.warmstation.district.report.Suppression.Line;

/**
 * One station's detail: its visits per day over the last 30 days, an hour × weekday heat map over
 * the same days, and what day-close reconciliation found for it. Counts come suppressed: the days
 * and the heat map cells each add up to the 30-day total shown beside them, so both are lines.
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class StationDetailQueries {
    /** Days in the trend and the heat map. */
    public static final int DAYS = 30;

    /**
     * A shown count.
     *
     * @param text the visits or {@code <k}
     * @param visits the raw visits (for chart scaling only when not suppressed; 0 when suppressed)
     * @param suppressed whether hidden
     */
    public record Shown(String text, long visits, boolean suppressed) {
    }

    /**
     * @param station  station id
     * @param from     first day
     * @param to       last day (the given today)
     * @param total    the 30 days' visits
     * @param members  the 30 days' distinct members
     * @param days     visits per day, {@link #DAYS} entries from {@code from}
     * @param heat     [weekday 0 = Monday .. 6][hour 0..23]
     * @param findings reconciliation findings of the station, newest first (at most 100)
     */
    public record Detail(String station, LocalDate from, LocalDate to, Shown total, Shown members, List<Shown> days,
                         Shown[][] heat, List<FindingLine> findings) {
    }

    /**
     * One reconciliation finding.
     *
     * @param day      the station-local day of the summary
     * @param kind     GAP, SEQ_REUSED, HASH_MISMATCH...
     * @param firstSeq first seq concerned or null
     * @param lastSeq  last seq concerned or null
     * @param detail   the operator's sentence
     * @param foundAt  when found
     * @param resolved whether resolved since
     */
    public record FindingLine(LocalDate day, String kind, Long firstSeq, Long lastSeq, String detail, Instant foundAt,
                              boolean resolved) {
    }

    /**
     * @param c           connection
     * @param station     station id
     * @param today       the district's current local date (the trend's last day)
     * @param suppression the rule
     * @return the detail, or empty when the district does not know the station
     * @throws SQLException when the database fails
     */
    public Optional<Detail> detail(Connection c, String station, LocalDate today, Suppression suppression)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM station WHERE station_id = ?")) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        LocalDate from = today.minusDays(DAYS - 1L);
        List<Count> cells = new ArrayList<>(); // 0..29 days, 30..197 heat (weekday*24+hour), 198 total
        for (int i = 0; i < DAYS + 7 * 24; i++) {
            cells.add(Count.ZERO);
        }
        Count total = Count.ZERO;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT local_date, extract(isodow FROM local_date)::int, local_hour,
                       GROUPING(local_date, local_hour), count(*), count(*) FILTER (WHERE source = 'GUEST'),
                       count(DISTINCT member_id)
                  FROM visit WHERE station_id = ? AND local_date BETWEEN ? AND ?
                 GROUP BY GROUPING SETS ((), (local_date), (extract(isodow FROM local_date), local_hour))""")) {
            ps.setString(1, station);
            ps.setObject(2, from);
            ps.setObject(3, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Count n = new Count(rs.getLong(5), rs.getLong(7), rs.getLong(6));
                    int g = rs.getInt(4);
                    if (g == 3) {
                        total = n;
                    } else if (g == 1) {
                        int d = (int) java.time.temporal.ChronoUnit.DAYS.between(from, rs.getObject(1, LocalDate.class));
                        cells.set(d, n);
                    } else {
                        cells.set(DAYS + (rs.getInt(2) - 1) * 24 + rs.getInt(3), n);
                    }
                }
            }
        }
        cells.add(total);
        int t = cells.size() - 1;
        List<Integer> dayParts = java.util.stream.IntStream.range(0, DAYS).boxed().toList();
        List<Integer> heatParts = java.util.stream.IntStream.range(DAYS, DAYS + 7 * 24).boxed().toList();
        boolean[] hidden = suppression.suppress(cells, List.of(new Line(dayParts, t), new Line(heatParts, t)));
        List<Shown> days = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            days.add(shown(cells.get(d), hidden[d], suppression));
        }
        Shown[][] heat = new Shown[7][24];
        for (int w = 0; w < 7; w++) {
            for (int h = 0; h < 24; h++) {
                int i = DAYS + w * 24 + h;
                heat[w][h] = shown(cells.get(i), hidden[i], suppression);
            }
        }
        Shown members = suppression.primary(total) || hidden[t] ? new Shown(suppression.label(), 0, true)
                : new Shown(Long.toString(total.members()), total.members(), false);
        return Optional.of(new Detail(station, from, today, shown(total, hidden[t], suppression), members, days, heat,
                findings(c, station)));
    }

    private static Shown shown(Count c, boolean hidden, Suppression s) {
        return hidden ? new Shown(s.label(), 0, true) : new Shown(Long.toString(c.visits()), c.visits(), false);
    }

    private static List<FindingLine> findings(Connection c, String station) throws SQLException {
        List<FindingLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT day, kind, first_seq, last_seq,
                       detail || CASE WHEN epoch = '00000000-0000-0000-0000-000000000000' THEN ''
                                      ELSE ' (log epoch ' || left(epoch::text, 8) || ')' END,
                       found_at, resolved_at IS NOT NULL
                  FROM reconciliation_finding WHERE station_id = ? ORDER BY day DESC, id DESC LIMIT 100""")) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FindingLine(rs.getObject(1, LocalDate.class), rs.getString(2),
                            (Long) rs.getObject(3), (Long) rs.getObject(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getBoolean(7)));
                }
            }
        }
        return out;
    }
}

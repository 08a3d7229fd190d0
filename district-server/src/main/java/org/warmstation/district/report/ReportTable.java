package org.warmstation.district.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.warmstation.district.report.Suppression.Count;
import org.warmstation.district.report.Suppression.Line;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/**
 * A {@link VisitReport} as it may be shown: every line's visits and members as text, {@code <k}
 * where {@link Suppression} hides it. The one source of the CLI's CSV, the console's table and its
 * CSV and XLSX downloads, so they show the same cells.
 *
 * <p>Additive lines given to the suppression: stations, categories and hours each add up to TOTAL;
 * a station's STATION_CATEGORY cells add up to its STATION line and a category's to its CATEGORY
 * line; a service's STATION_SERVICE cells add up to its SERVICE line. SERVICE lines do not add up
 * to anything shown (a visit may have several services), nor does GUESTS (member visits are not
 * shown), so those are protected by the primary rule alone.
 *
 * @param from  the report's first date
 * @param to    the report's last date
 * @param k     the threshold used
 * @param lines the lines, in the report's order
 */
public record ReportTable(java.time.LocalDate from, java.time.LocalDate to, int k, List<Shown> lines) {

    /**
     * One shown line.
     *
     * @param dimension  what it is
     * @param key        first key
     * @param key2       second key or empty
     * @param visits     person-visits, or {@code <k}
     * @param members    distinct members, or {@code <k}
     * @param suppressed whether the line is hidden
     */
    public record Shown(Dimension dimension, String key, String key2, String visits, String members,
                        boolean suppressed) {
    }

    public ReportTable {
        lines = List.copyOf(lines);
    }

    /**
     * @param report      the raw report
     * @param suppression the rule
     * @return what may be shown
     */
    public static ReportTable of(VisitReport report, Suppression suppression) {
        Objects.requireNonNull(suppression, "suppression");
        List<Row> rows = report.rows();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(id(rows.get(i).dimension(), rows.get(i).key(), rows.get(i).key2()), i);
        }
        Map<Integer, List<Integer>> parts = new HashMap<>();
        for (int i = 2; i < rows.size(); i++) {
            Row r = rows.get(i);
            switch (r.dimension()) {
                case STATION, CATEGORY, HOUR -> add(parts, 0, i);
                case STATION_CATEGORY -> {
                    add(parts, index.get(id(Dimension.STATION, r.key(), "")), i);
                    add(parts, index.get(id(Dimension.CATEGORY, r.key2(), "")), i);
                }
                case STATION_SERVICE -> add(parts, index.get(id(Dimension.SERVICE, r.key2(), "")), i);
                default -> {
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Dimension d : List.of(Dimension.STATION, Dimension.CATEGORY, Dimension.HOUR)) {
            List<Integer> ofD = new ArrayList<>();
            for (int i = 2; i < rows.size(); i++) {
                if (rows.get(i).dimension() == d) {
                    ofD.add(i);
                }
            }
            if (!ofD.isEmpty()) {
                lines.add(new Line(ofD, 0));
            }
        }
        parts.forEach((total, p) -> {
            if (total != 0) {
                lines.add(new Line(p, total));
            }
        });
        List<Count> cells = rows.stream().map(Row::count).toList();
        boolean[] hidden = suppression.suppress(cells, lines);
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String label = suppression.label();
            shown.add(new Shown(r.dimension(), r.key(), r.key2(),
                    hidden[i] ? label : Long.toString(r.count().visits()),
                    hidden[i] ? label : Long.toString(r.count().members()), hidden[i]));
        }
        return new ReportTable(report.from(), report.to(), suppression.k(), shown);
    }

    private static void add(Map<Integer, List<Integer>> parts, Integer total, int part) {
        if (total == null) {
            throw new IllegalArgumentException("a cross-table cell without its margin line");
        }
        parts.computeIfAbsent(total, t -> new ArrayList<>()).add(part);
    }

    private static String id(Dimension d, String key, String key2) {
        return d + "\u0000" + key + "\u0000" + key2;
    }

    /**
     * @param dimension a dimension
     * @return its lines, in report order
     */
    public List<Shown> lines(Dimension dimension) {
        return lines.stream().filter(l -> l.dimension() == dimension).toList();
    }
}

package org.warmstation.district.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.warmstation.district.report.Suppression.Count;

/**
 * Person-visits (人次) over a period of station-local dates, with distinct members: the district
 * total, the guests, four one-way breakdowns and two cross-tables (station × category, station ×
 * service). Raw numbers: show them only through {@link ReportTable}, which applies
 * {@link Suppression}.
 *
 * <p>Counting rules: a visit counts once in the total, once under its station, its category and its
 * hour; under SERVICE it counts once under <em>each</em> of its distinct services, so the service
 * lines add up to more than the total (a visit taking hot water and the toilet is one visit, and
 * one hot-water use and one toilet use). Distinct members never add up across lines.
 *
 * @param from first local date (inclusive)
 * @param to   last local date (inclusive)
 * @param rows the lines: first TOTAL then GUESTS, then the breakdowns in {@link Dimension} order
 */
public record VisitReport(LocalDate from, LocalDate to, List<Row> rows) {

    /** What a line is. */
    public enum Dimension {
        /** The district over the period (key {@code from..to}). */
        TOTAL,
        /** Visits without a card (members always 0). */
        GUESTS,
        /** By station id. */
        STATION,
        /** By worker category name. */
        CATEGORY,
        /** By service name: a visit with several services counts under each. */
        SERVICE,
        /** By station-local hour of check-in, 00–23. */
        HOUR,
        /** By station (key) and category (key2); a station's categories add up to the station. */
        STATION_CATEGORY,
        /** By station (key) and service (key2); a service's stations add up to the service. */
        STATION_SERVICE
    }

    /**
     * One line.
     *
     * @param dimension the dimension
     * @param key       station id, category, service or two-digit hour (the period for TOTAL, empty for GUESTS)
     * @param key2      the second key of a cross-table, else empty
     * @param count     visits, distinct members, guest visits
     */
    public record Row(Dimension dimension, String key, String key2, Count count) {
        public Row {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(key2, "key2");
            Objects.requireNonNull(count, "count");
        }
    }

    public VisitReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        rows = List.copyOf(rows);
        if (rows.size() < 2 || rows.get(0).dimension() != Dimension.TOTAL || rows.get(1).dimension() != Dimension.GUESTS) {
            throw new IllegalArgumentException("a report starts with its TOTAL and GUESTS lines");
        }
    }

    /** @return the district's total over the period */
    public Count total() {
        return rows.get(0).count();
    }

    /**
     * @param dimension a dimension
     * @return its rows, in report order
     */
    public List<Row> rows(Dimension dimension) {
        return rows.stream().filter(r -> r.dimension() == dimension).toList();
    }
}

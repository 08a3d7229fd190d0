package org.warmstation.district.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Person-visits (人次) over a period of station-local dates, broken down by station, worker
 * category, service and hour of day, with the number of distinct members.
 *
 * @param from            first local date (inclusive)
 * @param to              last local date (inclusive)
 * @param personVisits    all visits in the period
 * @param guestVisits     of which guests without a card
 * @param distinctMembers distinct member ids among the card visits
 * @param rows            the breakdowns, dimension by dimension
 */
public record VisitReport(LocalDate from, LocalDate to, long personVisits, long guestVisits, long distinctMembers,
                          List<Row> rows) {

    /** A breakdown dimension. */
    public enum Dimension {
        /** By station id. */
        STATION,
        /** By worker category name. */
        CATEGORY,
        /** By service name (a visit using two services counts under both). */
        SERVICE,
        /** By station-local hour of check-in, 00–23. */
        HOUR
    }

    /**
     * One line of a breakdown.
     *
     * @param dimension       the dimension
     * @param key             station id, category, service or two-digit hour
     * @param personVisits    visits
     * @param distinctMembers distinct members among them
     */
    public record Row(Dimension dimension, String key, long personVisits, long distinctMembers) {
        public Row {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(key, "key");
        }
    }

    public VisitReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        rows = List.copyOf(rows);
    }

    /**
     * @param dimension a dimension
     * @return its rows, in report order
     */
    public List<Row> rows(Dimension dimension) {
        return rows.stream().filter(r -> r.dimension() == dimension).toList();
    }
}

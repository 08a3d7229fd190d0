package org.warmstation.protocol.wire;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One date on which a station keeps other hours than its weekly ones (a holiday, a repair day, a
 * longer evening during a cold wave). Immutable.
 *
 * @param date  the station-local date
 * @param spans that day's spans {@code HH:MM-HH:MM} as in {@link OpeningHours}; empty = closed all day
 * @param note  why, for staff and the console (at most 100 characters), or null
 */
public record HoursException(LocalDate date, List<String> spans, String note) {
    /** @throws IllegalArgumentException naming the first malformed span, or too many spans */
    public HoursException {
        Objects.requireNonNull(date, "exception date");
        spans = spans == null ? List.of() : List.copyOf(spans);
        if (spans.size() > OpeningHours.MAX_SPANS_PER_DAY) {
            throw new IllegalArgumentException("more than " + OpeningHours.MAX_SPANS_PER_DAY + " opening spans on " + date);
        }
        spans.forEach(s -> OpeningHours.checkSpan(date.toString(), s));
        Check.text("exception note", note, 100);
    }

    /**
     * @param date the date
     * @return closed all that day
     */
    public static HoursException closed(LocalDate date) {
        return new HoursException(date, List.of(), null);
    }
}

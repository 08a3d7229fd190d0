package org.warmstation.district.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A report's period of station-local dates, both inclusive, at most {@value #MAX_DAYS} days.
 *
 * @param from first date
 * @param to   last date
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
    /** The longest period a report covers. */
    public static final int MAX_DAYS = 400;

    /** Why a period was refused (for a localised message). */
    public enum Reason {
        /** Not YYYY-MM-DD or YYYY-MM. */
        MALFORMED,
        /** Ends before it starts. */
        REVERSED,
        /** Longer than {@value ReportPeriod#MAX_DAYS} days. */
        TOO_LONG
    }

    /** A period that cannot be reported, with an English message and its {@link Reason}. */
    public static final class InvalidPeriodException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        InvalidPeriodException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** @return why */
        public Reason reason() {
            return reason;
        }
    }

    /**
     * @throws InvalidPeriodException when {@code to} is before {@code from} or the period is longer than
     *                                {@value #MAX_DAYS} days
     */
    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidPeriodException(Reason.REVERSED, "period ends " + to + " before it starts " + from);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidPeriodException(Reason.TOO_LONG,
                    "period " + from + ".." + to + " has " + days + " days, at most " + MAX_DAYS);
        }
    }

    /**
     * Parses a period from two bounds, each a date (YYYY-MM-DD) or a month (YYYY-MM: its first day as
     * {@code from}, its last as {@code to}).
     *
     * @param from first date or month
     * @param to   last date or month; null or blank for the same as {@code from}
     * @return the period
     * @throws InvalidPeriodException when a bound is malformed, or the period is reversed or too long
     */
    public static ReportPeriod parse(String from, String to) {
        String last = to == null || to.isBlank() ? from : to;
        return new ReportPeriod(bound(from, true), bound(last, false));
    }

    /** @return the number of days, 1..{@value #MAX_DAYS} */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate bound(String text, boolean first) {
        if (text == null || text.isBlank() || text.length() > 10) {
            throw new InvalidPeriodException(Reason.MALFORMED, "not a date (YYYY-MM-DD) or month (YYYY-MM): " + text);
        }
        String t = text.strip();
        try {
            if (t.length() == 7) {
                YearMonth m = YearMonth.parse(t);
                return first ? m.atDay(1) : m.atEndOfMonth();
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidPeriodException(Reason.MALFORMED, "not a date (YYYY-MM-DD) or month (YYYY-MM): " + t);
        }
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}

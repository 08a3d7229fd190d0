package org.warmstation.district.console;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Reads request parameters (query string or form) and refuses bad ones with a
 * {@link ConsoleException} (400) whose message names the parameter and the expected form.
 * Stateless; all methods are static.
 */
public final class Params {
    /** Longest date range a page or export accepts, in days (both ends counted). */
    public static final int MAX_RANGE_DAYS = 400;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private Params() {
    }

    /**
     * An inclusive range of days.
     *
     * @param from first day
     * @param to   last day, not before {@code from}
     */
    public record DateRange(LocalDate from, LocalDate to) {
        /** @return the number of days in the range, both ends counted */
        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /**
     * @param ctx  the request
     * @param name parameter name
     * @return the trimmed value, empty when missing or blank
     */
    public static Optional<String> optional(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null && !ctx.method().equals(io.javalin.http.HandlerType.GET)) {
            v = ctx.formParam(name);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * @param ctx  the request
     * @param name parameter name
     * @return the value
     * @throws ConsoleException 400 {@code error.missingParam} when missing
     */
    public static String required(Context ctx, String name) {
        return optional(ctx, name).orElseThrow(() -> ConsoleException.badRequest("error.missingParam", name));
    }

    /**
     * @param ctx  the request
     * @param name parameter name
     * @return the date ({@code yyyy-MM-dd}), empty when missing
     * @throws ConsoleException 400 {@code error.badDate} when malformed
     */
    public static Optional<LocalDate> date(Context ctx, String name) {
        return optional(ctx, name).map(v -> parseDate(name, v));
    }

    /**
     * @param ctx  the request
     * @param name parameter name
     * @return the month ({@code yyyy-MM}), empty when missing
     * @throws ConsoleException 400 {@code error.badMonth} when malformed
     */
    public static Optional<YearMonth> month(Context ctx, String name) {
        return optional(ctx, name).map(v -> {
            try {
                return YearMonth.parse(v, MONTH);
            } catch (DateTimeParseException e) {
                throw ConsoleException.badRequest("error.badMonth", name, v);
            }
        });
    }

    /**
     * Reads a date range from two parameters; each may be a day ({@code yyyy-MM-dd}) or a month
     * ({@code yyyy-MM}: from its first day, to its last).
     *
     * @param ctx      the request
     * @param fromName parameter of the first day
     * @param toName   parameter of the last day
     * @param fallback the range used when both are missing
     * @return the range
     * @throws ConsoleException 400 when a value is malformed ({@code error.badDate}), the range is
     *                          reversed ({@code error.rangeReversed}) or longer than
     *                          {@value #MAX_RANGE_DAYS} days ({@code error.rangeTooLong})
     */
    public static DateRange range(Context ctx, String fromName, String toName, DateRange fallback) {
        Optional<String> f = optional(ctx, fromName);
        Optional<String> t = optional(ctx, toName);
        if (f.isEmpty() && t.isEmpty()) {
            return checked(fallback);
        }
        LocalDate from = f.map(v -> dayOrMonth(fromName, v, true)).orElse(null);
        LocalDate to = t.map(v -> dayOrMonth(toName, v, false)).orElse(null);
        if (from == null) {
            from = to;
        }
        if (to == null) {
            to = f.get().length() == 7 ? dayOrMonth(fromName, f.get(), false) : from;
        }
        return checked(new DateRange(from, to));
    }

    /**
     * @param range a range
     * @return the range
     * @throws ConsoleException 400 when reversed or longer than {@value #MAX_RANGE_DAYS} days
     */
    public static DateRange checked(DateRange range) {
        if (range.to().isBefore(range.from())) {
            throw ConsoleException.badRequest("error.rangeReversed", range.from(), range.to());
        }
        if (range.days() > MAX_RANGE_DAYS) {
            throw ConsoleException.badRequest("error.rangeTooLong", range.days(), MAX_RANGE_DAYS);
        }
        return range;
    }

    /**
     * @param ctx  the request
     * @param name parameter name
     * @param min  smallest allowed
     * @param max  largest allowed
     * @return the integer, empty when missing
     * @throws ConsoleException 400 {@code error.badNumber} when not an integer in [min, max]
     */
    public static Optional<Integer> integer(Context ctx, String name, int min, int max) {
        return optional(ctx, name).map(v -> {
            try {
                int i = Integer.parseInt(v);
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw ConsoleException.badRequest("error.badNumber", name, v, min, max);
        });
    }

    /**
     * @param ctx     the request
     * @param name    parameter name
     * @param allowed the allowed values
     * @return the value, empty when missing
     * @throws ConsoleException 400 {@code error.badChoice} when not one of {@code allowed}
     */
    public static Optional<String> choice(Context ctx, String name, Set<String> allowed) {
        return optional(ctx, name).map(v -> {
            if (!allowed.contains(v)) {
                throw ConsoleException.badRequest("error.badChoice", name, v, String.join(", ", allowed.stream().sorted().toList()));
            }
            return v;
        });
    }

    private static LocalDate dayOrMonth(String name, String v, boolean first) {
        if (v.length() == 7) {
            try {
                YearMonth m = YearMonth.parse(v, MONTH);
                return first ? m.atDay(1) : m.atEndOfMonth();
            } catch (DateTimeParseException e) {
                throw ConsoleException.badRequest("error.badDate", name, v);
            }
        }
        return parseDate(name, v);
    }

    private static LocalDate parseDate(String name, String v) {
        try {
            return LocalDate.parse(v, DATE);
        } catch (DateTimeParseException e) {
            throw ConsoleException.badRequest("error.badDate", name, v);
        }
    }
}

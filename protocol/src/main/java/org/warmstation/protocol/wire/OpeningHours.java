package org.warmstation.protocol.wire;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A station's weekly opening hours: per weekday a list of spans {@code HH:MM-HH:MM} in the
 * station's zone ({@code 24:00} allowed as an end; an end not after the start runs past midnight
 * into the next day, e.g. {@code 20:00-08:00}). A weekday without spans is closed. Immutable and
 * thread-safe; pure functions only.
 */
public final class OpeningHours {
    private static final Pattern SPAN = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]|24):([0-5]\\d)");
    private static final Pattern DAY_SPEC = Pattern.compile(
            "\\s*([A-Za-z]{3})(?:\\s*-\\s*([A-Za-z]{3}))?\\s+(.+)");
    private static final List<String> DAY_CODES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    /** Most spans per weekday. */
    public static final int MAX_SPANS_PER_DAY = 6;

    private OpeningHours() {
    }

    /**
     * Checks a weekday map as carried on the wire.
     *
     * @param hours weekday to spans; null or empty means not published
     * @return an immutable copy (weekdays in order), empty when null
     * @throws IllegalArgumentException naming the first malformed span or a day with too many spans
     */
    public static Map<DayOfWeek, List<String>> check(Map<DayOfWeek, List<String>> hours) {
        Map<DayOfWeek, List<String>> copy = new EnumMap<>(DayOfWeek.class);
        if (hours == null) {
            return Map.copyOf(copy);
        }
        hours.forEach((day, spans) -> {
            Objects.requireNonNull(day, "weekday");
            List<String> list = spans == null ? List.of() : List.copyOf(spans);
            if (list.size() > MAX_SPANS_PER_DAY) {
                throw new IllegalArgumentException("more than " + MAX_SPANS_PER_DAY + " opening spans on " + day);
            }
            list.forEach(s -> checkSpan(day.toString(), s));
            copy.put(day, list);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Parses the configuration form, e.g. {@code MON-FRI 08:00-20:00; SAT,SUN 09:00-12:00,13:00-17:00}.
     * A later part overrides an earlier one for the same weekday. Blank text is "not published".
     *
     * @param text the text
     * @return weekday to spans
     * @throws IllegalArgumentException naming the malformed part
     */
    public static Map<DayOfWeek, List<String>> parse(String text) {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return check(hours);
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String p = part.strip();
            int space = p.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("'" + p + "': expected weekdays and spans, e.g. MON-FRI 08:00-20:00");
            }
            List<String> spans = new ArrayList<>();
            for (String s : p.substring(space + 1).split(",")) {
                spans.add(span(s.strip()));
            }
            for (String days : p.substring(0, space).split(",")) {
                Matcher m = DAY_SPEC.matcher(days + " x");
                if (!m.matches()) {
                    throw new IllegalArgumentException("'" + days + "': expected weekdays like MON or MON-FRI");
                }
                int from = day(m.group(1));
                int to = m.group(2) == null ? from : day(m.group(2));
                for (int d = from; ; d = (d + 1) % 7) {
                    hours.put(DayOfWeek.of(d + 1), List.copyOf(spans));
                    if (d == to) {
                        break;
                    }
                }
            }
        }
        return check(hours);
    }

    /**
     * The configuration form of a weekday map (one part per weekday with spans).
     *
     * @param hours weekday to spans
     * @return e.g. {@code MON 08:00-20:00; TUE 08:00-20:00}, empty when none
     */
    public static String format(Map<DayOfWeek, List<String>> hours) {
        StringBuilder sb = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<String> spans = hours.get(d);
            if (spans != null && !spans.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "; ").append(DAY_CODES.get(d.ordinal())).append(' ')
                        .append(String.join(",", spans));
            }
        }
        return sb.toString();
    }

    /**
     * Whether the station is open at a local date-time, counting a span that runs past midnight
     * from the day before.
     *
     * @param hours weekday to spans (as checked by {@link #check})
     * @param at    station-local date and time
     * @return true when some span covers {@code at}
     */
    public static boolean openAt(Map<DayOfWeek, List<String>> hours, LocalDateTime at) {
        LocalTime t = at.toLocalTime();
        for (String s : hours.getOrDefault(at.getDayOfWeek(), List.of())) {
            int[] m = minutes(s);
            if (m[1] > m[0] ? inside(t, m[0], m[1]) : inside(t, m[0], 24 * 60)) {
                return true;
            }
        }
        for (String s : hours.getOrDefault(at.getDayOfWeek().minus(1), List.of())) {
            int[] m = minutes(s);
            if (m[1] <= m[0] && inside(t, 0, m[1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(LocalTime t, int fromMinute, int toMinute) {
        int now = t.getHour() * 60 + t.getMinute();
        return now >= fromMinute && now < toMinute;
    }

    private static int[] minutes(String span) {
        Matcher m = SPAN.matcher(span);
        if (!m.matches()) {
            throw new IllegalArgumentException("opening span '" + Check.abbreviate(span) + "'");
        }
        int from = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        return new int[] {from, to};
    }

    /**
     * Checks one span.
     *
     * @param where the day it belongs to, for the message (e.g. {@code MONDAY}, {@code 2026-12-25})
     * @param span  the span
     * @return the span
     * @throws IllegalArgumentException naming the day and the span when it is not {@code HH:MM-HH:MM}
     */
    static String checkSpan(String where, String span) {
        try {
            return span(span);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String span(String span) {
        if (span == null || !SPAN.matcher(span).matches()) {
            throw new IllegalArgumentException("opening span '" + (span == null ? "null" : Check.abbreviate(span))
                    + "' is not HH:MM-HH:MM (e.g. 08:00-20:00, 00:00-24:00)");
        }
        int[] m = minutes(span);
        if (m[1] > 24 * 60) {
            throw new IllegalArgumentException("opening span '" + span + "' ends after 24:00");
        }
        return span;
    }

    private static int day(String code) {
        int i = DAY_CODES.indexOf(code.toUpperCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException("'" + code + "' is not a weekday (MON TUE WED THU FRI SAT SUN)");
        }
        return i;
    }
}

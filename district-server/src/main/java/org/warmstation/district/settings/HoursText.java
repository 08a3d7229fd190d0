package org.warmstation.district.settings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.warmstation.protocol.wire.HoursException;
import org.warmstation.protocol.wire.OpeningHours;

/**
 * The text form of opening-hour exceptions on the console and the command line, one date a line:
 * {@code 2026-12-25 closed}, {@code 2026-12-31 07:00-18:00} or
 * {@code 2027-01-01 09:00-12:00,14:00-17:00}, optionally followed by {@code # note}. Pure functions.
 */
public final class HoursText {
    private HoursText() {
    }

    /**
     * @param text the lines; blank lines are skipped
     * @return the exceptions in the order given
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static List<HoursException> parseExceptions(String text) {
        List<HoursException> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("exception line " + (i + 1) + " '" + abbreviate(line) + "': "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * @param spec one {@code DATE=closed} or {@code DATE=SPANS} as given on the command line
     * @return the exception
     * @throws IllegalArgumentException when malformed
     */
    public static HoursException parseAssignment(String spec) {
        return parseLine(spec.replaceFirst("=", " "));
    }

    private static HoursException parseLine(String line) {
        String note = null;
        int hash = line.indexOf('#');
        if (hash >= 0) {
            note = line.substring(hash + 1).strip();
            line = line.substring(0, hash).strip();
        }
        String[] f = line.split("\\s+", 2);
        LocalDate date;
        try {
            date = LocalDate.parse(f[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(f[0]) + "' is not a date YYYY-MM-DD");
        }
        if (f.length < 2) {
            throw new IllegalArgumentException("expected 'closed' or spans like 07:00-18:00 after the date");
        }
        String what = f[1].strip();
        List<String> spans = what.equalsIgnoreCase("closed") ? List.of()
                : Arrays.stream(what.split(",")).map(String::strip).toList();
        return new HoursException(date, spans, note == null || note.isEmpty() ? null : note);
    }

    /**
     * The configuration form of weekly hours with runs of days that keep the same spans joined,
     * e.g. {@code MON-FRI 07:00-22:00; SAT-SUN 09:00-17:00}; {@link OpeningHours#parse} reads it.
     *
     * @param weekly weekday to spans
     * @return the text, empty when no day has spans
     */
    public static String weekly(Map<DayOfWeek, List<String>> weekly) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            List<String> spans = weekly.getOrDefault(days[i], List.of());
            int j = i;
            while (j + 1 < days.length && weekly.getOrDefault(days[j + 1], List.of()).equals(spans)) {
                j++;
            }
            if (!spans.isEmpty()) {
                String from = days[i].name().substring(0, 3);
                parts.add((j == i ? from : from + "-" + days[j].name().substring(0, 3)) + " " + String.join(",", spans));
            }
            i = j + 1;
        }
        return String.join("; ", parts);
    }

    /**
     * @param exceptions exceptions
     * @return their text form, one a line
     */
    public static String format(List<HoursException> exceptions) {
        StringBuilder sb = new StringBuilder();
        for (HoursException e : exceptions) {
            sb.append(e.date()).append(' ').append(e.spans().isEmpty() ? "closed" : String.join(",", e.spans()));
            if (e.note() != null) {
                sb.append(" # ").append(e.note());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

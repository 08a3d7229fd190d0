package org.warmstation.devices.peripherals;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Daily local-time windows such as night hours {@code 22:00-06:00} or opening hours
 * {@code 08:00-12:00,14:00-20:00}. A window whose end is before its start runs over midnight;
 * {@code 24:00} as an end means the end of the day. Start inclusive, end exclusive.
 *
 * @param spans the windows, at least one
 */
public record TimeWindow(List<Span> spans) {

    /** Every hour of the day. */
    public static final TimeWindow ALWAYS = new TimeWindow(List.of(new Span(LocalTime.MIDNIGHT, null)));

    public TimeWindow {
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("no time window");
        }
    }

    /**
     * One window.
     *
     * @param start first minute inside
     * @param end   first minute after, or null for the end of the day (24:00)
     */
    public record Span(LocalTime start, LocalTime end) {
        public Span {
            Objects.requireNonNull(start, "start");
            if (start.equals(end)) {
                throw new IllegalArgumentException("window " + start + "-" + end + " is empty");
            }
        }

        boolean contains(LocalTime t) {
            if (end == null) {
                return !t.isBefore(start);
            }
            if (start.isBefore(end)) {
                return !t.isBefore(start) && t.isBefore(end);
            }
            return !t.isBefore(start) || t.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "-" + (end == null ? "24:00" : end.toString());
        }
    }

    /**
     * Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm…]}.
     *
     * @param text the text
     * @return the windows
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static TimeWindow parse(String text) {
        List<Span> spans = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("'" + p + "' is not HH:mm-HH:mm");
            }
            try {
                LocalTime start = LocalTime.parse(p.substring(0, dash).strip());
                String e = p.substring(dash + 1).strip();
                LocalTime end = e.equals("24:00") ? null : LocalTime.parse(e);
                spans.add(new Span(start, end));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("'" + p + "' is not HH:mm-HH:mm", ex);
            }
        }
        return new TimeWindow(spans);
    }

    /**
     * @param time a local time
     * @return whether it lies in one of the windows
     */
    public boolean contains(LocalTime time) {
        return spans.stream().anyMatch(s -> s.contains(time));
    }

    /**
     * @param clock the station clock, in the station's zone
     * @return whether the clock's current local time lies in one of the windows
     */
    public boolean containsNow(Clock clock) {
        return contains(LocalTime.now(clock));
    }

    @Override
    public String toString() {
        return String.join(",", spans.stream().map(Span::toString).toList());
    }
}

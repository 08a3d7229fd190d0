package org.warmstation.protocol.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A station's opening hours: weekly spans ({@link OpeningHours}) and dated exceptions that replace
 * a weekday's spans on that date. An empty weekly map means "no weekly limit": open around the
 * clock except on the exception dates. A weekday missing from a non-empty map is closed. A span
 * whose end is not after its start runs past midnight. Immutable; pure functions of station-local
 * date-times (no clock, no zone).
 *
 * @param weekly     weekday to spans; empty = open every day, all day
 * @param exceptions at most {@value #MAX_EXCEPTIONS} dates, each at most once
 */
public record StationHours(Map<DayOfWeek, List<String>> weekly, List<HoursException> exceptions) {
    /** Most exception dates in one document. */
    public static final int MAX_EXCEPTIONS = 400;
    /** How far ahead {@link #nextOpening} and {@link #openUntil} look. */
    public static final int HORIZON_DAYS = 15;
    /** Open every day, all day. */
    public static final StationHours ALWAYS = new StationHours(Map.of(), List.of());

    /** @throws IllegalArgumentException naming the first malformed span, or a date given twice */
    public StationHours {
        weekly = OpeningHours.check(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        if (exceptions.size() > MAX_EXCEPTIONS) {
            throw new IllegalArgumentException("more than " + MAX_EXCEPTIONS + " exception dates");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (HoursException e : exceptions) {
            if (!seen.add(e.date())) {
                throw new IllegalArgumentException("exception date " + e.date() + " given twice");
            }
        }
        exceptions = exceptions.stream().sorted(Comparator.comparing(HoursException::date)).toList();
    }

    /**
     * @param date station-local date
     * @return that date's spans (the exception's when there is one); {@code 00:00-24:00} when unrestricted
     */
    public List<String> spansOn(LocalDate date) {
        for (HoursException e : exceptions) {
            if (e.date().equals(date)) {
                return e.spans();
            }
        }
        if (weekly.isEmpty()) {
            return List.of("00:00-24:00");
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /**
     * @param at station-local date and time
     * @return whether the station is open then
     */
    public boolean openAt(LocalDateTime at) {
        return stretchAt(at).isPresent();
    }

    /**
     * @param at station-local date and time
     * @return when the open stretch around {@code at} ends; empty when closed at {@code at}, or
     *         open beyond the {@value #HORIZON_DAYS}-day horizon (around the clock)
     */
    public Optional<LocalDateTime> openUntil(LocalDateTime at) {
        return stretchAt(at).map(s -> s[1]).filter(end -> end.isBefore(at.toLocalDate().plusDays(HORIZON_DAYS)
                .atStartOfDay()));
    }

    /**
     * @param at station-local date and time
     * @return the next opening after {@code at} when closed at {@code at}; empty when open, or
     *         when no opening comes within {@value #HORIZON_DAYS} days
     */
    public Optional<LocalDateTime> nextOpening(LocalDateTime at) {
        if (openAt(at)) {
            return Optional.empty();
        }
        return stretches(at.toLocalDate()).stream().map(s -> s[0]).filter(start -> start.isAfter(at)).findFirst();
    }

    /** @return whether any limit is set (weekly spans or exceptions) */
    @JsonIgnore
    public boolean limited() {
        return !weekly.isEmpty() || !exceptions.isEmpty();
    }

    private Optional<LocalDateTime[]> stretchAt(LocalDateTime at) {
        for (LocalDateTime[] s : stretches(at.toLocalDate())) {
            if (!at.isBefore(s[0]) && at.isBefore(s[1])) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Open stretches from the day before {@code from} to the horizon, merged where they touch, in order. */
    private List<LocalDateTime[]> stretches(LocalDate from) {
        List<LocalDateTime[]> spans = new ArrayList<>();
        for (LocalDate d = from.minusDays(1); d.isBefore(from.plusDays(HORIZON_DAYS)); d = d.plusDays(1)) {
            for (String s : spansOn(d)) {
                LocalTime start = LocalTime.parse(s.substring(0, 5));
                String endText = s.substring(6);
                LocalDateTime begin = d.atTime(start);
                LocalDateTime end = endText.equals("24:00") ? d.plusDays(1).atStartOfDay()
                        : d.atTime(LocalTime.parse(endText));
                spans.add(new LocalDateTime[] {begin, end.isAfter(begin) ? end : end.plusDays(1)});
            }
        }
        spans.sort(Comparator.comparing(s -> s[0]));
        List<LocalDateTime[]> merged = new ArrayList<>();
        for (LocalDateTime[] s : spans) {
            LocalDateTime[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !s[0].isAfter(last[1])) {
                if (s[1].isAfter(last[1])) {
                    last[1] = s[1];
                }
            } else {
                merged.add(new LocalDateTime[] {s[0], s[1]});
            }
        }
        return merged;
    }
}

package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StationHoursTest {
    /** 2026-12-07 is a Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private final StationHours hours = new StationHours(OpeningHours.parse("MON-FRI 07:00-22:00; SAT 20:00-02:00"),
            List.of(HoursException.closed(MONDAY.plusDays(2)),
                    new HoursException(MONDAY.plusDays(3), List.of("10:00-12:00"), "repair")));

    @Test
    void closedBeforeOpeningTellsTodaysOpening() {
        LocalDateTime early = MONDAY.atTime(6, 30);
        assertFalse(hours.openAt(early));
        assertEquals(Optional.of(MONDAY.atTime(7, 0)), hours.nextOpening(early));
        assertEquals(Optional.empty(), hours.openUntil(early));
    }

    @Test
    void openTellsWhenItCloses() {
        assertTrue(hours.openAt(MONDAY.atTime(7, 0)));
        assertEquals(Optional.of(MONDAY.atTime(22, 0)), hours.openUntil(MONDAY.atTime(12, 0)));
        assertEquals(Optional.empty(), hours.nextOpening(MONDAY.atTime(12, 0)));
        assertFalse(hours.openAt(MONDAY.atTime(22, 0)));
    }

    @Test
    void aClosedExceptionDateSkipsToTheNextOpenDay() {
        LocalDateTime tuesdayNight = MONDAY.plusDays(1).atTime(23, 0);
        assertEquals(Optional.of(MONDAY.plusDays(3).atTime(10, 0)), hours.nextOpening(tuesdayNight));
        assertFalse(hours.openAt(MONDAY.plusDays(2).atTime(12, 0)));
        assertFalse(hours.openAt(MONDAY.plusDays(3).atTime(9, 0)), "the exception replaces Thursday's 07:00-22:00");
        assertEquals(Optional.of(MONDAY.plusDays(3).atTime(12, 0)), hours.openUntil(MONDAY.plusDays(3).atTime(11, 0)));
    }

    @Test
    void aSpanPastMidnightKeepsTheStationOpenIntoTheNextDay() {
        LocalDateTime sundayOne = MONDAY.plusDays(6).atTime(1, 0);
        assertTrue(hours.openAt(sundayOne));
        assertEquals(Optional.of(MONDAY.plusDays(6).atTime(2, 0)), hours.openUntil(sundayOne));
    }

    @Test
    void noWeeklyHoursMeansAroundTheClockExceptOnExceptionDates() {
        StationHours always = new StationHours(Map.of(), List.of(HoursException.closed(MONDAY)));
        assertTrue(always.openAt(MONDAY.minusDays(1).atTime(3, 0)));
        assertEquals(Optional.of(MONDAY.atStartOfDay()), always.openUntil(MONDAY.minusDays(1).atTime(3, 0)));
        assertFalse(always.openAt(MONDAY.atTime(12, 0)));
        assertEquals(Optional.of(MONDAY.plusDays(1).atStartOfDay()), always.nextOpening(MONDAY.atTime(12, 0)));
        assertEquals(Optional.empty(), StationHours.ALWAYS.openUntil(MONDAY.atTime(12, 0)), "never closes");
    }

    @Test
    void malformedSpansAndRepeatedDatesAreRefusedNamingTheDay() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new StationHours(Map.of(DayOfWeek.TUESDAY, List.of("25:00-26:00")), List.of()));
        assertTrue(e.getMessage().startsWith("TUESDAY: opening span '25:00-26:00'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HoursException(MONDAY, List.of("7-22"), null));
        assertTrue(e.getMessage().startsWith("2026-12-07: opening span '7-22'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StationHours(Map.of(),
                List.of(HoursException.closed(MONDAY), HoursException.closed(MONDAY))));
        assertEquals("exception date 2026-12-07 given twice", e.getMessage());
    }
}

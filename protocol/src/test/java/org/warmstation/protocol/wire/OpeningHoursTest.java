package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    // 2026-12-07 is a Monday
    private static LocalDateTime mon(int h, int m) {
        return LocalDateTime.of(2026, 12, 7, h, m);
    }

    @Test
    void parsesRangesListsAndOverrides() {
        Map<DayOfWeek, List<String>> h = OpeningHours.parse("MON-FRI 08:00-20:00; SAT,SUN 09:00-12:00,13:00-17:00; fri 08:00-22:00");
        assertEquals(List.of("08:00-20:00"), h.get(DayOfWeek.WEDNESDAY));
        assertEquals(List.of("08:00-22:00"), h.get(DayOfWeek.FRIDAY));
        assertEquals(List.of("09:00-12:00", "13:00-17:00"), h.get(DayOfWeek.SUNDAY));
        assertEquals("MON 08:00-20:00; TUE 08:00-20:00; WED 08:00-20:00; THU 08:00-20:00; FRI 08:00-22:00; "
                + "SAT 09:00-12:00,13:00-17:00; SUN 09:00-12:00,13:00-17:00", OpeningHours.format(h));
        assertEquals(h, OpeningHours.parse(OpeningHours.format(h)));
    }

    @Test
    void wrapsWeekdayRangesOverSunday() {
        Map<DayOfWeek, List<String>> h = OpeningHours.parse("SAT-MON 10:00-11:00");
        assertEquals(3, h.size());
        assertTrue(h.containsKey(DayOfWeek.SUNDAY));
    }

    @Test
    void openAtRespectsSpanEndsAndClosedDays() {
        Map<DayOfWeek, List<String>> h = OpeningHours.parse("MON 08:00-20:00");
        assertFalse(OpeningHours.openAt(h, mon(7, 59)));
        assertTrue(OpeningHours.openAt(h, mon(8, 0)));
        assertTrue(OpeningHours.openAt(h, mon(19, 59)));
        assertFalse(OpeningHours.openAt(h, mon(20, 0)));
        assertFalse(OpeningHours.openAt(h, mon(12, 0).plusDays(1)));
        assertFalse(OpeningHours.openAt(Map.of(), mon(12, 0)));
    }

    @Test
    void aSpanPastMidnightOpensTheNextMorning() {
        Map<DayOfWeek, List<String>> h = OpeningHours.parse("MON 20:00-08:00");
        assertTrue(OpeningHours.openAt(h, mon(23, 0)));
        assertTrue(OpeningHours.openAt(h, mon(7, 0).plusDays(1)));
        assertFalse(OpeningHours.openAt(h, mon(8, 0).plusDays(1)));
        assertFalse(OpeningHours.openAt(h, mon(7, 0)));
        assertTrue(OpeningHours.openAt(OpeningHours.parse("MON-SUN 00:00-24:00"), mon(23, 59)));
    }

    @Test
    void malformedTextIsRefusedNamingThePart() {
        var e = assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("MON-FRI 8-20"));
        assertTrue(e.getMessage().contains("8-20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("XYZ 08:00-20:00"));
        assertTrue(e.getMessage().contains("XYZ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("MON 08:00-24:30"));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("MON08:00-20:00"));
        assertTrue(OpeningHours.parse("  ").isEmpty());
    }
}

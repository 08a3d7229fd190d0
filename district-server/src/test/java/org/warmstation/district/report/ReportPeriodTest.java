package org.warmstation.district.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.warmstation.district.report.ReportPeriod.InvalidPeriodException;
import org.warmstation.district.report.ReportPeriod.Reason;

class ReportPeriodTest {
    @Test
    void monthsAndDatesMixAsBounds() {
        ReportPeriod p = ReportPeriod.parse("2026-02", "2026-03-10");
        assertEquals(LocalDate.of(2026, 2, 1), p.from());
        assertEquals(LocalDate.of(2026, 3, 10), p.to());
        assertEquals(28, ReportPeriod.parse("2026-02", null).days());
    }

    @Test
    void fourHundredDaysIsTheLongestPeriod() {
        assertEquals(400, ReportPeriod.parse("2026-01-01", "2027-02-04").days());
        InvalidPeriodException e = assertThrows(InvalidPeriodException.class,
                () -> ReportPeriod.parse("2026-01-01", "2027-02-05"));
        assertEquals(Reason.TOO_LONG, e.reason());
    }

    @Test
    void malformedAndReversedPeriodsAreRefusedWithTheirReason() {
        assertEquals(Reason.MALFORMED, assertThrows(InvalidPeriodException.class,
                () -> ReportPeriod.parse("2026-13", null)).reason());
        assertEquals(Reason.MALFORMED, assertThrows(InvalidPeriodException.class,
                () -> ReportPeriod.parse("20.11.2026", null)).reason());
        assertEquals(Reason.MALFORMED, assertThrows(InvalidPeriodException.class,
                () -> ReportPeriod.parse("", null)).reason());
        assertEquals(Reason.REVERSED, assertThrows(InvalidPeriodException.class,
                () -> ReportPeriod.parse("2026-11-20", "2026-11-19")).reason());
    }
}

package org.warmstation.protocol.supply;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * The season a per-member supply limit counts in (decision 0150): the <b>winter</b> season runs
 * from 1 November to 31 March (Beijing's heating season with a fortnight either side), the
 * <b>summer</b> season from 1 April to 31 October. "One pair of gloves per winter" is a limit of 1
 * counted from the season's first day. Dates are the station's local dates. Stateless.
 */
public final class SupplySeason {
    private SupplySeason() {
    }

    /**
     * @param day a station-local date
     * @return the first day of the season it falls in
     */
    public static LocalDate start(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Month m = day.getMonth();
        if (m.getValue() >= Month.NOVEMBER.getValue()) {
            return LocalDate.of(day.getYear(), Month.NOVEMBER, 1);
        }
        if (m.getValue() <= Month.MARCH.getValue()) {
            return LocalDate.of(day.getYear() - 1, Month.NOVEMBER, 1);
        }
        return LocalDate.of(day.getYear(), Month.APRIL, 1);
    }

    /**
     * @param day a station-local date
     * @return whether it is in a winter season
     */
    public static boolean winter(LocalDate day) {
        return start(day).getMonth() == Month.NOVEMBER;
    }
}

package org.warmstation.district.report;

import java.time.LocalDate;

/**
 * A report would read visit rows of days the retention purge removed (decision 0203): before
 * {@link #keptFrom()} only whole months, read from the rollups, can be reported.
 */
public final class PurgedPeriodException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final LocalDate keptFrom;

    PurgedPeriodException(LocalDate keptFrom) {
        super("visits before " + keptFrom + " are kept as monthly totals only (retention): report whole months"
                + " there, e.g. --month " + keptFrom.minusMonths(1).toString().substring(0, 7));
        this.keptFrom = keptFrom;
    }

    /** @return the first day whose visit rows are kept */
    public LocalDate keptFrom() {
        return keptFrom;
    }
}

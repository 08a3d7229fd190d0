package org.warmstation.district;

import java.util.concurrent.Callable;
import org.warmstation.district.report.ReportFormat;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.ReportTable;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.report.VisitReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code district-server report}: person-visits of a date, a month or a range of either, as text or
 * CSV, with cells of fewer than k people shown as {@code <k} (the same table as the console).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Person-visits by station, worker category, service and hour, and distinct members; "
                + "cells of fewer than k people are shown as <k.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Period period;
    @Option(names = "--csv", description = "CSV instead of text")
    boolean csv;
    @Option(names = "--k", defaultValue = "5", description = "suppression threshold, at least 3 (default: ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--no-rollups", description = "compute from the visit table alone (slower; a check of the rollups)")
    boolean noRollups;
    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class Period {
        @Option(names = "--date", description = "one station-local date, YYYY-MM-DD")
        String date;
        @Option(names = "--month", description = "one month, YYYY-MM")
        String month;
        @CommandLine.ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, description = "first date or month of a range, at most 400 days")
        String from;
        @Option(names = "--to", description = "last date or month of the range (default: as --from)")
        String to;
    }

    @Override
    public Integer call() throws Exception {
        ReportPeriod p;
        Suppression suppression;
        try {
            suppression = new Suppression(k);
            if (period.date != null) {
                p = ReportPeriod.parse(period.date, period.date);
            } else if (period.month != null) {
                p = ReportPeriod.parse(period.month, period.month);
            } else {
                p = ReportPeriod.parse(period.range.from, period.range.to);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return db.withConnection(spec, (c, out) -> {
            ReportQueries q = new ReportQueries();
            VisitReport r = noRollups ? q.reportFromVisits(c, p) : q.report(c, p);
            ReportTable t = ReportTable.of(r, suppression);
            out.print(csv ? ReportFormat.csv(t) : ReportFormat.text(t));
            return 0;
        });
    }
}

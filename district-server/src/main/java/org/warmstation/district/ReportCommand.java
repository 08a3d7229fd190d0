package org.warmstation.district;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.warmstation.district.loan.LoanTables;
import org.warmstation.district.report.ExportTable;
import org.warmstation.district.report.ReportFormat;
import org.warmstation.district.report.PurgedPeriodException;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.ReportTable;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.report.VisitReport;
import org.warmstation.district.supply.SupplyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code district-server report}: person-visits of a date, a month or a range of either, as text or
 * CSV, with cells of fewer than k people shown as {@code <k} (the same table as the console). With
 * {@code --supplies}, {@code --stock}, {@code --ratings} or {@code --loans} (and {@code --district})
 * it prints instead the table the console's supplies or loans page shows and downloads
 * ({@link SupplyTables}, {@link LoanTables}); {@code --stock} and {@code --loans} take no period.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Person-visits by station, worker category, service and hour, and distinct members; "
                + "cells of fewer than k people are shown as <k. --supplies, --stock, --ratings or --loans print "
                + "the console's supplies and loans tables instead.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Period period;
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Table table;
    @Option(names = "--district", description = "the district id (needed by --supplies, --stock, --ratings, --loans)")
    Integer district;
    @Option(names = "--zone", description = "time zone of dates, months and times (default: the system's)")
    String zone;
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

    static final class Table {
        @Option(names = "--supplies", required = true, description = "handouts by month, station, item and category")
        boolean supplies;
        @Option(names = "--stock", required = true, description = "each station's last reported stock, low ones first")
        boolean stock;
        @Option(names = "--ratings", required = true, description = "satisfaction by month and station with each answer's share")
        boolean ratings;
        @Option(names = "--loans", required = true, description = "loans out, overdue, returned (30 days) and waiting per station")
        boolean loans;
    }

    static final class Range {
        @Option(names = "--from", required = true, description = "first date or month of a range, at most 400 days")
        String from;
        @Option(names = "--to", description = "last date or month of the range (default: as --from)")
        String to;
    }

    @Override
    public Integer call() throws Exception {
        ReportPeriod p = null;
        Suppression suppression;
        ZoneId z;
        boolean timeless = table != null && (table.stock || table.loans);
        try {
            z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown time zone: " + zone);
        }
        try {
            suppression = new Suppression(k);
            if (table != null && district == null) {
                throw new IllegalArgumentException("--supplies, --stock, --ratings and --loans need --district");
            }
            if (timeless && period != null) {
                throw new IllegalArgumentException("--stock and --loans show the present state: no --date, --month or --from");
            }
            if (!timeless && period == null) {
                throw new IllegalArgumentException("a period is needed: --date, --month or --from [--to]");
            }
            if (timeless) {
                p = null;
            } else if (period.date != null) {
                p = ReportPeriod.parse(period.date, period.date);
            } else if (period.month != null) {
                p = ReportPeriod.parse(period.month, period.month);
            } else {
                p = ReportPeriod.parse(period.range.from, period.range.to);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (table != null) {
            ReportPeriod period = p;
            return db.withConnection(spec, (c, out) -> {
                ExportTable t;
                if (table.supplies) {
                    t = SupplyTables.handouts(c, district, period, z, suppression);
                } else if (table.stock) {
                    t = SupplyTables.stock(c, district, z);
                } else if (table.ratings) {
                    t = SupplyTables.satisfaction(c, district, period, z, suppression);
                } else {
                    t = LoanTables.table(c, district, Instant.now());
                }
                out.print(csv ? ReportFormat.csv(t) : ReportFormat.text(t));
                return 0;
            });
        }
        ReportPeriod visits = p;
        return db.withConnection(spec, (c, out) -> {
            ReportQueries q = new ReportQueries();
            VisitReport r;
            try {
                r = noRollups ? q.reportFromVisits(c, visits) : q.report(c, visits);
            } catch (PurgedPeriodException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            ReportTable t = ReportTable.of(r, suppression);
            out.print(csv ? ReportFormat.csv(t) : ReportFormat.text(t));
            return 0;
        });
    }
}

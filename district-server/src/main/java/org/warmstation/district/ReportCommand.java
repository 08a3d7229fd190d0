package org.warmstation.district;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.warmstation.district.report.ReportFormat;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.VisitReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code district-server report}: person-visits of one date or month, as text or CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Person-visits by station, worker category, service and hour, and distinct members.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Period period;
    @Option(names = "--csv", description = "CSV instead of text")
    boolean csv;
    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class Period {
        @Option(names = "--date", description = "one station-local date, YYYY-MM-DD")
        String date;
        @Option(names = "--month", description = "one month, YYYY-MM")
        String month;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate from;
        LocalDate to;
        try {
            if (period.date != null) {
                from = LocalDate.parse(period.date);
                to = from;
            } else {
                YearMonth m = YearMonth.parse(period.month);
                from = m.atDay(1);
                to = m.atEndOfMonth();
            }
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "not a date (YYYY-MM-DD) or month (YYYY-MM): " + e.getParsedString());
        }
        return db.withConnection(spec, (c, out) -> {
            VisitReport r = new ReportQueries().report(c, from, to);
            out.print(csv ? ReportFormat.csv(r) : ReportFormat.text(r));
            return 0;
        });
    }
}

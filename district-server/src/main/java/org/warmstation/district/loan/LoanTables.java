package org.warmstation.district.loan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.warmstation.district.report.ExportTable;

/**
 * The loans page's table as an {@link ExportTable} (its CSV and XLSX downloads and
 * {@code district-server report --loans}): per station the loans out, overdue, returned within
 * {@link #RETURNED_DAYS} days and returns waiting for their loan, then the district's TOTAL line,
 * as the page shows them. Counts of items, not of people: no suppression (decision 0155).
 * Stateless; blocks on the database.
 */
public final class LoanTables {
    /** Overdue after this long out where a station has no {@code loanOverdueDays} setting (the stations' default). */
    public static final Duration OVERDUE = Duration.ofDays(3);
    /** Returns are counted over this many days. */
    public static final int RETURNED_DAYS = 30;

    private LoanTables() {
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param now      the district clock's instant
     * @return the page's lines, as {@link LoanBook#summary} gives them
     * @throws SQLException when the query fails
     */
    public static List<LoanBook.StationLoans> lines(Connection c, int district, Instant now) throws SQLException {
        return new LoanBook().summary(c, district, now, OVERDUE, now.minus(Duration.ofDays(RETURNED_DAYS)));
    }

    /**
     * @param lines the stations' lines
     * @return their sums (station and name empty)
     */
    public static LoanBook.StationLoans total(List<LoanBook.StationLoans> lines) {
        return new LoanBook.StationLoans("", "", lines.stream().mapToLong(LoanBook.StationLoans::out).sum(),
                lines.stream().mapToLong(LoanBook.StationLoans::overdue).sum(),
                lines.stream().mapToLong(LoanBook.StationLoans::returned).sum(),
                lines.stream().mapToLong(LoanBook.StationLoans::waiting).sum(), 0);
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param now      the district clock's instant
     * @return station_id, station, out, overdue, returned, waiting; a last line with station_id TOTAL
     * @throws SQLException when the query fails
     */
    public static ExportTable table(Connection c, int district, Instant now) throws SQLException {
        List<LoanBook.StationLoans> lines = lines(c, district, now);
        List<List<String>> rows = new ArrayList<>();
        for (LoanBook.StationLoans l : lines) {
            rows.add(row(l.station(), l.name(), l));
        }
        rows.add(row("TOTAL", "", total(lines)));
        return new ExportTable("loans", List.of("station_id", "station", "out", "overdue", "returned_" + RETURNED_DAYS + "d",
                "waiting"), Set.of(2, 3, 4, 5), rows);
    }

    private static List<String> row(String id, String name, LoanBook.StationLoans l) {
        return List.of(id, name, Long.toString(l.out()), Long.toString(l.overdue()), Long.toString(l.returned()),
                Long.toString(l.waiting()));
    }
}

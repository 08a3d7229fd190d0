package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.loan.LoanBook;
import org.warmstation.district.loan.LoanTables;
import org.warmstation.district.report.ExportTable;

/**
 * The loans page at {@code /loans} (analysts): per station, the umbrellas, raincoats and power
 * banks lent there and still out, how many of those are overdue (out longer than the station's
 * {@code loanOverdueDays} setting, shown per line, else {@link #OVERDUE}, the stations' default;
 * decision 0221), how many of its loans came back in the last
 * {@link #RETURNED_DAYS} days (at any station), and returns handed in there still waiting for
 * their loan (decision 0155). Counts of items, not of people: no small-count suppression.
 * Downloads {@code /loans/loans.csv} and {@code /loans/loans.xlsx} hold the same lines
 * ({@link LoanTables}, as {@code district-server report --loans}).
 */
public final class LoansPage implements ConsolePage {
    /** Overdue after this long out (the stations' default setting). */
    public static final Duration OVERDUE = LoanTables.OVERDUE;
    /** Returns are counted over this many days. */
    public static final int RETURNED_DAYS = LoanTables.RETURNED_DAYS;

    private final ConsoleServices services;

    /** @param services what the page needs */
    public LoansPage(ConsoleServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/loans", Access.ANALYST, this::page);
        routes.data("/loans/loans.csv", Access.ANALYST, ctx -> Downloads.csv(ctx, table(), "warm-station-loans"));
        routes.data("/loans/loans.xlsx", Access.ANALYST, ctx -> Downloads.xlsx(ctx, table(), "warm-station-loans"));
    }

    private ExportTable table() throws java.sql.SQLException {
        try (Connection c = services.database().connection()) {
            return LoanTables.table(c, services.settings().district(), services.clock().instant());
        }
    }

    private void page(Context ctx) throws Exception {
        Instant now = services.clock().instant();
        List<LoanBook.StationLoans> rows;
        try (Connection c = services.database().connection()) {
            rows = LoanTables.lines(c, services.settings().district(), now);
        }
        services.renderer().render(ctx, "loans", Map.of("nav", "loans", "rows", rows,
                "totals", LoanTables.total(rows),
                "overdueDays", OVERDUE.toDays(), "returnedDays", RETURNED_DAYS));
    }
}

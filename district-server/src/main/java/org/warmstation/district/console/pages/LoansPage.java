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

/**
 * The loans page at {@code /loans} (analysts): per station, the umbrellas, raincoats and power
 * banks lent there and still out, how many of those are overdue (out longer than
 * {@link #OVERDUE}, the stations' default), how many of its loans came back in the last
 * {@link #RETURNED_DAYS} days (at any station), and returns handed in there still waiting for
 * their loan (decision 0155). Counts of items, not of people: no small-count suppression.
 */
public final class LoansPage implements ConsolePage {
    /** Overdue after this long out (the stations' default setting). */
    public static final Duration OVERDUE = Duration.ofDays(3);
    /** Returns are counted over this many days. */
    public static final int RETURNED_DAYS = 30;

    private final ConsoleServices services;
    private final LoanBook book = new LoanBook();

    /** @param services what the page needs */
    public LoansPage(ConsoleServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/loans", Access.ANALYST, this::page);
    }

    private void page(Context ctx) throws Exception {
        Instant now = services.clock().instant();
        List<LoanBook.StationLoans> rows;
        try (Connection c = services.database().connection()) {
            rows = book.summary(c, services.settings().district(), now, OVERDUE,
                    now.minus(Duration.ofDays(RETURNED_DAYS)));
        }
        long out = rows.stream().mapToLong(LoanBook.StationLoans::out).sum();
        long overdue = rows.stream().mapToLong(LoanBook.StationLoans::overdue).sum();
        long returned = rows.stream().mapToLong(LoanBook.StationLoans::returned).sum();
        long waiting = rows.stream().mapToLong(LoanBook.StationLoans::waiting).sum();
        services.renderer().render(ctx, "loans", Map.of("nav", "loans", "rows", rows,
                "totals", new LoanBook.StationLoans("", "", out, overdue, returned, waiting),
                "overdueDays", OVERDUE.toDays(), "returnedDays", RETURNED_DAYS));
    }
}

package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Params;
import org.warmstation.district.console.Params.DateRange;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.report.ReportFormat;
import org.warmstation.district.report.PurgedPeriodException;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.ReportTable;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.report.VisitReport.Dimension;

/**
 * Reports at {@code /reports}: a form for a date or month range (at most 400 days; bad ranges are a
 * 400 message page), the suppressed report as tables (the one-way breakdowns, and one cross-table
 * chosen with {@code cross=category|service}), and downloads {@code /reports/report.csv} (UTF-8
 * with BOM) and {@code /reports/report.xlsx} with exactly the cells of {@code district-server report
 * --csv} for the same range and k.
 */
public final class ReportsPage implements ConsolePage {
    private final ConsoleServices services;

    /** @param services what the page needs */
    public ReportsPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/reports", Access.ANALYST, this::render);
        routes.data("/reports/report.csv", Access.ANALYST, ctx -> {
            ReportTable t = table(ctx);
            Downloads.csv(ctx, ReportFormat.export(t), fileName(t));
        });
        routes.data("/reports/report.xlsx", Access.ANALYST, ctx -> {
            ReportTable t = table(ctx);
            Downloads.xlsx(ctx, ReportFormat.export(t), fileName(t));
        });
    }

    private void render(Context ctx) throws SQLException, IOException {
        String cross = Params.choice(ctx, "cross", Set.of("category", "service")).orElse("category");
        ReportTable t = table(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "reports");
        model.put("from", t.from().toString());
        model.put("to", t.to().toString());
        model.put("cross", cross);
        model.put("total", t.lines().get(0));
        model.put("guests", t.lines().get(1));
        model.put("stations", t.lines(Dimension.STATION));
        model.put("categories", t.lines(Dimension.CATEGORY));
        model.put("services", t.lines(Dimension.SERVICE));
        model.put("hours", t.lines(Dimension.HOUR));
        model.put("crossLines", t.lines(cross.equals("service") ? Dimension.STATION_SERVICE : Dimension.STATION_CATEGORY));
        model.put("query", "from=" + t.from() + "&to=" + t.to());
        services.renderer().render(ctx, "reports", model);
    }

    /** The suppressed report of the request's range (default: this month up to today). */
    private ReportTable table(Context ctx) throws SQLException {
        LocalDate today = LocalDate.now(services.clock());
        DateRange r = Params.range(ctx, "from", "to", new DateRange(today.withDayOfMonth(1), today));
        try (Connection c = services.database().connection()) {
            return ReportTable.of(new ReportQueries().report(c, new ReportPeriod(r.from(), r.to())),
                    new Suppression(services.settings().k()));
        } catch (PurgedPeriodException e) {
            throw ConsoleException.badRequest("error.reportPurged", e.keptFrom().toString());
        }
    }

    private static String fileName(ReportTable t) {
        return "warm-station-report-" + t.from() + "-" + t.to();
    }

    /** @return the dimensions the page shows as one-way tables, in order */
    static List<Dimension> oneWay() {
        return List.of(Dimension.STATION, Dimension.CATEGORY, Dimension.SERVICE, Dimension.HOUR);
    }
}

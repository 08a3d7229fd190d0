package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.db.VisitQuarantine;
import org.warmstation.district.report.OverviewQueries;
import org.warmstation.district.report.OverviewQueries.Overview;
import org.warmstation.district.report.ReportTable;
import org.warmstation.district.report.ReportTable.Shown;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.report.VisitReport.Dimension;

/**
 * The overview at {@code /}: today's person-visits and distinct members of the district beside the
 * same weekday last week, by hour (an ECharts bar chart), worker category and service, and the
 * stations online now, and (when there are any) how many visits the district set aside unstored, linking
 * to {@link QuarantinePage}. Every count goes through {@link Suppression} ({@link ReportTable}).
 */
public final class OverviewPage implements ConsolePage {
    private final ConsoleServices services;

    /** @param services what the page needs */
    public OverviewPage(ConsoleServices services) {
        this.services = services;
    }

    /**
     * A breakdown line of both days.
     *
     * @param key       category or service name
     * @param today     today's visits or {@code <k}
     * @param lastWeek  the same weekday last week, or {@code <k}
     */
    public record Compare(String key, String today, String lastWeek) {
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/", Access.ANALYST, this::render);
    }

    private void render(Context ctx) throws Exception {
        LocalDate today = LocalDate.now(services.clock());
        Overview o;
        long quarantined;
        try (Connection c = services.database().connection()) {
            o = new OverviewQueries().overview(c, today, services.clock().instant());
            quarantined = new VisitQuarantine().count(c, services.settings().district());
        }
        Suppression suppression = new Suppression(services.settings().k());
        ReportTable now = ReportTable.of(o.today(), suppression);
        ReportTable before = ReportTable.of(o.sameDayLastWeek(), suppression);
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "overview");
        model.put("today", today.toString());
        model.put("lastWeek", o.sameDayLastWeek().from().toString());
        model.put("total", now.lines().get(0));
        model.put("totalLastWeek", before.lines().get(0));
        model.put("online", o.stationsOnline());
        model.put("known", o.stationsKnown());
        model.put("quarantined", quarantined);
        model.put("categories", compare(now, before, Dimension.CATEGORY));
        model.put("services", compare(now, before, Dimension.SERVICE));
        model.put("hours", compare(now, before, Dimension.HOUR));
        model.put("hourToday", chartValues(now.lines(Dimension.HOUR)));
        model.put("hourLastWeek", chartValues(before.lines(Dimension.HOUR)));
        services.renderer().render(ctx, "overview", model);
    }

    /** @return both days' lines of a dimension, today's order first, then keys only last week had */
    static List<Compare> compare(ReportTable now, ReportTable before, Dimension d) {
        Map<String, Shown> last = new HashMap<>();
        before.lines(d).forEach(l -> last.put(l.key(), l));
        List<Compare> out = new ArrayList<>();
        for (Shown l : now.lines(d)) {
            Shown b = last.remove(l.key());
            out.add(new Compare(l.key(), l.visits(), b == null ? "0" : b.visits()));
        }
        for (Shown b : before.lines(d)) {
            if (last.containsKey(b.key())) {
                out.add(new Compare(b.key(), "0", b.visits()));
            }
        }
        return out;
    }

    /** @return the chart's values: a number, or null (a gap) for a suppressed cell */
    static List<Long> chartValues(List<Shown> lines) {
        List<Long> v = new ArrayList<>();
        for (Shown l : lines) {
            v.add(l.suppressed() ? null : Long.valueOf(l.visits()));
        }
        return v;
    }
}

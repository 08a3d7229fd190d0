package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.report.StationDetailQueries;
import org.warmstation.district.report.StationDetailQueries.Detail;
import org.warmstation.district.report.StationDetailQueries.Shown;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.ticket.TicketRow;
import org.warmstation.district.ticket.TicketStore;

/**
 * A station's detail at {@code /stations/{id}}: its last 30 days (a chart and a table), an hour ×
 * weekday heat map (an HTML table shaded by count), its day-close reconciliation findings and its
 * tickets (open, and resolved within {@link TicketStore#RESOLVED_SHOWN}; each links to the ticket
 * inbox). All counts suppressed ({@link StationDetailQueries}); an unknown station id is a 404
 * message page.
 */
public final class StationDetailPage implements ConsolePage {
    private static final int MAX_ID = 64;
    private static final int MAX_TICKETS = 50;
    private final ConsoleServices services;

    /** @param services what the page needs */
    public StationDetailPage(ConsoleServices services) {
        this.services = services;
    }

    /**
     * One heat map cell.
     *
     * @param text  the count or {@code <k}
     * @param shade background opacity 0..1 (0 for a suppressed cell)
     */
    public record HeatCell(String text, double shade) {
    }

    /**
     * One day of the trend.
     *
     * @param day  the date
     * @param text visits or {@code <k}
     */
    public record Day(String day, String text) {
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/stations/{id}", Access.ANALYST, this::render);
    }

    private void render(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        if (id.length() > MAX_ID) {
            throw ConsoleException.notFound("error.stationUnknown", id.substring(0, MAX_ID) + "…");
        }
        LocalDate today = LocalDate.now(services.clock());
        Optional<Detail> found;
        List<TicketRow> tickets;
        try (Connection c = services.database().connection()) {
            found = new StationDetailQueries().detail(c, id, today, new Suppression(services.settings().k()));
            tickets = found.isEmpty() ? List.of() : new TicketStore().recent(c, services.settings().district(), id,
                    services.clock().instant(), MAX_TICKETS);
        }
        Detail d = found.orElseThrow(() -> ConsoleException.notFound("error.stationUnknown", id));
        long max = 1;
        for (Shown[] row : d.heat()) {
            for (Shown s : row) {
                max = Math.max(max, s.visits());
            }
        }
        List<List<HeatCell>> heat = new ArrayList<>();
        for (Shown[] row : d.heat()) {
            List<HeatCell> cells = new ArrayList<>();
            for (Shown s : row) {
                cells.add(new HeatCell(s.text(), s.suppressed() ? 0 : Math.round(100.0 * s.visits() / max) / 100.0));
            }
            heat.add(cells);
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < d.days().size(); i++) {
            days.add(new Day(d.from().plusDays(i).toString(), d.days().get(i).text()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "stations");
        model.put("station", d.station());
        model.put("from", d.from().toString());
        model.put("to", d.to().toString());
        model.put("total", d.total().text());
        model.put("members", d.members().text());
        model.put("days", days);
        model.put("trend", String.join(",", d.days().stream().map(s -> s.suppressed() ? "" : s.text()).toList()));
        model.put("heat", heat);
        model.put("findings", d.findings());
        model.put("stationTickets", tickets.stream().map(t -> TicketInboxPage.row(t, services.clock().getZone())).toList());
        model.putAll(new StationSettingsPage(services).model(id));
        services.renderer().render(ctx, "station", model);
    }
}

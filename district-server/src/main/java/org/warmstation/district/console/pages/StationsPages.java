package org.warmstation.district.console.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Lang;
import org.warmstation.district.console.RouteTable;

/**
 * The stations page {@code /stations} (every station with state, since, backlog, last visit, clock
 * flag, version, today's visits; sortable, filterable) and its data {@code /api/stations} (JSON,
 * see {@link FleetData#snapshot}), which the page and the map poll every 2 s (decision 0077).
 */
public final class StationsPages implements ConsolePage {
    /** How often the pages poll the data, in milliseconds. */
    static final int POLL_MILLIS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConsoleServices services;
    private final FleetData data;

    /** @param services what the page needs */
    public StationsPages(ConsoleServices services) {
        this.services = services;
        this.data = new FleetData(services);
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/stations", Access.ANALYST, ctx -> services.renderer().render(ctx, "stations", Map.of(
                "nav", "stations", "labels", PageLabels.of("stations", "stations.js.", Lang.of(ctx)),
                "pollMillis", POLL_MILLIS)));
        routes.data("/api/stations", Access.ANALYST, this::json);
    }

    private void json(Context ctx) throws Exception {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=UTF-8");
        ctx.result(JSON.writeValueAsString(data.snapshot()));
    }
}

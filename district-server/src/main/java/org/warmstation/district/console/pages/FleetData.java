package org.warmstation.district.console.pages;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.fleet.FleetQuery;
import org.warmstation.district.fleet.FleetSettings;
import org.warmstation.district.fleet.Geo;
import org.warmstation.district.fleet.StationView;
import org.warmstation.district.report.Suppression;

/**
 * The stations page's and the map's data: every station as a JSON-ready map, today's visits
 * suppressed (primary, and secondary against the district's total of today, which the overview
 * shows), plus the district outline (convex hull of the stations' positions). Thread-safe; each
 * query takes its own connection and blocks. {@link #snapshot} is shared for {@link #SHARED_FOR}
 * between the pages that poll it (at 1,300 stations the query takes 0.15–0.3 s, decision 0077).
 */
final class FleetData {
    /** How long one snapshot answers every poll. */
    static final java.time.Duration SHARED_FOR = java.time.Duration.ofSeconds(1);
    private final ConsoleServices services;
    private final FleetQuery query;
    private Map<String, Object> shared;
    private long sharedAtNanos;
    private Instant sharedClock;

    /** @param services database, settings (k) and clock */
    FleetData(ConsoleServices services) {
        this.services = services;
        this.query = new FleetQuery(FleetSettings.DEFAULTS);
    }

    /**
     * @return the stations now
     * @throws SQLException when the database fails
     */
    List<StationView> stations() throws SQLException {
        try (Connection c = services.database().connection()) {
            return query.stations(c, services.clock().instant());
        }
    }

    /**
     * @return {@code now} (epoch ms), {@code k}, {@code stations} (list of maps, see
     *         {@link #station}) and {@code outline} (list of [lat, lon])
     * @throws SQLException when the database fails
     */
    synchronized Map<String, Object> snapshot() throws SQLException {
        Instant clock = services.clock().instant();
        // a console clock moved by hand (tests) past the sharing time also asks again
        if (shared != null && System.nanoTime() - sharedAtNanos < SHARED_FOR.toNanos()
                && java.time.Duration.between(sharedClock, clock).abs().compareTo(SHARED_FOR) < 0) {
            return shared;
        }
        shared = fresh();
        sharedAtNanos = System.nanoTime();
        sharedClock = clock;
        return shared;
    }

    private Map<String, Object> fresh() throws SQLException {
        List<StationView> views = stations();
        Suppression suppression = new Suppression(services.settings().k());
        List<Suppression.Count> cells = new ArrayList<>();
        long visits = 0;
        long members = 0;
        long guests = 0;
        for (StationView v : views) {
            cells.add(new Suppression.Count(v.visitsToday(), v.membersToday(), v.guestsToday()));
            visits += v.visitsToday();
            members += v.membersToday(); // an upper bound of the distinct members; the total is never shown here
            guests += v.guestsToday();
        }
        cells.add(new Suppression.Count(visits, members, guests));
        boolean[] hidden = suppression.suppress(cells, List.of(new Suppression.Line(
                IntStream.range(0, views.size()).boxed().toList(), views.size())));
        List<Map<String, Object>> stations = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            stations.add(station(views.get(i), hidden[i] ? suppression.label() : Long.toString(views.get(i).visitsToday()),
                    hidden[i] ? -1 : views.get(i).visitsToday()));
        }
        List<List<Double>> outline = Geo.convexHull(views.stream().filter(v -> v.place() != null)
                        .map(v -> new Geo.Point(v.place().latitude(), v.place().longitude())).toList())
                .stream().map(p -> List.of(p.lat(), p.lon())).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", services.clock().instant().toEpochMilli());
        out.put("k", suppression.k());
        out.put("stations", stations);
        out.put("outline", outline);
        return out;
    }

    private Map<String, Object> station(StationView v, String visitsShown, long visitsSort) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.station());
        m.put("name", v.displayName());
        m.put("state", v.state().name());
        m.put("since", millis(v.since()));
        m.put("lastHeard", millis(v.lastHeard()));
        m.put("backlog", v.backlog());
        m.put("lastVisit", millis(v.lastVisit()));
        m.put("clockSynced", v.clockSynced());
        m.put("version", v.appVersion());
        m.put("visits", visitsShown);
        m.put("visitsSort", visitsSort);
        m.put("temperature", v.temperature());
        m.put("busy", v.busy());
        m.put("openNow", v.openNow());
        m.put("simulated", v.simulated());
        m.put("denyVersion", v.lists().denyVersion());
        m.put("trustVersion", v.lists().trustVersion());
        m.put("listsStale", v.listsStale(services.clock().instant()));
        if (v.place() != null) {
            m.put("lat", v.place().latitude());
            m.put("lon", v.place().longitude());
            m.put("address", v.place().address());
            m.put("phone", v.place().phone());
            m.put("navigate", NavigateLink.amap(v.place().name(), v.place().latitude(), v.place().longitude()));
        }
        return m;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}

package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Params;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.fleet.Geo;
import org.warmstation.district.fleet.StationView;

/**
 * The public station finder {@code /stations/public} (no login): stations near a point
 * ({@code lat}, {@code lon} parameters, or the browser's position via a button) sorted by distance,
 * open now or not, opening hours today, services, phone, navigate link and a "busy" flag. It never
 * shows a visit count, a station id, a state or a backlog. {@code open=1} lists only stations open
 * now. A malformed coordinate gives the page with a message and status 400.
 */
public final class PublicFinderPage implements ConsolePage {
    /** Most stations listed. */
    static final int MAX_LISTED = 50;
    private final ConsoleServices services;
    private final FleetData data;

    /** @param services what the page needs */
    public PublicFinderPage(ConsoleServices services) {
        this.services = services;
        this.data = new FleetData(services);
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/stations/public", Access.PUBLIC, this::page);
    }

    private void page(Context ctx) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "public");
        Optional<Geo.Point> here = Optional.empty();
        try {
            here = point(ctx);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            model.put("error", true);
        }
        boolean onlyOpen = Params.optional(ctx, "open").map("1"::equals).orElse(false);
        model.put("onlyOpen", onlyOpen);
        model.put("lat", Params.optional(ctx, "lat").orElse(""));
        model.put("lon", Params.optional(ctx, "lon").orElse(""));
        model.put("here", here.map(p -> String.format(Locale.ROOT, "%.5f, %.5f", p.lat(), p.lon())).orElse(null));
        model.put("stations", list(data.stations(), here, onlyOpen));
        services.renderer().render(ctx, "finder", model);
    }

    private static Optional<Geo.Point> point(Context ctx) {
        Optional<String> lat = Params.optional(ctx, "lat");
        Optional<String> lon = Params.optional(ctx, "lon");
        if (lat.isEmpty() && lon.isEmpty()) {
            return Optional.empty();
        }
        double la = degrees(lat.orElse(""), 90);
        double lo = degrees(lon.orElse(""), 180);
        return Optional.of(new Geo.Point(la, lo));
    }

    private static double degrees(String text, double max) {
        try {
            double d = Double.parseDouble(text);
            if (Math.abs(d) <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException("not a coordinate: " + text);
    }

    private List<Map<String, Object>> list(List<StationView> views, Optional<Geo.Point> here, boolean onlyOpen) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StationView v : views) {
            StationView.Place p = v.place();
            if (p == null || onlyOpen && !Boolean.TRUE.equals(v.openNow())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("address", p.address());
            m.put("phone", p.phone());
            m.put("open", v.openNow() == null ? "unknown" : v.openNow() ? "open" : "closed");
            m.put("hoursToday", String.join(", ", p.openingHours().getOrDefault(
                    LocalDate.now(services.clock().withZone(p.zone())).getDayOfWeek(), List.of())));
            m.put("services", p.services());
            m.put("busy", v.busy());
            m.put("simulated", v.simulated());
            m.put("navigate", NavigateLink.amap(p.name(), p.latitude(), p.longitude()));
            here.ifPresent(h -> m.put("meters", Geo.meters(h, new Geo.Point(p.latitude(), p.longitude()))));
            out.add(m);
        }
        Comparator<Map<String, Object>> order = here.isPresent()
                ? Comparator.comparingDouble(m -> (Double) m.get("meters"))
                : Comparator.comparing(m -> (String) m.get("name"));
        out.sort(order);
        return out.size() > MAX_LISTED ? out.subList(0, MAX_LISTED) : out;
    }
}

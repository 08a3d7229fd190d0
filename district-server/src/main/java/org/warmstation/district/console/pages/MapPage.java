package org.warmstation.district.console.pages;

import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Lang;
import org.warmstation.district.console.RouteTable;

/**
 * The map page {@code /map}: Leaflet (WebJar) with every station as a marker coloured by its state
 * and a popup (name, address, today's visits suppressed, navigate link), polling
 * {@code /api/stations} like the stations page. Tiles from the console's {@code --map-tiles} URL;
 * without one the map draws the district outline (convex hull of the stations) on a blank
 * background and works offline.
 */
public final class MapPage implements ConsolePage {
    /** The Leaflet WebJar's version (district-server's pom). */
    static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";
    private final ConsoleServices services;

    /** @param services what the page needs */
    public MapPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/map", Access.ANALYST, ctx -> services.renderer().render(ctx, "map", Map.of(
                "nav", "map", "labels", PageLabels.of("map", "map.js.", Lang.of(ctx)),
                "pollMillis", StationsPages.POLL_MILLIS, "leaflet", LEAFLET,
                "tiles", services.settings().mapTilesUrl().orElse(""))));
    }
}

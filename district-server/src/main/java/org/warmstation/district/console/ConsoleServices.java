package org.warmstation.district.console;

import java.time.Clock;
import java.util.Objects;
import org.warmstation.district.db.DistrictDatabase;

/**
 * What a page needs: the district database (shared with the receiver), the console settings, the
 * template renderer and the clock (a fixed or mutable one in tests).
 *
 * @param database the open district database; pages take a connection per request and close it
 * @param settings how the console is served (district, k, tile URL)
 * @param renderer renders Thymeleaf templates into responses
 * @param clock    the console's clock: "today", session expiry, login lockout
 */
public record ConsoleServices(DistrictDatabase database, ConsoleSettings settings, PageRenderer renderer, Clock clock) {
    /** Null checks. */
    public ConsoleServices {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(clock, "clock");
    }
}

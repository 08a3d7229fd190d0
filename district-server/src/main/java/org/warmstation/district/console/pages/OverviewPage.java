package org.warmstation.district.console.pages;

import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;

/**
 * PLACEHOLDER overview at {@code /}: names the district and the user. The reports helper replaces
 * its content (today's totals, charts) in this class and {@code overview.html}.
 */
public final class OverviewPage implements ConsolePage {
    private final ConsoleServices services;

    /** @param services what the page needs */
    public OverviewPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/", Access.ANALYST, ctx -> services.renderer().render(ctx, "overview", Map.of("nav", "overview")));
    }
}

package org.warmstation.district.console.pages;

import java.util.List;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.ticket.TicketDownlinks;
import org.warmstation.district.ticket.TicketStore;

/**
 * The list of the console's pages (besides login/logout, which the server always adds). A new
 * page is one class implementing {@link ConsolePage} and one line here.
 */
public final class ConsolePages {
    private ConsolePages() {
    }

    /**
     * @param services what pages need
     * @return every standard page
     */
    public static List<ConsolePage> standard(ConsoleServices services) {
        return List.of(
                new OverviewPage(services),
                // before any /stations/{id} page: /stations/public is an exact path
                new PublicFinderPage(services),
                new StationsPages(services),
                new MapPage(services),
                new StationDetailPage(services),
                new StationSettingsPage(services),
                new ReportsPage(services),
                new SuppliesPage(services),
                new CardsPage(services),
                new LoansPage(services),
                new UpdatesPage(services),
                new QuarantinePage(services),
                new EnrollmentPage(services),
                new TicketInboxPage(services, new TicketDownlinks(services.settings().district(), new TicketStore(),
                        new DownlinkSender(services.database(), services.settings().district())::send,
                        services.clock())));
    }
}

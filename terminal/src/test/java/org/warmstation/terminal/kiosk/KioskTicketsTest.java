package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.warmstation.terminal.kiosk.RealDistrict.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.ticket.TicketDownlinks;
import org.warmstation.district.ticket.TicketRow;
import org.warmstation.district.ticket.TicketStore;
import org.warmstation.kiosk.app.KioskRuntime;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.ui.SameThreadTaskExecutor;
import org.warmstation.kiosk.ui.Screen;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.visitlog.domain.Ticket;

/**
 * Tickets through the terminal's real wiring ({@code ./station kiosk}): a visitor reports a problem
 * on the kiosk's report screen, the sync agent drains the TICKET record to the district's inbox
 * (real Mosquitto, district server on embedded PostgreSQL), the district resolves it, its signed
 * TICKETS downlink is applied by the agent, and the kiosk's ticket list (what the staff ticket
 * screen shows) says resolved.
 */
class KioskTicketsTest {
    private static final int DISTRICT = 110105;
    private static final String STATION = "CY-0043";

    @RegisterExtension
    static final RealDistrict real = new RealDistrict(DISTRICT);

    private static StationConfig station(Path dir) throws Exception {
        return real.station(dir, STATION, "团结湖驿站", 39.93, 116.47);
    }

    @Test
    void visitorTicketReachesTheInboxAndTheResolutionComesBackToTheKiosk(@TempDir Path dir) throws Exception {
        StationConfig config = station(dir.resolve("station"));
        SameThreadTaskExecutor ui = new SameThreadTaskExecutor();
        KioskRuntime kiosk = KioskRuntime.fromConfig(config, ui);
        try {
            kiosk.attach(SyncWiring.start(config));
            kiosk.startServices();
            kiosk.viewModel().startReport();
            assertEquals(Screen.REPORT, kiosk.viewModel().screenProperty().get());
            kiosk.viewModel().reportProblem(TicketProblem.TOILET_OUT_OF_ORDER);
            Ticket opened = kiosk.viewModel().tickets().openedProperty().get();
            assertEquals(TicketSource.VISITOR, opened.source());

            TicketStore inbox = new TicketStore();
            await(ui, "the ticket in the district's inbox", () -> inbox(inbox).stream()
                    .anyMatch(t -> t.id().equals(opened.id()) && t.station().equals(STATION)));
            try (Connection c = real.database().connection()) {
                c.setAutoCommit(false);
                assertEquals(TicketStore.Move.MOVED, inbox.move(c, DISTRICT, opened.id(), TicketStatus.RESOLVED,
                        "zhang.wei", Instant.now()));
                new TicketDownlinks(DISTRICT, inbox, new DownlinkSender(real.database(), DISTRICT)::send, Clock.systemUTC())
                        .send(c, STATION, "zhang.wei");
                c.commit();
            }
            await(ui, "the kiosk's ticket list says resolved", () -> {
                kiosk.viewModel().refreshStaff();
                return kiosk.viewModel().tickets().tickets().stream()
                        .anyMatch(t -> t.id().equals(opened.id()) && t.status() == TicketStatus.RESOLVED);
            });
            assertEquals(1, inbox(inbox).size(), "the ticket arrived once");
        } finally {
            kiosk.close();
        }
    }

    private static List<TicketRow> inbox(TicketStore store) {
        try (Connection c = real.database().connection()) {
            return store.inbox(c, DISTRICT, false, 10);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}

package org.warmstation.district.ticket;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.DownlinkCommand;

/**
 * Tells a station where its tickets stand: builds the {@code TICKETS} downlink from the
 * {@link TicketStore} and hands it to the district's downlink delivery, which signs it, publishes
 * it and sends it again on the station's birth until the station acks it. Each status change sends
 * the whole current list, so the newest command is all a station needs.
 *
 * <p>Thread-safe when the outlet is; blocks on the database and the outlet.
 */
public final class TicketDownlinks {
    private static final Logger LOG = LoggerFactory.getLogger(TicketDownlinks.class);

    /** Where the commands go: the district's downlink delivery (e.g. {@code DownlinkSender::send}). */
    @FunctionalInterface
    public interface Outlet {
        /**
         * @param station the target station
         * @param command the command, for that station
         * @throws Exception when it could not be stored for delivery
         */
        void send(String station, DownlinkCommand command) throws Exception;
    }

    private final int district;
    private final TicketStore store;
    private final Outlet outlet;
    private final Clock clock;

    /**
     * @param district the district
     * @param store    the tickets
     * @param outlet   the downlink delivery
     * @param clock    district clock (issue time, how long resolved tickets stay listed)
     */
    public TicketDownlinks(int district, TicketStore store, Outlet outlet, Clock clock) {
        this.district = district;
        this.store = Objects.requireNonNull(store, "store");
        this.outlet = Objects.requireNonNull(outlet, "outlet");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the station its current ticket list.
     *
     * @param c       connection (the status change is committed already)
     * @param station the station
     * @return the command sent
     * @throws SQLException when the list cannot be read
     * @throws Exception    when the delivery refuses the command
     */
    public DownlinkCommand send(Connection c, String station) throws Exception {
        DownlinkCommand cmd = DownlinkCommand.tickets(district, station, clock.instant(),
                store.statuses(c, district, station, clock.instant()));
        outlet.send(station, cmd);
        LOG.info("tickets of {} sent ({} listed, command {})", station, cmd.tickets().tickets().size(), cmd.id());
        return cmd;
    }
}

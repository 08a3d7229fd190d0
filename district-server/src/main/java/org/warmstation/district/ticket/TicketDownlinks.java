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
 * {@link TicketStore} and queues it with the district's downlink delivery
 * ({@link org.warmstation.district.downlink.DownlinkSender}), which signs it, publishes it and sends
 * it again on the station's birth until the station acks it. Each status change sends the whole
 * current list, so the newest command is all a station needs.
 *
 * <p>Thread-safe when the outlet is; blocks on the database.
 */
public final class TicketDownlinks {
    private static final Logger LOG = LoggerFactory.getLogger(TicketDownlinks.class);

    /** Where the commands go: the district's downlink delivery, {@code DownlinkSender::send}. */
    @FunctionalInterface
    public interface Outlet {
        /**
         * @param c        connection, inside the caller's transaction
         * @param command  the command, for its station
         * @param queuedBy who changed the ticket
         * @throws SQLException when it could not be queued
         */
        void send(Connection c, DownlinkCommand command, String queuedBy) throws SQLException;
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
     * Queues the station's current ticket list for it, in the caller's transaction (after the
     * status change, so the list has it; sent once the caller commits).
     *
     * @param c        connection, inside the transaction that changed a ticket
     * @param station  the station
     * @param queuedBy who changed it (console user)
     * @return the command queued
     * @throws SQLException when the list cannot be read or the command queued
     */
    public DownlinkCommand send(Connection c, String station, String queuedBy) throws SQLException {
        DownlinkCommand cmd = DownlinkCommand.tickets(district, station, clock.instant(),
                store.statuses(c, district, station, clock.instant()));
        outlet.send(c, cmd, queuedBy);
        LOG.info("tickets of {} sent ({} listed, command {})", station, cmd.tickets().tickets().size(), cmd.id());
        return cmd;
    }
}

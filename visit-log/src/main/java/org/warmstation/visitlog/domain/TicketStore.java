package org.warmstation.visitlog.domain;

import java.util.List;
import org.warmstation.protocol.wire.TicketStatuses;

/**
 * The station's tickets: opened here, sent to the district through the outbox, their status
 * taken from the district's {@code TICKETS} downlink. Every method blocks on storage; none may be
 * called on the UI thread. Implementations are thread-safe.
 */
public interface TicketStore extends AutoCloseable {
    /** How many tickets {@link #recent} lists at most. */
    int RECENT = 50;

    /**
     * Stores a new ticket durably together with its outbox record (one transaction).
     *
     * @param ticket the ticket, {@code NEW}
     * @return the ticket as stored
     * @throws VisitStore.StoreException when it could not be stored; nothing is half-written
     */
    Ticket open(Ticket ticket);

    /**
     * @return the tickets not resolved, and the last resolved ones, newest first, at most
     *         {@link #RECENT}
     * @throws VisitStore.StoreException when storage fails
     */
    List<Ticket> recent();

    /**
     * Takes over the district's statuses of the listed tickets (unknown ids are ignored; tickets
     * not listed keep theirs).
     *
     * @param statuses the district's list
     * @return how many of this station's tickets changed
     * @throws VisitStore.StoreException when storage fails; then none changed
     */
    int applyStatuses(TicketStatuses statuses);

    /** Closes the store; idempotent. */
    @Override
    void close();
}

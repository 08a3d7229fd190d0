package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.ticket.TicketStatus;

/**
 * The body of a {@code TICKETS} downlink: where the station's tickets stand at the district. It
 * lists the station's tickets that are not resolved and those resolved lately; the station takes
 * each listed status over its own, and keeps what is not listed as it was.
 *
 * @param tickets at most {@value #MAX_TICKETS} entries, each ticket once
 */
public record TicketStatuses(List<Entry> tickets) {
    /** Most entries one downlink carries (about 160 bytes each, far below the downlink limit). */
    public static final int MAX_TICKETS = 500;

    /**
     * One ticket's status.
     *
     * @param id        the ticket id
     * @param status    its status at the district
     * @param changedAt when the district last changed it (district clock, UTC)
     * @param by        the console user who changed it, or null while {@link TicketStatus#NEW}
     */
    public record Entry(UUID id, TicketStatus status, Instant changedAt, String by) {
        /** @throws IllegalArgumentException naming the first invalid field */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(changedAt, "changedAt");
            Check.text("by", by, 64);
        }
    }

    /** @throws IllegalArgumentException on too many entries or a ticket listed twice */
    public TicketStatuses {
        tickets = List.copyOf(tickets == null ? List.of() : tickets);
        if (tickets.size() > MAX_TICKETS) {
            throw new IllegalArgumentException("more than " + MAX_TICKETS + " tickets");
        }
        if (tickets.stream().map(Entry::id).distinct().count() != tickets.size()) {
            throw new IllegalArgumentException("a ticket listed twice");
        }
    }
}

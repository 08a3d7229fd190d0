package org.warmstation.protocol.ticket;

/** Where a ticket stands at the district: new → acknowledged → resolved. */
public enum TicketStatus {
    /** Arrived, nobody looked at it yet (also: not yet at the district, as a station sees it). */
    NEW,
    /** Someone at the district office has seen it and is on it. */
    ACKNOWLEDGED,
    /** Fixed or answered. */
    RESOLVED;

    /**
     * @param next a status to move to
     * @return whether the console may move a ticket from this status to {@code next}: forward
     *         only, one or two steps (new → acknowledged → resolved, or new → resolved)
     */
    public boolean canMoveTo(TicketStatus next) {
        return next.ordinal() > ordinal();
    }
}

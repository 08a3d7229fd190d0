package org.warmstation.protocol.ticket;

/** Who opened a ticket. */
public enum TicketSource {
    /** Station staff, behind the PIN; may add a short text. */
    STAFF,
    /** A visitor, from the idle screen: no text, no personal data. */
    VISITOR,
    /** The terminal itself, on a peripheral fault it detected (the failing device is named). */
    TERMINAL
}

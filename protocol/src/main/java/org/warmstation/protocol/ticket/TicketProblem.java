package org.warmstation.protocol.ticket;

/** What a fault or wish ticket reports: the short list the kiosk offers. */
public enum TicketProblem {
    /** No hot water. */
    NO_HOT_WATER,
    /** The heater is broken. */
    HEATER_BROKEN,
    /** The toilet is out of order. */
    TOILET_OUT_OF_ORDER,
    /** The microwave is broken. */
    MICROWAVE_BROKEN,
    /** Out of supplies (cups, paper, rain gear...). */
    OUT_OF_SUPPLIES,
    /** The door or its lock. */
    DOOR_OR_LOCK,
    /** The terminal itself (also every fault the terminal detects on its own). */
    TERMINAL_PROBLEM,
    /** Anything else (staff describe it in the text). */
    OTHER
}

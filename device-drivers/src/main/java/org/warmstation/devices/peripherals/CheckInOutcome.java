package org.warmstation.devices.peripherals;

/** What a check-in came to, as the station's light, buzzer and door show it. */
public enum CheckInOutcome {
    /** A new visit was recorded: green, one short beep, door opens (within opening hours). */
    ACCEPTED,
    /** The card was not acceptable: red flashes, one long beep, door stays shut. */
    REJECTED,
    /** The member is already checked in: amber, two short beeps (door only if configured). */
    ALREADY_CHECKED_IN,
    /** The check-in could not be completed now (offline, or the visit could not be recorded): amber flashes, three short beeps. */
    OFFLINE
}

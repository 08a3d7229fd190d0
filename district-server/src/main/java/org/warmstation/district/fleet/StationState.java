package org.warmstation.district.fleet;

/** A station's connection state as the district sees it. */
public enum StationState {
    /** Its retained status says connected and it was heard from within the expected interval. */
    ONLINE,
    /**
     * Its status says connected, but no heartbeat or status arrived within the quiet threshold
     * ({@link FleetSettings#quietAfter}): a hung terminal, a half-open connection, a stuck agent.
     */
    QUIET,
    /** Its last will or clean goodbye said offline. */
    OFFLINE,
    /** No status message has ever arrived (e.g. known only from visits or a registered key). */
    UNKNOWN
}

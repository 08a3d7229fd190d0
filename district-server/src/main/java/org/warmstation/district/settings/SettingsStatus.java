package org.warmstation.district.settings;

import java.time.Instant;
import java.util.UUID;
import org.warmstation.protocol.wire.StationSettings;

/**
 * A station's newest settings version as the district sent it and what the station answered:
 * what the station page shows.
 *
 * @param version   the version
 * @param settings  the document (staff PIN left out)
 * @param pinReset  whether the version reset the staff PIN
 * @param commandId its downlink
 * @param issuedAt  when the district issued it
 * @param issuedBy  who
 * @param state     where it is
 * @param sentAt    when the district server last published it, or null while queued
 * @param ackedAt   when the station decided (station clock), or null
 * @param message   the station's reason (refused, failed) or detail, or null
 */
public record SettingsStatus(int version, StationSettings settings, boolean pinReset, UUID commandId,
                             Instant issuedAt, String issuedBy, State state, Instant sentAt, Instant ackedAt,
                             String message) {
    /** Delivery state of a settings version. */
    public enum State {
        /** Stored at the district, not published yet (the district server publishes within a second). */
        QUEUED,
        /** Published; no answer yet (the station may be offline: re-sent when it comes back). */
        SENT,
        /** The station applied the whole document. */
        APPLIED,
        /** The station refused the whole document (reason in the message); nothing of it applies. */
        REFUSED,
        /** The station could not store it (e.g. disk full); nothing of it applies. */
        FAILED
    }
}

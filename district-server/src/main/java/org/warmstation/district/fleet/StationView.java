package org.warmstation.district.fleet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.warmstation.protocol.wire.HeldLists;

/**
 * One station as the console, the map and the finder show it. Immutable.
 *
 * @param district        district id
 * @param station         station id
 * @param state           ONLINE, QUIET, OFFLINE or UNKNOWN
 * @param since           when the state began (district clock; for QUIET the last message), or null
 * @param lastHeard       when the last status or heartbeat arrived (district clock), or null
 * @param backlog         visits waiting at the station per its last heartbeat, or null when unknown
 * @param lastVisit       when the latest stored visit was recorded (station clock), or null
 * @param clockSynced     whether the station's clock was NTP-synced at its last heartbeat, or null
 * @param appVersion      terminal software version, or null
 * @param visitsToday     person-visits stored for today (district zone); a visit count: suppress
 *                        before showing
 * @param membersToday    distinct members among them (the suppression's basis)
 * @param guestsToday     visits without a card among them
 * @param temperature     room temperature in degrees Celsius at the last heartbeat, or null
 * @param entriesLastHour motion-sensor entries in the hour before the last heartbeat, or null
 * @param place           the station's profile, or null before its first birth message with one
 * @param openNow         whether its opening hours cover now (its zone), or null when it publishes none
 * @param busy            whether the last hour's entries reach the busy threshold (fresh readings only)
 * @param simulated       whether it is a station of the simulated demo district (labelled as such)
 * @param lists           the deny- and trust-list versions the station holds and when it received
 *                        them (versions 0 and times null when it never told)
 */
public record StationView(int district, String station, StationState state, Instant since, Instant lastHeard,
                          Long backlog, Instant lastVisit, Boolean clockSynced, String appVersion, long visitsToday,
                          long membersToday, long guestsToday, Double temperature, Long entriesLastHour, Place place, Boolean openNow,
                          boolean busy, boolean simulated, HeldLists lists) {

    /**
     * A station's profile as stored from its birth message.
     *
     * @param name         name shown to workers
     * @param address      street address, possibly empty
     * @param latitude     WGS-84 degrees
     * @param longitude    WGS-84 degrees
     * @param phone        phone, possibly empty
     * @param openingHours weekday to spans {@code HH:MM-HH:MM}; empty when not published
     * @param services     service names offered
     * @param zone         the station's zone
     */
    public record Place(String name, String address, double latitude, double longitude, String phone,
                        Map<DayOfWeek, List<String>> openingHours, List<String> services, ZoneId zone) {
    }

    /**
     * @param now the district clock
     * @return whether a real station's deny or trust list was received more than 24 h ago, or
     *         never as far as the district knows (simulated stations are never flagged)
     */
    public boolean listsStale(Instant now) {
        return !simulated && (lists == null || lists.anyStale(now));
    }

    /** @return the profile name, or the station id when no profile arrived yet */
    public String displayName() {
        return place == null ? station : place.name();
    }
}

package org.warmstation.district.sim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.warmstation.protocol.wire.StationProfile;

/**
 * One simulated station of the {@link DistrictSimulator}: its profile as a real station would send
 * it, and how it behaves (how busy, which health it shows). Immutable.
 *
 * @param index         0-based position in the simulated district
 * @param id            station id, {@code CY-S0001} …
 * @param name          display name, ending in {@link DistrictSimulator#NAME_SUFFIX}
 * @param address       street address, {@code 北京市朝阳区…}
 * @param lat           latitude, degrees (WGS-84)
 * @param lon           longitude, degrees (WGS-84)
 * @param phone         the station's phone, {@code 010-6xxx-xxxx}
 * @param opens         opening time (local); equal to {@code closes} for a station open all day
 * @param closes        closing time (local)
 * @param services      services offered (kiosk {@code Service} names), in a fixed order
 * @param kind          what is around it (shifts the mix of categories)
 * @param dailyVisits   mean person-visits on a weekday
 * @param health        what the console should show for it
 * @param silentFor     for OFFLINE: how long before the simulation's "now" the connection dropped;
 *                      for QUIET: how long before it the last heartbeat came; zero for ONLINE
 * @param appVersion    terminal software version it reports
 * @param clockSynced   whether its clock is NTP-synced
 */
public record SimStation(int index, String id, String name, String address, double lat, double lon, String phone,
                         LocalTime opens, LocalTime closes, List<String> services, ChaoyangPlaces.Kind kind,
                         double dailyVisits, Health health, Duration silentFor, String appVersion,
                         boolean clockSynced) {

    /** The state a simulated station shows on the console. */
    public enum Health {
        /** connected, heartbeats fresh (refreshed while the demo runs) */
        ONLINE,
        /** connected, but its last heartbeat is older than the expected interval */
        QUIET,
        /** connection lost (its will message arrived) */
        OFFLINE
    }

    /** Copies the service list. */
    public SimStation {
        services = List.copyOf(services);
    }

    /** @return whether it is open around the clock */
    public boolean allDay() {
        return opens.equals(closes);
    }

    /**
     * @param t a local time of day
     * @return whether the station is open then
     */
    public boolean isOpenAt(LocalTime t) {
        return allDay() || (!t.isBefore(opens) && t.isBefore(closes));
    }

    /** @return opening hours as text, {@code 07:00-21:00} or {@code 00:00-24:00} */
    public String openingHours() {
        return allDay() ? "00:00-24:00" : opens + "-" + closes;
    }

    /**
     * @param now the simulation's "now"
     * @return from when on nothing of the station reaches the district: {@code now} for a healthy
     *         station, else {@code now - silentFor}
     */
    public Instant silentSince(Instant now) {
        return now.minus(silentFor);
    }

    /**
     * @return the profile the station would send in its birth message: name, address, position,
     *         phone, the same hours every day, services, zone Asia/Shanghai
     */
    public StationProfile profile() {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(openingHours()));
        }
        return new StationProfile(name, address, lat, lon, phone, hours, services, DistrictSimulator.ZONE.getId());
    }
}

package org.warmstation.protocol.wire;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the district and the public finder need to know about a station, carried in its birth
 * message ({@link StationStatus#profile()}): name, address, position, phone, weekly opening hours
 * and the services it offers. Immutable.
 *
 * @param name         the station's name as shown to workers, e.g. 朝阳门外驿站 (1..100 characters)
 * @param address      street address, possibly empty (at most 200 characters)
 * @param latitude     WGS-84 latitude in decimal degrees, -90..90
 * @param longitude    WGS-84 longitude in decimal degrees, -180..180
 * @param phone        phone number for workers, possibly empty (at most 40 characters)
 * @param openingHours weekday to spans {@code HH:MM-HH:MM} in {@code zone} ({@link OpeningHours});
 *                     empty when the station publishes none
 * @param services     service names offered (kiosk {@code Service} constants), possibly empty
 * @param zone         the station's time zone id, e.g. {@code Asia/Shanghai}
 */
public record StationProfile(String name, String address, double latitude, double longitude, String phone,
                             Map<DayOfWeek, List<String>> openingHours, List<String> services, String zone) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public StationProfile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("profile name is blank");
        }
        Check.text("name", name, 100);
        address = address == null ? "" : Check.text("address", address, 200);
        phone = phone == null ? "" : Check.text("phone", phone, 40);
        if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
            throw new IllegalArgumentException("coordinates out of range: " + latitude + "," + longitude);
        }
        openingHours = OpeningHours.check(openingHours);
        services = services == null ? List.of() : List.copyOf(services);
        if (services.size() > 32) {
            throw new IllegalArgumentException("more than 32 services");
        }
        services.forEach(s -> Check.enumName("service", s));
        Objects.requireNonNull(zone, "zone");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("zone '" + Check.abbreviate(zone) + "' is not a time zone id");
        }
    }

    /** @return the station's zone */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}

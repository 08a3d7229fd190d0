package org.warmstation.district.sim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One simulated check-in, before the district numbers it: the fields a station's visit carries
 * except the per-station sequence number. Immutable.
 *
 * @param uuid        UUIDv7 whose time is {@code recordedAt}
 * @param recordedAt  check-in instant
 * @param memberId    16 lower-case hex digits, or null for a guest
 * @param cardSerial  card serial, 0 for a guest
 * @param category    worker category name
 * @param services    service names used, never empty
 */
public record SimVisit(UUID uuid, Instant recordedAt, String memberId, long cardSerial, String category,
                       List<String> services) {
    /** Copies the service list. */
    public SimVisit {
        services = List.copyOf(services);
    }

    /** @return {@code CARD} or {@code GUEST} */
    public String source() {
        return memberId == null ? "GUEST" : "CARD";
    }
}

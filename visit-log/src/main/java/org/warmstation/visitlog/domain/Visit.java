package org.warmstation.visitlog.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * One person-visit (人次) at a station, as committed to the visit log.
 *
 * @param id          time-ordered UUID (version 7, RFC 9562 section 5.7)
 * @param sequence    per-station sequence number, 1, 2, 3 … with no gaps
 * @param stationId   the station
 * @param recordedAt  when the visitor checked in (UTC)
 * @param zone        the station's zone, for local dates and hours
 * @param member      the member, or null for a guest
 * @param cardSerial  serial of the card shown, or 0 for a guest
 * @param category    the visitor's worker category
 * @param services    services used so far (a copy)
 * @param source      card or guest
 * @param clockSynced whether {@code recordedAt} is on a synced clock: the wall clock was synced
 *                    when the visit was recorded, or the visit log corrected the time later from
 *                    {@code sinceBoot} and a synced reading of the same boot (issue 5)
 * @param sinceBoot   monotonic time since boot at check-in
 */
public record Visit(UUID id, long sequence, String stationId, Instant recordedAt, ZoneId zone,
                    MemberId member, long cardSerial, WorkerCategory category, Set<Service> services,
                    VisitSource source, boolean clockSynced, Duration sinceBoot) {
    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sinceBoot, "sinceBoot");
        services = services == null || services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
        if ((source == VisitSource.GUEST) != (member == null)) {
            throw new IllegalArgumentException("a card visit has a member, a guest visit none");
        }
    }

    /** @return whether this is a guest visit */
    public boolean guest() {
        return source == VisitSource.GUEST;
    }
}

package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One visit inside a {@link VisitBatch}, as the station's visit log holds it.
 *
 * @param uuid        the visit id (UUIDv7); the district stores each uuid once
 * @param seq         per-station sequence number, 1, 2, 3 … with no gaps
 * @param revision    1 when first recorded; incremented each time its services change
 * @param recordedAt  check-in instant (UTC), possibly from an unsynced clock
 * @param zone        the station's IANA zone id, e.g. {@code Asia/Shanghai}
 * @param memberId    16 lower-case hex digits, or null for a guest
 * @param cardSerial  serial of the card shown, 0 for a guest
 * @param category    worker category name (a {@code WorkerCategory} constant; unknown names are
 *                    kept, so a newer station never blocks an older district)
 * @param services    service names used (kiosk {@code Service} constants), possibly empty
 * @param source      {@code CARD} or {@code GUEST}
 * @param clockSynced whether the wall clock was NTP-synced when the visit was recorded
 * @param sinceBootMs monotonic milliseconds since boot at check-in
 */
public record WireVisit(UUID uuid, long seq, int revision, Instant recordedAt, String zone,
                        String memberId, long cardSerial, String category, List<String> services,
                        String source, boolean clockSynced, long sinceBootMs) implements OutboxEntry {
    /** @throws IllegalArgumentException naming the first invalid field */
    public WireVisit {
        Objects.requireNonNull(uuid, "uuid");
        Check.positive("seq", seq);
        Check.positive("revision", revision);
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(zone, "zone");
        ZoneIds.of(zone); // throws DateTimeException (a RuntimeException) for an unknown zone
        Check.enumName("category", category);
        services = services == null ? List.of() : List.copyOf(services);
        if (services.size() > 32) {
            throw new IllegalArgumentException("more than 32 services");
        }
        services.forEach(s -> Check.enumName("service", s));
        if (!"CARD".equals(source) && !"GUEST".equals(source)) {
            throw new IllegalArgumentException("source must be CARD or GUEST: '" + Check.abbreviate(source) + "'");
        }
        boolean guest = "GUEST".equals(source);
        if (guest != (memberId == null)) {
            throw new IllegalArgumentException("a CARD visit has a memberId, a GUEST visit none");
        }
        if (memberId != null && !Check.isLowerHex(memberId, 16)) {
            throw new IllegalArgumentException("memberId must be 16 lower-case hex digits");
        }
        if (cardSerial < 0 || cardSerial > 0xffff_ffffL || guest != (cardSerial == 0)) {
            throw new IllegalArgumentException("cardSerial must be 1..2^32-1 for a card visit, 0 for a guest: " + cardSerial);
        }
        Check.nonNegative("sinceBootMs", sinceBootMs);
    }

    /** @return always {@link RecordKind#VISIT} (not a JSON field) */
    @Override
    public RecordKind kind() {
        return RecordKind.VISIT;
    }
}

package org.warmstation.protocol.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;

/** One valid sample of every wire record, shared by the wire tests. */
final class WireSamples {
    static final int DISTRICT = 110105;
    static final String STATION = "cy-0042";
    static final Instant T = Instant.parse("2026-11-21T08:15:30Z");

    private WireSamples() {
    }

    static WireVisit cardVisit(long seq) {
        return new WireVisit(UUID.fromString("0193a5c2-7d4e-7abc-8def-0123456789ab"), seq, 1, T, "Asia/Shanghai",
                "00112233aabbccdd", 4711, "COURIER", List.of("HOT_WATER", "CHARGING"), "CARD", true, 123_456);
    }

    static WireVisit guestVisit(long seq) {
        return new WireVisit(UUID.fromString("0193a5c2-7d4e-7abc-8def-0123456789ac"), seq, 2, T, "Asia/Shanghai",
                null, 0, "SANITATION", List.of(), "GUEST", false, 99);
    }

    /** A visit log's epoch. */
    static final UUID EPOCH = UUID.fromString("5f1e0c3a-9b7d-4e21-8c6f-2a4b6d8e0f13");

    static VisitBatch epochBatch() {
        return VisitBatch.of(DISTRICT, STATION, T, List.of(cardVisit(1), guestVisit(2)), EPOCH);
    }

    static DaySummary epochSummary(java.security.KeyPair stationKey) {
        List<UUID> uuids = List.of(cardVisit(1).uuid(), guestVisit(2).uuid());
        String chain = DaySummary.chain(DaySummary.GENESIS_HASH, uuids.iterator());
        return DaySummary.sign(DISTRICT, STATION, LocalDate.of(2026, 11, 21), ZoneId.of("Asia/Shanghai"), 1, 2,
                DaySummary.GENESIS_HASH, chain, stationKey, EPOCH);
    }

    static VisitBatch batch() {
        return VisitBatch.of(DISTRICT, STATION, T, List.of(cardVisit(7), guestVisit(8)));
    }

    static Telemetry telemetry() {
        return new Telemetry(Telemetry.SCHEMA, DISTRICT, STATION, T, "0.1.0", 3600, 12, 95L, 40, 1_000_000_000L,
                false, true, 47.5, 3);
    }

    static Telemetry telemetryWithMotion() {
        return new Telemetry(Telemetry.SCHEMA, DISTRICT, STATION, T, "0.1.0", 3600, 12, 95L, 40, 1_000_000_000L,
                false, true, 18.5, 3, 57L, 9L);
    }

    static HeldLists lists() {
        return new HeldLists(7, T.minusSeconds(3600), 2, null);
    }

    static Telemetry telemetryWithLists() {
        return new Telemetry(Telemetry.SCHEMA, DISTRICT, STATION, T, "0.1.0", 3600, 12, 95L, 40, 1_000_000_000L,
                false, true, 18.5, 3, null, null, lists());
    }

    static StationStatus statusWithLists() {
        return new StationStatus(StationStatus.SCHEMA, DISTRICT, STATION, StationStatus.State.ONLINE, "0.1.0", T,
                null, profile(), 60, lists());
    }

    /** A birth message of a terminal that reports its Debian architecture (decision 0285). */
    static StationStatus statusWithArchitecture() {
        return new StationStatus(StationStatus.SCHEMA, DISTRICT, STATION, StationStatus.State.ONLINE, "0.1.0", T,
                null, profile(), 60, lists(), null, "arm64");
    }

    static StationProfile profile() {
        return new StationProfile("朝阳门外驿站", "北京市朝阳区朝阳门外大街1号", 39.9219, 116.4436, "010-6500 1234",
                OpeningHours.parse("MON-FRI 08:00-20:00; SAT,SUN 09:00-17:00"), List.of("HOT_WATER", "TOILET"),
                "Asia/Shanghai");
    }

    static StationStatus statusWithProfile() {
        return new StationStatus(StationStatus.SCHEMA, DISTRICT, STATION, StationStatus.State.ONLINE, "0.1.0", T,
                null, profile(), 60);
    }

    static StationStatus status() {
        return new StationStatus(StationStatus.SCHEMA, DISTRICT, STATION, StationStatus.State.ONLINE, "0.1.0", T, null);
    }

    static TrustList trustList(DistrictKey key) {
        return new TrustList(T, List.of(key.trustedKey()));
    }

    static DaySummary summary(java.security.KeyPair stationKey) {
        List<UUID> uuids = List.of(cardVisit(1).uuid(), guestVisit(2).uuid());
        String chain = DaySummary.chain(DaySummary.GENESIS_HASH, uuids.iterator());
        return DaySummary.sign(DISTRICT, STATION, LocalDate.of(2026, 11, 21), ZoneId.of("Asia/Shanghai"), 1, 2,
                DaySummary.GENESIS_HASH, chain, stationKey);
    }
}

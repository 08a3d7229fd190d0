package org.warmstation.district.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.db.VisitStore;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/** The station state query against an embedded PostgreSQL, with a fixed district clock. */
class FleetQueryTest {
    private static final int D = 110105;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-12-07 10:00 in Beijing. */
    private static final Instant NOW = LocalDateTime.parse("2026-12-07T10:00").atZone(BEIJING).toInstant();

    @TempDir
    static Path dir;
    private static DistrictDatabase db;
    private static Map<String, StationView> views;

    @BeforeAll
    static void fill() throws Exception {
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        StationStore stations = new StationStore();
        try (Connection c = db.connection()) {
            // online, heard 30 s ago, busy (15 entries in the last hour), open MON 08-20, 2 visits today
            birth(c, stations, "on", NOW.minusSeconds(3600), NOW.minusSeconds(3600), "MON 08:00-20:00", 60);
            stations.recordTelemetry(c, telemetry("on", 3, 15L, false), NOW.minusSeconds(30));
            // connected, heartbeat every 60 s, silent for 151 s > 2.5 x 60 s
            birth(c, stations, "quiet", NOW.minusSeconds(7200), NOW.minusSeconds(7200), "MON 12:00-20:00", 60);
            stations.recordTelemetry(c, telemetry("quiet", 0, 2L, true), NOW.minusSeconds(151));
            // silent for 149 s: still online
            birth(c, stations, "edge", NOW.minusSeconds(7200), NOW.minusSeconds(149), "", 60);
            // went offline (will) 10 minutes ago
            birth(c, stations, "off", NOW.minusSeconds(7200), NOW.minusSeconds(7200), "MON-SUN 00:00-24:00", 60);
            stations.recordStatus(c, new StationStatus(StationStatus.SCHEMA, D, "off", StationStatus.State.OFFLINE,
                    "0.1.0", NOW.minusSeconds(7200), null), NOW.minusSeconds(600));
            // known from visits only
            new VisitStore().store(c, VisitBatch.of(D, "novisits-only", NOW, List.of(visit(1, NOW.minusSeconds(86_400 * 3), "aa"))));
            new VisitStore().store(c, VisitBatch.of(D, "on", NOW, List.of(visit(1, NOW.minusSeconds(7200), "01"),
                    visit(2, NOW.minusSeconds(60), "01"), visit(3, NOW.minusSeconds(86_400), "02"))));
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE station SET simulated = true WHERE station_id = 'edge'"); // demo district (V5)
            }
            views = new FleetQuery(FleetSettings.DEFAULTS).stations(c, NOW).stream()
                    .collect(Collectors.toMap(StationView::station, Function.identity()));
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void birth(Connection c, StationStore stations, String id, Instant since, Instant received,
                              String hours, int heartbeat) throws Exception {
        StationProfile p = new StationProfile("驿站 " + id, "朝阳路 " + id, 39.9 + id.length() / 100.0, 116.4, "010-1",
                OpeningHours.parse(hours), List.of("HOT_WATER"), "Asia/Shanghai");
        stations.recordStatus(c, new StationStatus(StationStatus.SCHEMA, D, id, StationStatus.State.ONLINE, "0.9." + heartbeat,
                since, null, p, heartbeat), received);
    }

    private static Telemetry telemetry(String id, long queue, Long lastHour, boolean synced) {
        return new Telemetry(Telemetry.SCHEMA, D, id, NOW, "0.9.1", 10, queue, null, 0, 1_000_000, false, synced, 18.0,
                0, 40L, lastHour);
    }

    private static WireVisit visit(long seq, Instant at, String member) {
        return new WireVisit(UUID.randomUUID(), seq, 1, at, BEIJING.getId(), "00000000000000" + member, 7, "COURIER",
                List.of("HOT_WATER"), "CARD", true, 1000);
    }

    @Test
    void connectedAndHeardWithinTheThresholdIsOnlineSinceItsBirth() {
        StationView v = views.get("on");
        assertEquals(StationState.ONLINE, v.state());
        assertEquals(NOW.minusSeconds(3600), v.since());
        assertEquals(StationState.ONLINE, views.get("edge").state());
    }

    @Test
    void connectedButSilentBeyondTwoAndAHalfHeartbeatsIsQuietSinceItsLastMessage() {
        StationView v = views.get("quiet");
        assertEquals(StationState.QUIET, v.state());
        assertEquals(NOW.minusSeconds(151), v.since());
        FleetSettings patient = FleetSettings.DEFAULTS.withQuietFactor(3);
        assertEquals(StationState.ONLINE, StationStates.judge("ONLINE", null, NOW.minusSeconds(151),
                Duration.ofSeconds(60), NOW, patient).state());
    }

    @Test
    void lastWillMakesItOfflineSinceTheDistrictReceivedIt() {
        StationView v = views.get("off");
        assertEquals(StationState.OFFLINE, v.state());
        assertEquals(NOW.minusSeconds(600), v.since());
    }

    @Test
    void aStationNeverHeardFromIsUnknownWithoutProfile() {
        StationView v = views.get("novisits-only");
        assertEquals(StationState.UNKNOWN, v.state());
        assertNull(v.place());
        assertEquals("novisits-only", v.displayName());
        assertEquals(0, v.visitsToday());
    }

    @Test
    void backlogVersionClockFlagTemperatureAndVisitsComeFromTheLatestMessagesAndTheVisitTable() {
        StationView v = views.get("on");
        assertEquals(3L, v.backlog());
        assertEquals("0.9.1", v.appVersion());
        assertEquals(Boolean.FALSE, v.clockSynced());
        assertEquals(18.0, v.temperature());
        assertEquals(2, v.visitsToday());
        assertEquals(1, v.membersToday());
        assertEquals(NOW.minusSeconds(60), v.lastVisit());
        assertNull(views.get("edge").backlog());
    }

    @Test
    void profileOpenNowAndBusyFollowHoursInTheStationZoneAndTheLastHoursEntries() {
        StationView on = views.get("on");
        assertEquals("驿站 on", on.place().name());
        assertEquals("朝阳路 on", on.place().address());
        assertEquals(List.of("HOT_WATER"), on.place().services());
        assertEquals(Boolean.TRUE, on.openNow());
        assertTrue(on.busy());
        StationView quiet = views.get("quiet");
        assertEquals(Boolean.FALSE, quiet.openNow()); // opens at 12:00
        assertFalse(quiet.busy()); // the reading is older than the quiet threshold
        assertNull(views.get("edge").openNow()); // hours not published
        assertEquals(Boolean.TRUE, views.get("off").openNow());
    }

    @Test
    void simulatedStationsOfTheDemoDistrictAreFlagged() {
        assertTrue(views.get("edge").simulated());
        assertFalse(views.get("on").simulated());
    }
}

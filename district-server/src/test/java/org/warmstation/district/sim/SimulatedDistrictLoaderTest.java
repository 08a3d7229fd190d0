package org.warmstation.district.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.sim.SimStation.Health;
import org.warmstation.district.testing.SimulatedDistrictFixture;

/**
 * Loading the simulated district into a real embedded PostgreSQL (one server, one load for the
 * class; the top-up runs last as it adds visits).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedDistrictLoaderTest {
    private static final Instant NOW = Instant.parse("2026-12-04T09:10:00Z");
    private static final int DISTRICT = DistrictSimulator.CHAOYANG;
    @TempDir
    static Path dir;
    private static DistrictDatabase db;
    private static DistrictSimulator sim;

    @BeforeAll
    static void loadOnce() throws Exception {
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        sim = SimulatedDistrictFixture.load(db, NOW);
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @Test
    void holdsWhatTheStationsSentBeforeFallingSilent() throws Exception {
        try (Connection c = db.connection()) {
            for (SimStation s : sim.stations()) {
                long expected = 0;
                for (LocalDate d : sim.dates()) {
                    expected += sim.visits(s, d).stream().filter(v -> !v.recordedAt().isAfter(s.silentSince(NOW))).count();
                }
                long[] seqs = longs(c, "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM visit"
                        + " WHERE district_id = ? AND station_id = ?", s.id());
                assertEquals(expected, seqs[0], s.id());
                assertEquals(expected, seqs[1], s.id() + ": one visit per seq");
                assertEquals(1, seqs[2], s.id());
                assertEquals(expected, seqs[3], s.id() + ": seqs contiguous");
                assertEquals(expected, longs(c, "SELECT contiguous_seq FROM station WHERE district_id = ?"
                        + " AND station_id = ?", s.id())[0], s.id());
            }
        }
    }

    @Test
    void visitsLookSyncedByARealStation() throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE revision <> 1 OR zone <> 'Asia/Shanghai'),
                       count(*) FILTER (WHERE local_date <> (recorded_at AT TIME ZONE 'Asia/Shanghai')::date
                                           OR local_hour <> extract(hour FROM recorded_at AT TIME ZONE 'Asia/Shanghai')),
                       count(*) FILTER (WHERE received_at <= recorded_at OR received_at > recorded_at + interval '5 s'),
                       count(*) FILTER (WHERE (source = 'GUEST') <> (member_id IS NULL)),
                       count(*) FILTER (WHERE cardinality(services) = 0),
                       count(*) FILTER (WHERE NOT clock_synced),
                       count(*)
                  FROM visit WHERE district_id = ?""")) {
            ps.setInt(1, DISTRICT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 1; i <= 5; i++) {
                    assertEquals(0, rs.getLong(i), "column " + i);
                }
                assertTrue(rs.getLong(6) > 0 && rs.getLong(6) < 200, "one station's clock is unsynced today: " + rs.getLong(6));
                assertTrue(rs.getLong(7) > 30_000, "visits " + rs.getLong(7));
            }
        }
    }

    @Test
    void stationsShowTheirHealthAndAreFlaggedSimulated() throws Exception {
        Map<String, StationStore.StationRow> rows = new HashMap<>();
        try (Connection c = db.connection()) {
            new StationStore().list(c).forEach(r -> rows.put(r.station(), r));
            assertEquals(sim.stations().size(), longs(c, "SELECT count(*) FROM station WHERE simulated AND district_id = ?"
                    + " AND station_id LIKE ? AND name LIKE '%（模拟）' AND heartbeat_s = 30", "CY-S%")[0]);
            SimStation first = sim.stations().getFirst();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, address, latitude, longitude, phone, services,"
                    + " opening_hours->>'MONDAY', zone FROM station WHERE station_id = ?")) {
                ps.setString(1, first.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(first.name(), rs.getString(1));
                    assertEquals(first.address(), rs.getString(2));
                    assertEquals(first.lat(), rs.getDouble(3));
                    assertEquals(first.lon(), rs.getDouble(4));
                    assertEquals(first.phone(), rs.getString(5));
                    assertEquals(first.services(), java.util.List.of((String[]) rs.getArray(6).getArray()));
                    assertEquals("[\"" + first.openingHours() + "\"]", rs.getString(7).replace(" ", ""));
                    assertEquals("Asia/Shanghai", rs.getString(8));
                }
            }
        }
        for (SimStation s : sim.stations()) {
            StationStore.StationRow r = rows.get(s.id());
            assertEquals(s.health() == Health.OFFLINE ? "OFFLINE" : "ONLINE", r.status(), s.id());
            Instant expectedBeat = s.health() == Health.ONLINE ? NOW : NOW.minus(s.silentFor());
            assertEquals(expectedBeat, r.lastHeartbeat(), s.id());
            if (s.health() == Health.OFFLINE) {
                assertEquals(NOW.minus(s.silentFor()), r.statusAt(), s.id());
                assertTrue(r.queueDepth() > 0, s.id() + " has a backlog");
            }
        }
    }

    @Test
    void someStationsShowAResolvedGapOfVisitsTheyHold() throws Exception {
        try (Connection c = db.connection()) {
            long all = longs(c, "SELECT count(*) FROM reconciliation_finding WHERE district_id = ? AND station_id <> ?",
                    "-")[0];
            assertTrue(all >= 4 && all <= 5, "findings: " + all);
            assertEquals(all, longs(c, "SELECT count(*) FROM reconciliation_finding f WHERE district_id = ? AND kind = 'GAP'"
                    + " AND resolved_at IS NOT NULL AND station_id <> ? AND 4 = (SELECT count(*) FROM visit v"
                    + " WHERE v.station_id = f.station_id AND v.seq BETWEEN f.first_seq AND f.last_seq"
                    + " AND v.local_date = f.day)", "-")[0], "each gap covers four visits of its day, all held");
            assertEquals(0, longs(c, "SELECT count(*) FROM reconciliation_finding WHERE district_id = ?"
                    + " AND resolved_at IS NULL AND station_id <> ?", "-")[0]);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void secondLoadAddsOnlyTheVisitsSinceTheFirst() throws Exception {
        Instant later = NOW.plus(Duration.ofHours(2));
        DistrictSimulator then = new DistrictSimulator(DistrictSimulator.Settings.demo(later));
        try (Connection c = db.connection()) {
            long before = longs(c, "SELECT count(*) FROM visit WHERE district_id = ? AND station_id <> ?", "-")[0];
            SimulatedDistrictLoader.Result r = new SimulatedDistrictLoader(then).loadOrTopUp(c);
            long after = longs(c, "SELECT count(*) FROM visit WHERE district_id = ? AND station_id <> ?", "-")[0];
            long expected = 0;
            for (SimStation s : then.stations()) {
                if (s.health() == Health.ONLINE) {
                    expected += then.visits(s, then.dates().getLast()).stream()
                            .filter(v -> v.recordedAt().isAfter(NOW)).count();
                }
            }
            assertTrue(expected > 0);
            assertEquals(expected, r.visits());
            assertEquals(before + expected, after);
            SimStation first = then.stations().getFirst();
            long[] seqs = longs(c, "SELECT count(*), max(seq), count(DISTINCT seq) FROM visit WHERE district_id = ?"
                    + " AND station_id = ?", first.id());
            assertEquals(seqs[0], seqs[1]);
            assertEquals(seqs[0], seqs[2]);
            assertEquals(0, new SimulatedDistrictLoader(then).loadOrTopUp(c).visits(), "nothing new the same instant");
            assertFalse(hasDuplicateStations(c));
        }
    }

    private static boolean hasDuplicateStations(Connection c) throws SQLException {
        return longs(c, "SELECT count(*) - count(DISTINCT station_id) FROM station WHERE district_id = ? AND station_id <> ?",
                "-")[0] > 0;
    }

    private static long[] longs(Connection c, String sql, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, DISTRICT);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] out = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        }
    }
}

package org.warmstation.district.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.wire.WireVisit;

/** The visit table against a real embedded PostgreSQL (one server for the class). */
class VisitStoreTest {
    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();
    private final VisitStore store = new VisitStore();

    @Test
    void sameBatchTwiceStoresEachVisitOnce() throws Exception {
        List<WireVisit> visits = Visits.run(1, 5, Instant.parse("2026-11-20T01:00:00Z"));
        try (Connection c = DB.database().connection()) {
            VisitStore.Stored first = store.store(c, Visits.batch(110105, "dup-a", visits));
            VisitStore.Stored again = store.store(c, Visits.batch(110105, "dup-a", visits));
            assertEquals(5, first.changed());
            assertEquals(0, again.changed());
            assertEquals(5, again.unchanged());
            assertEquals(5, count(c, "dup-a"));
            assertEquals(5, again.highestContiguousSeq());
        }
    }

    @Test
    void higherRevisionReplacesServicesLowerOrEqualDoesNot() throws Exception {
        WireVisit v = Visits.visit(1, Instant.parse("2026-11-20T02:00:00Z"), null, "SANITATION", "TOILET");
        try (Connection c = DB.database().connection()) {
            store.store(c, Visits.batch(110105, "rev-a", List.of(v)));
            store.store(c, Visits.batch(110105, "rev-a", List.of(Visits.revise(v, 3, "TOILET", "HOT_WATER"))));
            VisitStore.Stored stale = store.store(c, Visits.batch(110105, "rev-a", List.of(Visits.revise(v, 2, "REST"))));
            assertEquals(0, stale.changed());
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT revision, array_to_string(services, ',') FROM visit WHERE visit_uuid = ?")) {
                ps.setObject(1, v.uuid());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1));
                    assertEquals("TOILET,HOT_WATER", rs.getString(2));
                }
            }
            assertEquals(1, count(c, "rev-a"));
        }
    }

    @Test
    void higherRevisionWithACorrectedClockMovesTheVisitToItsRightDateInTheTableAndTheRollups() throws Exception {
        // recorded on an unsynced clock at "2019", corrected by the station once NTP synced (revision 2)
        WireVisit raw = new WireVisit(java.util.UUID.randomUUID(), 1, 1, Instant.parse("2019-06-01T04:00:00Z"),
                "Asia/Shanghai", null, 0, "COURIER", List.of("HOT_WATER"), "GUEST", false, 5000);
        WireVisit corrected = new WireVisit(raw.uuid(), 1, 2, Instant.parse("2026-11-20T02:30:00Z"), raw.zone(),
                null, 0, raw.category(), raw.services(), raw.source(), true, raw.sinceBootMs());
        try (Connection c = DB.database().connection()) {
            store.store(c, Visits.batch(110105, "clock-a", List.of(raw)));
            assertEquals(1, monthVisits(c, "clock-a", "2019-06-01"));
            store.store(c, Visits.batch(110105, "clock-a", List.of(corrected)));
            try (PreparedStatement ps = c.prepareStatement("SELECT recorded_at, local_date::text, local_hour, clock_synced"
                    + " FROM visit WHERE visit_uuid = ?")) {
                ps.setObject(1, raw.uuid());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(corrected.recordedAt(), rs.getTimestamp(1).toInstant());
                    assertEquals("2026-11-20", rs.getString(2));
                    assertEquals(10, rs.getInt(3));
                    assertTrue(rs.getBoolean(4));
                }
            }
            assertEquals(0, monthVisits(c, "clock-a", "2019-06-01"), "the month of the wrong clock no longer counts it");
            assertEquals(1, monthVisits(c, "clock-a", "2026-11-01"));
        }
    }

    private static long monthVisits(Connection c, String station, String month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(sum(visits), 0) FROM report_month_cell"
                + " WHERE station_id = ? AND month = ?::date")) {
            ps.setString(1, station);
            ps.setString(2, month);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void contiguousSeqStopsAtAHoleAndAdvancesWhenItIsFilled() throws Exception {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        List<WireVisit> all = Visits.run(1, 10, t);
        try (Connection c = DB.database().connection()) {
            assertEquals(3, store.store(c, Visits.batch(110105, "hole-a", all.subList(0, 3))).highestContiguousSeq());
            assertEquals(3, store.store(c, Visits.batch(110105, "hole-a", all.subList(5, 10))).highestContiguousSeq());
            assertEquals(10, store.store(c, Visits.batch(110105, "hole-a", all.subList(3, 5))).highestContiguousSeq());
        }
    }

    @Test
    void localDateAndHourFollowTheStationZone() throws Exception {
        // 2026-11-20T17:30Z is 01:30 on 2026-11-21 in Asia/Shanghai
        WireVisit v = Visits.visit(1, Instant.parse("2026-11-20T17:30:00Z"), null, "OTHER", "REST");
        try (Connection c = DB.database().connection()) {
            store.store(c, Visits.batch(110105, "zone-a", List.of(v)));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT local_date::text, local_hour FROM visit WHERE visit_uuid = ?")) {
                ps.setObject(1, v.uuid());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("2026-11-21", rs.getString(1));
                    assertEquals(1, rs.getInt(2));
                }
            }
        }
    }

    static long count(Connection c, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit WHERE station_id = ?")) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

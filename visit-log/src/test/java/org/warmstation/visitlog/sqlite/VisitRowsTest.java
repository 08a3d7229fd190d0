package org.warmstation.visitlog.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * {@link VisitRows#readWire} (the direct read, decision 0250) and {@link VisitRows#readPackedWire}
 * (the outbox's read of one packed text column, decision 0275) give exactly what the domain round
 * trip {@code toWire(read(rs))} gives, and refuse the same rows with the same exception types.
 */
class VisitRowsTest {
    @TempDir
    Path dir;

    /** A row as the visit table may hold it, including values the kiosk never writes itself. */
    private record Row(String member, long serial, String category, String services, String source, String zone,
                       long recordedAtMs, long sinceBootMs) {
    }

    @Test
    void directReadEqualsTheDomainRoundTrip() throws SQLException {
        List<Row> rows = List.of(
                new Row("0011223344556677", 42, "COURIER", "HOT_WATER,REST", "CARD", "Asia/Shanghai", 1_765_000_000_000L, 5),
                new Row(null, 0, "SANITATION", "", "GUEST", "Asia/Shanghai", 0, 0),
                new Row("00AABBCCDDEEFF11", 7, "TAXI_RIDE_HAILING", "REST", "CARD", "Asia/Shanghai", 1, 1), // upper-case hex
                new Row(null, 0, "COURIER", "TELEPORT,HOT_WATER,HEAT_MEAL", "GUEST", "Asia/Shanghai", 2, 2), // unknown service
                new Row(null, 0, "COURIER", "REST,HOT_WATER", "GUEST", "UTC+8", 3, 3), // services out of order, offset zone
                new Row(null, 0, "COURIER", "", "GUEST", "Europe/Berlin", -1, 4));
        try (Connection c = VisitLogDatabase.open(dir)) {
            for (int i = 0; i < rows.size(); i++) {
                insert(c, i + 1, rows.get(i));
            }
            try (PreparedStatement st = c.prepareStatement("SELECT " + VisitRows.COLUMNS + ", revision FROM visit ORDER BY seq");
                 ResultSet rs = st.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    WireVisit direct = VisitRows.readWire(rs, rs.getInt(13));
                    assertEquals(VisitRows.toWire(VisitRows.read(rs), rs.getInt(13)), direct, "row " + rs.getLong(2));
                    n++;
                }
                assertEquals(rows.size(), n);
            }
            List<WireVisit> packed = new java.util.ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + VisitRows.packedColumns("v")
                    + " FROM visit v ORDER BY seq"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    packed.add(VisitRows.readPackedWire(rs));
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT " + VisitRows.COLUMNS + ", revision FROM visit ORDER BY seq");
                 ResultSet rs = st.executeQuery()) {
                for (WireVisit p : packed) {
                    assertTrue(rs.next());
                    assertEquals(VisitRows.toWire(VisitRows.read(rs), rs.getInt(13)), p, "packed, row " + rs.getLong(2));
                }
            }
            assertEquals(rows.size(), packed.size());
        }
    }

    @Test
    void theNamesOfAServicesColumnAsStoredAreKeptAndOtherColumnsParsedEachTime() {
        List<String> first = VisitRows.wireServices("HOT_WATER,REST");
        assertEquals(List.of("HOT_WATER", "REST"), first);
        assertSame(first, VisitRows.wireServices("HOT_WATER,REST"), "kept");
        List<String> reordered = VisitRows.wireServices("REST,HOT_WATER");
        assertEquals(first, reordered, "enum order");
        assertNotSame(reordered, VisitRows.wireServices("REST,HOT_WATER"), "not the store's form: parsed again");
        List<String> unknown = VisitRows.wireServices("TELEPORT,REST");
        assertEquals(List.of("REST"), unknown);
        assertNotSame(unknown, VisitRows.wireServices("TELEPORT,REST"), "an unknown name is logged each time");
        assertEquals(List.of(), VisitRows.wireServices(""));
        assertEquals(List.of(), VisitRows.wireServices(null));
        assertThrows(UnsupportedOperationException.class, () -> first.add("OTHER"));
    }

    @Test
    void packedReadRefusesANullTextColumnAndTheSeparatorInsteadOfMisreadingThem() throws SQLException {
        try (Connection c = VisitLogDatabase.open(dir)) {
            insert(c, 1, new Row(null, 0, "COURIER", "", "GUEST", "Asia/Shanghai\u001fREST", 1, 1));
            insert(c, 2, new Row(null, 0, "COURIER", "", "GUEST", "Asia/Shanghai", 1, 1));
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE visit SET id = NULL WHERE seq = 2");
            }
            try (PreparedStatement st = c.prepareStatement("SELECT " + VisitRows.packedColumns("v")
                    + " FROM visit v ORDER BY seq"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> VisitRows.readPackedWire(rs), "seq " + rs.getLong(1));
                    assertTrue(e.getMessage().contains(rs.getLong(1) == 1 ? "separator" : "NULL"), e.getMessage());
                }
            }
        }
    }

    @Test
    void directReadRefusesWhatTheDomainRoundTripRefuses() throws SQLException {
        List<Row> bad = List.of(
                new Row(null, 0, "ASTRONAUT", "", "GUEST", "Asia/Shanghai", 1, 1), // unknown category
                new Row("0011223344556677", 42, "COURIER", "", "GUEST", "Asia/Shanghai", 1, 1), // guest with a member
                new Row("00112233445566zz", 42, "COURIER", "", "CARD", "Asia/Shanghai", 1, 1), // not hex
                new Row(null, 0, "COURIER", "", "GUEST", "Asia/Shanghai", 1, -1)); // negative since-boot
        try (Connection c = VisitLogDatabase.open(dir)) {
            for (int i = 0; i < bad.size(); i++) {
                insert(c, i + 1, bad.get(i));
            }
            insert(c, 99, new Row(null, 0, "COURIER", "", "GUEST", "Mars/Olympus", 1, 1));
            try (PreparedStatement st = c.prepareStatement("SELECT " + VisitRows.COLUMNS + ", revision FROM visit ORDER BY seq");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Class<? extends RuntimeException> expected = rs.getLong(2) == 99 ? DateTimeException.class
                            : IllegalArgumentException.class;
                    assertThrows(expected, () -> VisitRows.toWire(VisitRows.read(rs), 1), "round trip, seq " + rs.getLong(2));
                    assertThrows(expected, () -> VisitRows.readWire(rs, 1), "direct, seq " + rs.getLong(2));
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT " + VisitRows.packedColumns("v")
                    + " FROM visit v ORDER BY seq"); ResultSet rs = st.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    Class<? extends RuntimeException> expected = rs.getLong(1) == 99 ? DateTimeException.class
                            : IllegalArgumentException.class;
                    assertThrows(expected, () -> VisitRows.readPackedWire(rs), "packed, seq " + rs.getLong(1));
                    n++;
                }
                assertEquals(bad.size() + 1, n);
            }
        }
    }

    private static void insert(Connection c, long seq, Row r) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO visit (" + VisitRows.COLUMNS + ", revision)"
                + " VALUES (?, ?, 'cy-0042', ?, ?, ?, ?, ?, ?, ?, 1, ?, 2)")) {
            st.setString(1, UUID.randomUUID().toString());
            st.setLong(2, seq);
            st.setLong(3, r.recordedAtMs());
            st.setString(4, r.zone());
            st.setString(5, r.member());
            st.setLong(6, r.serial());
            st.setString(7, r.category());
            st.setString(8, r.services());
            st.setString(9, r.source());
            st.setLong(10, r.sinceBootMs());
            st.executeUpdate();
        }
    }
}

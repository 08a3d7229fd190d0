package org.warmstation.sync.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.warmstation.visitlog.store.VisitLogDatabase;

/** Fills a station's real SQLite visit log with many visits fast (one transaction), for backlog tests. */
public final class Backlog {
    private Backlog() {
    }

    /**
     * Appends {@code n} card visits with their CREATED outbox rows, continuing the seq.
     *
     * @param dataDirectory the station's data directory
     * @param station       station id
     * @param n             how many
     * @return the uuids added
     * @throws SQLException when SQLite fails
     */
    public static Set<UUID> fill(Path dataDirectory, String station, int n) throws SQLException {
        Set<UUID> ids = new HashSet<>(n * 2);
        long now = Instant.now().toEpochMilli();
        try (Connection c = VisitLogDatabase.open(dataDirectory); Statement tx = c.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            long seq;
            try (ResultSet rs = tx.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM visit")) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement v = c.prepareStatement("INSERT INTO visit (id, seq, station_id, recorded_at_ms, zone,"
                    + " member_id, card_serial, category, services, source, clock_synced, since_boot_ms, revision)"
                    + " VALUES (?, ?, ?, ?, 'Asia/Shanghai', ?, ?, 'COURIER', 'HOT_WATER,REST', 'CARD', 1, ?, 1)");
                 PreparedStatement o = c.prepareStatement("INSERT INTO outbox (seq, state, revision, created_at_ms)"
                         + " VALUES (?, 'CREATED', 1, ?)")) {
                for (int i = 0; i < n; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    seq++;
                    v.setString(1, id.toString());
                    v.setLong(2, seq);
                    v.setString(3, station);
                    v.setLong(4, now + i);
                    v.setString(5, String.format("%016x", seq));
                    v.setLong(6, 1 + (seq % 100_000));
                    v.setLong(7, seq * 10);
                    v.addBatch();
                    o.setLong(1, seq);
                    o.setLong(2, now);
                    o.addBatch();
                    if (i % 5000 == 4999) {
                        v.executeBatch();
                        o.executeBatch();
                    }
                }
                v.executeBatch();
                o.executeBatch();
            }
            tx.execute("COMMIT");
        }
        return ids;
    }

    /**
     * @param dataDirectory the station's data directory
     * @return outbox rows not CONFIRMED
     * @throws IllegalStateException when SQLite fails
     */
    public static long waiting(Path dataDirectory) {
        try (Connection c = VisitLogDatabase.open(dataDirectory); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox WHERE state <> 'CONFIRMED'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

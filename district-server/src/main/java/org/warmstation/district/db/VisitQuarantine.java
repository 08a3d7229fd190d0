package org.warmstation.district.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The district's quarantine of single visits it cannot store (table {@code visit_quarantine},
 * decision 0193): the visit as received and the reason, so that one bad visit does not fail its
 * batch forever and the operator can see it.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given.
 */
public final class VisitQuarantine {
    /**
     * A visit set aside.
     *
     * @param uuid    its uuid, or null when unreadable
     * @param seq     its seq, or null when unreadable
     * @param payload the visit as received (JSON text)
     * @param reason  why it was not stored, in words
     */
    public record Rejected(UUID uuid, Long seq, String payload, String reason) {
        public Rejected {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A quarantine row, for the operator.
     *
     * @param station       the station
     * @param epoch         the visit-log epoch of its batch ({@link EpochStore#NONE} for a log without one)
     * @param uuid          the visit uuid or null
     * @param seq           the seq or null
     * @param reason        why
     * @param quarantinedAt when
     */
    public record Row(String station, UUID epoch, UUID uuid, Long seq, String reason, Instant quarantinedAt) {
    }

    /**
     * SQLSTATE classes of errors that a visit's own values cause (22 data exception, 23 integrity
     * constraint violation): storing it again fails again. Anything else (a lost connection, a
     * timeout) is the database's, and the batch is retried whole.
     *
     * @param e the failure
     * @return whether the visit's values caused it
     */
    public static boolean causedByValues(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * Records rejected visits (a visit quarantined before is kept once); part of the caller's
     * transaction.
     *
     * @param c        a connection
     * @param district the district
     * @param station  the station that sent them
     * @param epoch    the batch's visit-log epoch, or null for a log without one
     * @param batchId  the batch they came in
     * @param rejected the visits
     * @throws SQLException when the database fails
     */
    public void quarantine(Connection c, int district, String station, UUID epoch, UUID batchId, List<Rejected> rejected)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO visit_quarantine (district_id, station_id, visit_uuid, seq, batch_id, reason, payload, epoch)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (district_id, station_id, visit_uuid) WHERE visit_uuid IS NOT NULL DO NOTHING
                """)) {
            for (Rejected r : rejected) {
                ps.setInt(1, district);
                ps.setString(2, station);
                ps.setObject(3, r.uuid());
                ps.setObject(4, r.seq());
                ps.setObject(5, batchId);
                ps.setString(6, r.reason());
                ps.setString(7, r.payload());
                ps.setObject(8, EpochStore.of(epoch));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * @param c        a connection
     * @param district the district
     * @param limit    rows at most
     * @return the newest quarantined visits first
     * @throws SQLException when the database fails
     */
    public List<Row> list(Connection c, int district, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT station_id, visit_uuid, seq, reason, quarantined_at, epoch FROM visit_quarantine
                 WHERE district_id = ? ORDER BY quarantined_at DESC, id DESC LIMIT ?
                """)) {
            ps.setInt(1, district);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(3);
                    Long s = rs.wasNull() ? null : seq;
                    out.add(new Row(rs.getString(1), rs.getObject(6, UUID.class), rs.getObject(2, UUID.class), s, rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * @param c        a connection
     * @param district the district
     * @return how many visits of the district are quarantined
     * @throws SQLException when the database fails
     */
    public long count(Connection c, int district) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit_quarantine WHERE district_id = ?")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

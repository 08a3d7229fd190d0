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
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.protocol.wire.WireVisit;

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
     * What became of one quarantined visit tried again.
     *
     * @param station the station
     * @param uuid    the visit uuid, or null when unreadable
     * @param stored  true when it is stored now and left the quarantine
     * @param reason  why it stays, or empty when stored
     */
    public record Release(String station, UUID uuid, boolean stored, String reason) {
    }

    /**
     * Tries to store quarantined visits again, after their cause was fixed (a district version
     * that knows a newer station's value, a wider column): each is decoded and stored as a batch
     * of one ({@link VisitStore#store}, its own transaction); stored, it leaves the quarantine,
     * otherwise it stays with the new reason. Safe to repeat: a visit stored before its row was
     * deleted is found held the next time.
     *
     * @param c        a connection (auto-commit; {@link VisitStore#store} runs its own transactions)
     * @param district the district
     * @param visit    one visit's uuid, or empty for every quarantined visit of the district
     * @param visits   the visit store
     * @param now      the release time (the batch's {@code sentAt})
     * @return one outcome per quarantined visit tried, oldest first
     * @throws SQLException when the database fails (not when a visit is refused again)
     */
    public List<Release> release(Connection c, int district, java.util.Optional<UUID> visit, VisitStore visits, Instant now)
            throws SQLException {
        record Held(long id, String station, UUID uuid, String payload, UUID epoch) {
        }
        List<Held> held = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, station_id, visit_uuid, payload, epoch FROM visit_quarantine
                 WHERE district_id = ? AND (?::uuid IS NULL OR visit_uuid = ?) ORDER BY id
                """)) {
            ps.setInt(1, district);
            ps.setObject(2, visit.orElse(null));
            ps.setObject(3, visit.orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getObject(5, UUID.class)));
                }
            }
        }
        List<Release> out = new ArrayList<>();
        for (Held h : held) {
            String reason;
            try {
                WireVisit v = Wire.decode(h.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), WireVisit.class);
                UUID epoch = EpochStore.NONE.equals(h.epoch()) ? null : h.epoch();
                VisitStore.Stored st = visits.store(c, new VisitBatch(VisitBatch.SCHEMA, district, h.station(),
                        UUID.randomUUID(), now, List.of(v), epoch));
                reason = st.quarantined() > 0 ? "refused by the database again" : null;
            } catch (WireFormatException e) {
                reason = "invalid: " + e.getMessage();
            }
            if (reason == null) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM visit_quarantine WHERE id = ?")) {
                    del.setLong(1, h.id());
                    del.executeUpdate();
                }
                out.add(new Release(h.station(), h.uuid(), true, ""));
            } else {
                try (PreparedStatement upd = c.prepareStatement("UPDATE visit_quarantine SET reason = ? WHERE id = ?")) {
                    upd.setString(1, reason);
                    upd.setLong(2, h.id());
                    upd.executeUpdate();
                }
                out.add(new Release(h.station(), h.uuid(), false, reason));
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

package org.warmstation.district.downlink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Wire;

/**
 * SQL of the {@code downlink} table (Flyway V6). Stateless and thread-safe; each call uses the
 * connection it is given and joins its transaction; blocks on the database.
 */
final class DownlinkStore {
    private static final String COLUMNS = """
            district_id, station_id, command_id, kind, list_version, issued_at, queued_by, first_sent_at,
            last_sent_at, send_count, acked_at, outcome, message""";

    /** A command queued or sent, with its row id and (when signed) envelope. */
    record Row(long id, DownlinkCommand command, byte[] envelope) {
    }

    void insert(Connection c, DownlinkCommand cmd, Long listVersion, String queuedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO downlink (district_id, station_id, command_id, kind, command, list_version, issued_at, queued_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setInt(1, cmd.district());
            ps.setString(2, cmd.station());
            ps.setObject(3, cmd.id());
            ps.setString(4, cmd.kind().name());
            ps.setBytes(5, Wire.encode(cmd));
            if (listVersion == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, listVersion);
            }
            ps.setTimestamp(7, Timestamp.from(cmd.issuedAt()));
            ps.setString(8, queuedBy);
            ps.executeUpdate();
        }
    }

    /** Locks and returns up to {@code limit} queued (unsigned) commands of the district; other instances skip them. */
    List<Row> lockQueued(Connection c, int district, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, command FROM downlink WHERE district_id = ? AND envelope IS NULL
                 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setInt(1, district);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), Wire.decode(rs.getBytes(2), DownlinkCommand.class,
                            Wire.MAX_DOWNLINK_BYTES), null));
                }
            }
        }
        return out;
    }

    void signed(Connection c, long id, byte[] envelope, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE downlink SET envelope = ?, first_sent_at = ?, last_sent_at = ?, send_count = send_count + 1
                 WHERE id = ?""")) {
            ps.setBytes(1, envelope);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /**
     * The newest signed command of each kind for the station, where that newest one has no ack yet;
     * a trust list first (it may bring the key the others are signed with), then by id.
     */
    List<Row> latestUnacked(Connection c, int district, String station) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, command, envelope FROM (
                    SELECT DISTINCT ON (kind) id, kind, command, envelope, outcome FROM downlink
                     WHERE district_id = ? AND station_id = ? AND envelope IS NOT NULL
                     ORDER BY kind, issued_at DESC, id DESC) newest
                 WHERE outcome IS NULL ORDER BY kind <> 'TRUST_LIST', id""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), Wire.decode(rs.getBytes(2), DownlinkCommand.class,
                            Wire.MAX_DOWNLINK_BYTES), rs.getBytes(3)));
                }
            }
        }
        return out;
    }

    void resent(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE downlink SET last_sent_at = ?, send_count = send_count + 1 WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Stores an ack on its command's row; an APPLIED outcome already stored is never replaced (a
     * duplicate delivery answered later must not turn it into a refusal), except by a FAILED one
     * decided later: the station rolled the command back (settings that cost it the broker,
     * decision 0211).
     *
     * @return the stored command's kind and list version, or empty when no such command of that station exists
     */
    Optional<DownlinkRecord> ack(Connection c, DownlinkAck a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE downlink SET acked_at = ?, outcome = ?, message = ?
                 WHERE command_id = ? AND district_id = ? AND station_id = ?
                   AND (outcome IS DISTINCT FROM 'APPLIED' OR (? = 'FAILED' AND acked_at < ?))
                RETURNING\s""" + COLUMNS)) {
            ps.setTimestamp(1, Timestamp.from(a.at()));
            ps.setString(2, a.outcome().name());
            ps.setString(3, a.message());
            ps.setObject(4, a.commandId());
            ps.setInt(5, a.district());
            ps.setString(6, a.station());
            ps.setString(7, a.outcome().name());
            ps.setTimestamp(8, Timestamp.from(a.at()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    List<DownlinkRecord> history(Connection c, int district, String station, int limit) throws SQLException {
        List<DownlinkRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM downlink WHERE district_id = ? AND station_id = ? ORDER BY issued_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
        }
        return out;
    }

    Optional<DownlinkRecord> byId(Connection c, UUID commandId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM downlink WHERE command_id = ?")) {
            ps.setObject(1, commandId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static DownlinkRecord record(ResultSet rs) throws SQLException {
        long v = rs.getLong("list_version");
        Long version = rs.wasNull() ? null : v;
        String outcome = rs.getString("outcome");
        return new DownlinkRecord(rs.getInt("district_id"), rs.getString("station_id"),
                rs.getObject("command_id", UUID.class), DownlinkCommand.Kind.valueOf(rs.getString("kind")), version,
                instant(rs, "issued_at"), rs.getString("queued_by"), instant(rs, "first_sent_at"),
                instant(rs, "last_sent_at"), rs.getInt("send_count"), instant(rs, "acked_at"),
                outcome == null ? null : DownlinkAck.Outcome.valueOf(outcome), rs.getString("message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

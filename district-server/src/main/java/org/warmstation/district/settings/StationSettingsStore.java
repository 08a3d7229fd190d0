package org.warmstation.district.settings;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/**
 * The {@code station_settings} table (migration V7): each version of a station's settings as
 * sent, without the staff PIN hash. Stateless; every method works on the caller's connection.
 */
final class StationSettingsStore {
    /**
     * One stored version.
     *
     * @param version   the version
     * @param settings  the document (staff PIN left out)
     * @param pinReset  whether this version reset the staff PIN
     * @param commandId its SETTINGS downlink
     * @param issuedAt  when the district issued it
     * @param issuedBy  who (console user, {@code cli:NAME})
     */
    record Stored(int version, StationSettings settings, boolean pinReset, UUID commandId, Instant issuedAt,
                  String issuedBy) {
    }

    Optional<Stored> latest(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT version, document::text, pin_reset, command_id, issued_at, issued_by FROM station_settings
                 WHERE district_id = ? AND station_id = ? ORDER BY version DESC LIMIT 1""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** @return each station's newest document, by station id */
    Map<String, StationSettings> latestAll(Connection c, int district) throws SQLException {
        Map<String, StationSettings> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (station_id) station_id, document::text FROM station_settings
                 WHERE district_id = ? ORDER BY station_id, version DESC""")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), decode(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Locks the station's row so two admins cannot take the same version; inside a transaction. */
    int nextVersion(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT 1 FROM station WHERE district_id = ? AND station_id = ? FOR UPDATE")) {
            lock.setInt(1, district);
            lock.setString(2, station);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no station " + station + " in district " + district);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM station_settings WHERE district_id = ? AND station_id = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void insert(Connection c, int district, String station, StationSettings sent, UUID commandId, Instant issuedAt,
                String issuedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO station_settings (district_id, station_id, version, document, pin_reset, command_id,
                                              issued_at, issued_by)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setInt(3, sent.version());
            ps.setString(4, new String(Wire.encode(sent.withStaffPin(null)), StandardCharsets.UTF_8));
            ps.setBoolean(5, sent.staffPin() != null);
            ps.setObject(6, commandId);
            ps.setTimestamp(7, Timestamp.from(issuedAt));
            ps.setString(8, issuedBy);
            ps.executeUpdate();
        }
    }

    private static Stored row(ResultSet rs) throws SQLException {
        return new Stored(rs.getInt(1), decode(rs.getString(2)), rs.getBoolean(3), rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(), rs.getString(6));
    }

    private static StationSettings decode(String json) {
        return Wire.decode(json.getBytes(StandardCharsets.UTF_8), StationSettings.class);
    }
}

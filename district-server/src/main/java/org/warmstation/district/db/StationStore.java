package org.warmstation.district.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;

/**
 * The district's view of its stations: connection state (from the retained status topic), last
 * heartbeat and queue depth (from telemetry), the pinned Ed25519 key that signs day summaries, and
 * the highest contiguous visit sequence number stored of its current visit-log epoch (per epoch:
 * {@link EpochStore}).
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given (auto-commit).
 */
public final class StationStore {

    /**
     * One row of {@code district-server stations}.
     *
     * @param district        district id
     * @param station         station id
     * @param status          UNKNOWN, ONLINE or OFFLINE
     * @param appVersion      terminal version, or null
     * @param statusAt        when the latest status was received (district clock), or null
     * @param lastHeartbeat   when the last telemetry arrived (district clock), or null
     * @param queueDepth      visits waiting at the station per its last heartbeat, or null
     * @param contiguousSeq   highest n such that the district holds seqs 1..n
     * @param storedVisits    visits stored for the station
     * @param keyRegistered   whether a day-summary key is pinned
     * @param lastMessage     when the last status or telemetry arrived (district clock), or null
     * @param heartbeat       the station's telemetry interval from its birth message, or null
     */
    public record StationRow(int district, String station, String status, String appVersion, Instant statusAt,
                             Instant lastHeartbeat, Long queueDepth, long contiguousSeq, long storedVisits,
                             boolean keyRegistered, Instant lastMessage, java.time.Duration heartbeat) {
    }

    /**
     * Adds a station row if there is none (first message of a station).
     *
     * @param c        a connection
     * @param district the district
     * @param station  the station
     * @throws SQLException when the database fails
     */
    public static void ensureStation(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO station (district_id, station_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.executeUpdate();
        }
    }

    /**
     * Locks the station's row until the transaction ends (writers of one station take turns).
     *
     * @param c        a connection inside a transaction
     * @param district the district
     * @param station  the station
     * @return the highest contiguous visit seq of the station's current epoch ({@link EpochStore})
     * @throws SQLException when the database fails
     */
    public static long lockContiguousSeq(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT contiguous_seq FROM station WHERE district_id = ? AND station_id = ? FOR UPDATE")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Records a status message unless a newer one was already recorded; pins the station key it
     * carries when none is pinned yet (trust on first use). Without a receipt time (older callers)
     * the "last heard" time is left as it was.
     *
     * @param c      connection
     * @param status the status
     * @throws SQLException when the database fails
     */
    public void recordStatus(Connection c, StationStatus status) throws SQLException {
        recordStatus(c, status, null);
    }

    /**
     * Records a status message unless a newer one was already recorded; pins the station key it
     * carries when none is pinned yet (trust on first use); stores the profile and heartbeat
     * interval of a birth message unless a newer profile is stored; keeps the Debian architecture
     * a birth message names (decision 0285); notes when the station was last heard from.
     *
     * <p>"Newer" is by the district's receive time ({@code status_at}, {@code profile_at}), never
     * by the station's own {@link StationStatus#since()}: a terminal whose clock is wrong (no
     * battery clock, not yet synced, or a year ahead) cannot put a stale status or profile over
     * one received later (issue 13 item 3, decision 0186). Only without a receive time (the
     * demo district's loader) does the station time order them.
     *
     * @param c          connection
     * @param status     the status
     * @param receivedAt district clock at receipt, or null to leave "last heard" unchanged
     * @throws SQLException when the database fails
     */
    public void recordStatus(Connection c, StationStatus status, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO station AS s (district_id, station_id, status, app_version, status_at, public_key,
                                          heartbeat_s, last_message_at, state_since, architecture)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (district_id, station_id) DO UPDATE
                   SET status = CASE WHEN s.status_at IS NULL OR s.status_at <= EXCLUDED.status_at
                                     THEN EXCLUDED.status ELSE s.status END,
                       app_version = CASE WHEN s.status_at IS NULL OR s.status_at <= EXCLUDED.status_at
                                          THEN EXCLUDED.app_version ELSE s.app_version END,
                       state_since = CASE WHEN (s.status_at IS NULL OR s.status_at <= EXCLUDED.status_at)
                                               AND (s.status <> EXCLUDED.status OR s.state_since IS NULL)
                                          THEN EXCLUDED.state_since ELSE s.state_since END,
                       status_at = GREATEST(s.status_at, EXCLUDED.status_at),
                       public_key = COALESCE(s.public_key, EXCLUDED.public_key),
                       heartbeat_s = COALESCE(EXCLUDED.heartbeat_s, s.heartbeat_s),
                       last_message_at = GREATEST(s.last_message_at, EXCLUDED.last_message_at),
                       architecture = CASE WHEN EXCLUDED.architecture IS NOT NULL
                                            AND (s.status_at IS NULL OR s.status_at <= EXCLUDED.status_at)
                                           THEN EXCLUDED.architecture ELSE s.architecture END""")) {
            ps.setInt(1, status.district());
            ps.setString(2, status.station());
            ps.setString(3, status.state().name());
            ps.setString(4, status.appVersion());
            Instant orderedBy = receivedAt == null ? status.since() : receivedAt;
            ps.setTimestamp(5, Timestamp.from(orderedBy));
            ps.setString(6, status.stationKey());
            ps.setObject(7, status.heartbeatSeconds());
            ps.setTimestamp(8, receivedAt == null ? null : Timestamp.from(receivedAt));
            ps.setTimestamp(9, Timestamp.from(receivedAt == null ? status.since() : receivedAt));
            ps.setString(10, status.architecture());
            ps.executeUpdate();
        }
        if (status.profile() != null) {
            ProfileColumns.store(c, status.district(), status.station(), status.profile(),
                    receivedAt == null ? status.since() : receivedAt);
        }
    }

    /**
     * Records a heartbeat, stamped with the district's clock.
     *
     * @param c          connection
     * @param t          the telemetry
     * @param receivedAt district clock
     * @throws SQLException when the database fails
     */
    public void recordTelemetry(Connection c, Telemetry t, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO station AS s (district_id, station_id, last_heartbeat_at, queue_depth, oldest_unsynced_s,
                                          disk_free_bytes, clock_synced, temperature_c, app_version, last_message_at,
                                          motion_entries_today, motion_entries_hour, motion_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (district_id, station_id) DO UPDATE
                   SET last_heartbeat_at = EXCLUDED.last_heartbeat_at, queue_depth = EXCLUDED.queue_depth,
                       oldest_unsynced_s = EXCLUDED.oldest_unsynced_s, disk_free_bytes = EXCLUDED.disk_free_bytes,
                       clock_synced = EXCLUDED.clock_synced, temperature_c = EXCLUDED.temperature_c,
                       app_version = EXCLUDED.app_version,
                       last_message_at = GREATEST(s.last_message_at, EXCLUDED.last_message_at),
                       motion_entries_today = EXCLUDED.motion_entries_today,
                       motion_entries_hour = EXCLUDED.motion_entries_hour, motion_at = EXCLUDED.motion_at""")) {
            ps.setInt(1, t.district());
            ps.setString(2, t.station());
            ps.setTimestamp(3, Timestamp.from(receivedAt));
            ps.setLong(4, t.queueDepth());
            ps.setObject(5, t.oldestUnsyncedAgeSeconds());
            ps.setLong(6, t.diskFreeBytes());
            ps.setBoolean(7, t.clockSynced());
            ps.setObject(8, t.temperatureCelsius());
            ps.setString(9, t.appVersion());
            ps.setTimestamp(10, Timestamp.from(receivedAt));
            ps.setObject(11, t.motionEntriesToday());
            ps.setObject(12, t.motionEntriesLastHour());
            ps.setTimestamp(13, t.motionEntriesToday() == null ? null : Timestamp.from(receivedAt));
            ps.executeUpdate();
        }
    }

    /**
     * Pins a station's day-summary key when none is pinned.
     *
     * @param c         connection
     * @param district  district
     * @param station   station
     * @param base64Key Base64 X.509 Ed25519 public key
     * @return the pinned key (the earlier one when one was pinned already)
     * @throws SQLException when the database fails
     */
    public String pinKey(Connection c, int district, String station, String base64Key) throws SQLException {
        setKey(c, district, station, base64Key, " AND public_key IS NULL");
        return publicKey(c, district, station).orElse(base64Key);
    }

    /**
     * Registers (or replaces) a station's day-summary key, e.g. after a terminal was re-imaged.
     *
     * @param c         connection
     * @param district  district
     * @param station   station
     * @param base64Key Base64 X.509 Ed25519 public key
     * @throws SQLException when the database fails
     */
    public void registerKey(Connection c, int district, String station, String base64Key) throws SQLException {
        setKey(c, district, station, base64Key, "");
    }

    /** Sets the station's key; {@code condition} is a fixed SQL suffix such as "only when unset". */
    private void setKey(Connection c, int district, String station, String base64Key, String condition)
            throws SQLException {
        ensureStation(c, district, station);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE station SET public_key = ? WHERE district_id = ? AND station_id = ?" + condition)) {
            ps.setString(1, base64Key);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.executeUpdate();
        }
    }

    /**
     * @param c        connection
     * @param district district
     * @param station  station
     * @return the pinned key, if any
     * @throws SQLException when the database fails
     */
    public Optional<String> publicKey(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT public_key FROM station WHERE district_id = ? AND station_id = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * @param c connection
     * @return every station, by district and station id
     * @throws SQLException when the database fails
     */
    public List<StationRow> list(Connection c) throws SQLException {
        List<StationRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.district_id, s.station_id, s.status, s.app_version, s.status_at, s.last_heartbeat_at,
                       s.queue_depth, s.contiguous_seq, s.public_key IS NOT NULL,
                       (SELECT count(*) FROM visit v WHERE v.district_id = s.district_id AND v.station_id = s.station_id),
                       s.last_message_at, s.heartbeat_s
                  FROM station s ORDER BY s.district_id, s.station_id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(5);
                Timestamp hb = rs.getTimestamp(6);
                rows.add(new StationRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        at == null ? null : at.toInstant(), hb == null ? null : hb.toInstant(),
                        (Long) rs.getObject(7), rs.getLong(8), rs.getLong(10), rs.getBoolean(9),
                        instant(rs.getTimestamp(11)), (Integer) rs.getObject(12) == null ? null
                                : java.time.Duration.ofSeconds(rs.getInt(12))));
            }
        }
        return rows;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

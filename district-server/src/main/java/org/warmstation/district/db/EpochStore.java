package org.warmstation.district.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The epochs of the stations' visit logs (table {@code station_epoch}, decision 0195): per
 * (station, epoch) the highest contiguous seq stored and the key that signs that epoch's day
 * summaries. A station's newest epoch is its current one ({@code station.epoch}; the station row's
 * {@code contiguous_seq} is that epoch's). An epoch becomes current when the station's enrollment
 * registers it ({@link #register}) or when its first visits arrive.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given.
 */
public final class EpochStore {
    /** The epoch of visits and summaries without one (logs and terminals older than epochs). */
    public static final UUID NONE = new UUID(0, 0);

    /**
     * @param epoch an epoch from the wire, or null
     * @return it, or {@link #NONE} for null
     */
    public static UUID of(UUID epoch) {
        return epoch == null ? NONE : epoch;
    }

    /**
     * Makes sure the district knows a station's epoch before storing its visits; a first-seen
     * epoch becomes the station's current epoch (a station only ever starts a newer log). Call
     * with the station's row locked ({@link StationStore#lockContiguousSeq}).
     *
     * @param c        a connection inside the storing transaction
     * @param district the district
     * @param station  the station (its row exists)
     * @param epoch    the epoch, {@link #NONE} for none
     * @return the epoch's highest contiguous seq so far
     * @throws SQLException when the database fails
     */
    static long enter(Connection c, int district, String station, UUID epoch) throws SQLException {
        boolean added;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO station_epoch (district_id, station_id, epoch, contiguous_seq)
                SELECT district_id, station_id, ?, CASE WHEN epoch = ? THEN contiguous_seq ELSE 0 END
                  FROM station WHERE district_id = ? AND station_id = ?
                ON CONFLICT DO NOTHING""")) {
            ps.setObject(1, epoch);
            ps.setObject(2, epoch);
            ps.setInt(3, district);
            ps.setString(4, station);
            added = ps.executeUpdate() > 0;
        }
        if (added) {
            makeCurrent(c, district, station, epoch);
        }
        return contiguousSeq(c, district, station, epoch);
    }

    private static long contiguousSeq(Connection c, int district, String station, UUID epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT contiguous_seq FROM station_epoch WHERE district_id = ? AND station_id = ? AND epoch = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setObject(3, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The station's current epoch becomes {@code epoch}, its contiguous seq that epoch's. */
    private static void makeCurrent(Connection c, int district, String station, UUID epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station s SET epoch = e.epoch, contiguous_seq = e.contiguous_seq
                  FROM station_epoch e
                 WHERE s.district_id = ? AND s.station_id = ? AND e.district_id = s.district_id
                   AND e.station_id = s.station_id AND e.epoch = ?""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setObject(3, epoch);
            ps.executeUpdate();
        }
    }

    /**
     * Raises an epoch's contiguous seq (never lowers it), and the station's when it is the current epoch.
     *
     * @return the epoch's contiguous seq now
     */
    static long raise(Connection c, int district, String station, UUID epoch, long seq) throws SQLException {
        long now;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station_epoch SET contiguous_seq = GREATEST(contiguous_seq, ?)
                 WHERE district_id = ? AND station_id = ? AND epoch = ? RETURNING contiguous_seq""")) {
            ps.setLong(1, seq);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setObject(4, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                now = rs.next() ? rs.getLong(1) : seq;
            }
        }
        mirror(c, district, station, epoch, now);
        return now;
    }

    /**
     * Sets an epoch's contiguous seq to at most {@code seq} (reconciliation found a hole below it,
     * e.g. rows lost at the district), and the station's when it is the current epoch.
     *
     * @param c        connection
     * @param district district
     * @param station  station
     * @param epoch    the epoch ({@link #NONE} for none)
     * @param seq      the new highest value
     * @throws SQLException when the database fails
     */
    public void lower(Connection c, int district, String station, UUID epoch, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station_epoch SET contiguous_seq = LEAST(contiguous_seq, ?)
                 WHERE district_id = ? AND station_id = ? AND epoch = ?""")) {
            ps.setLong(1, seq);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setObject(4, epoch);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station SET contiguous_seq = LEAST(contiguous_seq, ?)
                 WHERE district_id = ? AND station_id = ? AND epoch = ?""")) {
            ps.setLong(1, seq);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setObject(4, epoch);
            ps.executeUpdate();
        }
    }

    private static void mirror(Connection c, int district, String station, UUID epoch, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station SET contiguous_seq = ? WHERE district_id = ? AND station_id = ? AND epoch = ?""")) {
            ps.setLong(1, seq);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setObject(4, epoch);
            ps.executeUpdate();
        }
    }

    /**
     * Registers what a station's enrollment carried (issue 13 item 5): its day-summary key and its
     * visit-log epoch id, as {@link #register}; the hook of the enrollment desk, called inside the
     * transaction that records the code's use. Nothing happens without a key.
     *
     * @param c          connection (inside the caller's transaction, or auto-commit)
     * @param district   district
     * @param station    station
     * @param stationKey Base64 X.509 Ed25519 public key from the enrollment request, or null
     * @param epochId    the request's epoch id (UUID text as the terminal sends it; other text is
     *                   mapped to a name-based UUID), or null for a terminal without epochs
     * @param at         when (district clock)
     * @throws SQLException when the database fails
     */
    public void registerEnrollment(Connection c, int district, String station, String stationKey, String epochId,
                                   Instant at) throws SQLException {
        if (stationKey == null || stationKey.isBlank()) {
            return;
        }
        register(c, district, station, epochId(epochId), stationKey.strip(), at);
    }

    /**
     * @param epochId an enrollment request's epoch id, or null
     * @return its UUID ({@link #NONE} for null)
     */
    static UUID epochId(String epochId) {
        if (epochId == null) {
            return NONE;
        }
        try {
            return UUID.fromString(epochId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(epochId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Registers a station's day-summary key and visit-log epoch: the epoch becomes the station's
     * current one and is verified with this key; the station's earlier epochs keep the key that was
     * pinned for them (their summaries still verify); the key is the station's pinned key from now
     * on. Registering the same pair again changes nothing but the time. On an auto-commit
     * connection it runs in a transaction of its own (auto-commit restored); inside the caller's
     * transaction it leaves commit and rollback to the caller.
     *
     * @param c         connection
     * @param district  district
     * @param station   station (created when unknown)
     * @param epoch     the epoch of the station's visit log, {@link #NONE} for a log without one
     * @param base64Key Base64 X.509 Ed25519 public key (the caller checked it is one)
     * @param at        when (district clock)
     * @throws SQLException when the database fails; then nothing is registered
     */
    public void register(Connection c, int district, String station, UUID epoch, String base64Key, Instant at)
            throws SQLException {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(base64Key, "base64Key");
        if (!c.getAutoCommit()) {
            registerInTransaction(c, district, station, epoch, base64Key, at);
            return;
        }
        c.setAutoCommit(false);
        try {
            registerInTransaction(c, district, station, epoch, base64Key, at);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void registerInTransaction(Connection c, int district, String station, UUID epoch,
                                              String base64Key, Instant at) throws SQLException {
        StationStore.ensureStation(c, district, station);
        StationStore.lockContiguousSeq(c, district, station);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station_epoch e SET public_key = s.public_key
                  FROM station s
                 WHERE e.district_id = ? AND e.station_id = ? AND e.epoch <> ? AND e.public_key IS NULL
                   AND s.district_id = e.district_id AND s.station_id = e.station_id""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setObject(3, epoch);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO station_epoch (district_id, station_id, epoch, public_key, registered_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (district_id, station_id, epoch) DO UPDATE
                   SET public_key = EXCLUDED.public_key, registered_at = EXCLUDED.registered_at""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setObject(3, epoch);
            ps.setString(4, base64Key);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.executeUpdate();
        }
        makeCurrent(c, district, station, epoch);
        new StationStore().registerKey(c, district, station, base64Key);
    }

    /**
     * The key a day summary of an epoch must be signed with: the one registered (or kept) for that
     * epoch, else the station's pinned key.
     *
     * @param c        connection
     * @param district district
     * @param station  station
     * @param epoch    the summary's epoch ({@link #NONE} for none)
     * @return the key, empty when none is known
     * @throws SQLException when the database fails
     */
    public Optional<String> summaryKey(Connection c, int district, String station, UUID epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COALESCE(e.public_key, s.public_key)
                  FROM station s LEFT JOIN station_epoch e
                    ON e.district_id = s.district_id AND e.station_id = s.station_id AND e.epoch = ?
                 WHERE s.district_id = ? AND s.station_id = ?""")) {
            ps.setObject(1, epoch);
            ps.setInt(2, district);
            ps.setString(3, station);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * @param c        connection
     * @param district district
     * @param station  station
     * @return the station's current epoch ({@link #NONE} before any), empty for an unknown station
     * @throws SQLException when the database fails
     */
    public Optional<UUID> current(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT epoch FROM station WHERE district_id = ? AND station_id = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}

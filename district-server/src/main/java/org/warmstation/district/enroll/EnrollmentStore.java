package org.warmstation.district.enroll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warmstation.protocol.enroll.EnrollmentRegister;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.protocol.wire.EnrollRequest;

/**
 * The district's register of enrollment codes and their use (tables {@code enrollment_code} and
 * {@code enrollment_refusal}, Flyway V12, decision 0181). Stateless; every method runs on the
 * caller's connection and transaction and blocks on the database.
 */
public final class EnrollmentStore {
    /**
     * A recorded refusal.
     *
     * @param codeId     the code presented
     * @param station    the station it names
     * @param terminalId the terminal that presented it
     * @param reason     why it was refused
     * @param at         when
     */
    public record Refusal(String codeId, String station, String terminalId, EnrollReply.Refusal reason, Instant at) {
    }

    /**
     * A recorded use.
     *
     * @param codeId     the code
     * @param station    the station
     * @param terminalId the terminal that enrolled with it
     * @param stationKey the day-summary key it sent, or null
     * @param epochId    the visit-log epoch it sent, or null
     * @param at         when
     */
    public record Use(String codeId, String station, String terminalId, String stationKey, String epochId, Instant at) {
    }

    /**
     * Registers a code (again: a second import of the same code changes nothing but its expiry).
     *
     * @param c   connection
     * @param r   the register
     * @param now the registration instant
     * @throws SQLException on a database error
     */
    public void register(Connection c, EnrollmentRegister r, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO enrollment_code (code_id, district_id, station_id, expires_at, registered_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code_id) DO UPDATE SET expires_at = EXCLUDED.expires_at""")) {
            ps.setString(1, r.codeId());
            ps.setInt(2, r.districtId());
            ps.setString(3, r.stationId());
            ps.setTimestamp(4, Timestamp.from(r.expiresAt()));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /**
     * Decides a request, locking the code's row until the transaction ends, and records an
     * acceptance as the code's use. Refusals are not recorded here ({@link #refuse}).
     *
     * @param c        connection, in a transaction
     * @param district the district served
     * @param r        the request (its station already checked against the publishing account)
     * @param now      the decision instant
     * @return empty when accepted (use recorded), else the reason to refuse
     * @throws SQLException on a database error
     */
    public Optional<EnrollReply.Refusal> decide(Connection c, int district, EnrollRequest r, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT station_id, expires_at, used_at, terminal_id FROM enrollment_code
                WHERE code_id = ? AND district_id = ? FOR UPDATE""")) {
            ps.setString(1, r.codeId());
            ps.setInt(2, district);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(r.station())) {
                    return Optional.of(EnrollReply.Refusal.UNKNOWN_CODE);
                }
                String usedBy = rs.getString(4);
                if (rs.getTimestamp(3) != null && !r.terminalId().equals(usedBy)) {
                    return Optional.of(EnrollReply.Refusal.ALREADY_USED);
                }
                if (usedBy == null && now.isAfter(rs.getTimestamp(2).toInstant())) {
                    return Optional.of(EnrollReply.Refusal.EXPIRED);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE enrollment_code SET used_at = ?, terminal_id = ?, station_key = ?, epoch_id = ?
                WHERE code_id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, r.terminalId());
            ps.setString(3, r.stationKey());
            ps.setString(4, r.epochId());
            ps.setString(5, r.codeId());
            ps.executeUpdate();
        }
        return Optional.empty();
    }

    /**
     * Records a refusal.
     *
     * @param c        connection
     * @param district the district
     * @param r        the refused request
     * @param reason   why
     * @param now      when
     * @throws SQLException on a database error
     */
    public void refuse(Connection c, int district, EnrollRequest r, EnrollReply.Refusal reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO enrollment_refusal (code_id, district_id, station_id, terminal_id, reason, refused_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, r.codeId());
            ps.setInt(2, district);
            ps.setString(3, r.station());
            ps.setString(4, r.terminalId());
            ps.setString(5, reason.name());
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /**
     * A registered code and its use, for the office.
     *
     * @param codeId       the code
     * @param station      the station it enrolls
     * @param registeredAt when it was registered
     * @param expiresAt    end of its validity (for an unused code)
     * @param usedAt       when a terminal enrolled with it, or null when unused
     * @param terminalId   that terminal, or null when unused
     */
    public record Code(String codeId, String station, Instant registeredAt, Instant expiresAt, Instant usedAt,
                       String terminalId) {
        /**
         * @param now the current instant
         * @return whether it is unused and its validity has ended
         */
        public boolean expired(Instant now) {
            return usedAt == null && now.isAfter(expiresAt);
        }
    }

    /**
     * @param c        connection
     * @param district the district
     * @return its registered codes by station, newest registration first within a station
     * @throws SQLException on a database error
     */
    public List<Code> codes(Connection c, int district) throws SQLException {
        List<Code> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT code_id, station_id, registered_at, expires_at, used_at, terminal_id FROM enrollment_code
                WHERE district_id = ? ORDER BY station_id, registered_at DESC, code_id""")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp used = rs.getTimestamp(5);
                    out.add(new Code(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), used == null ? null : used.toInstant(), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * @param c        connection
     * @param district the district
     * @param station  the station
     * @return its recorded refusals, oldest first
     * @throws SQLException on a database error
     */
    public List<Refusal> refusals(Connection c, int district, String station) throws SQLException {
        return refusals(c, district, Optional.of(station));
    }

    /**
     * @param c        connection
     * @param district the district
     * @param station  the station, or empty for every station of the district
     * @return the recorded refusals, oldest first
     * @throws SQLException on a database error
     */
    public List<Refusal> refusals(Connection c, int district, Optional<String> station) throws SQLException {
        List<Refusal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT code_id, station_id, terminal_id, reason, refused_at FROM enrollment_refusal
                WHERE district_id = ? AND (?::text IS NULL OR station_id = ?) ORDER BY id""")) {
            ps.setInt(1, district);
            ps.setString(2, station.orElse(null));
            ps.setString(3, station.orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Refusal(rs.getString(1), rs.getString(2), rs.getString(3),
                            EnrollReply.Refusal.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * @param c      connection
     * @param codeId a code
     * @return its recorded use, or empty when unused or unknown
     * @throws SQLException on a database error
     */
    public Optional<Use> use(Connection c, String codeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT code_id, station_id, terminal_id, station_key, epoch_id, used_at FROM enrollment_code
                WHERE code_id = ? AND used_at IS NOT NULL""")) {
            ps.setString(1, codeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Use(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())) : Optional.empty();
            }
        }
    }

    /**
     * @param c        connection
     * @param district the district
     * @param now      the current instant
     * @return the stations all of whose registered codes have expired: their enrollment account
     *         serves no code any more
     * @throws SQLException on a database error
     */
    public List<String> stationsWithOnlyExpiredCodes(Connection c, int district, Instant now) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT station_id FROM enrollment_code WHERE district_id = ?
                GROUP BY station_id HAVING max(expires_at) < ? ORDER BY station_id""")) {
            ps.setInt(1, district);
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}

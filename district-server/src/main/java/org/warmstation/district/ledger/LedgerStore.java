package org.warmstation.district.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warmstation.district.db.EpochStore;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Wire;

/**
 * Day summaries received from the stations and the reconciliation findings about them.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given (auto-commit).
 */
public final class LedgerStore {

    /**
     * An open finding with its resend bookkeeping.
     *
     * @param id           row id
     * @param finding      the finding
     * @param resendSentAt when a resend was last requested, or null
     */
    public record OpenFinding(long id, Finding finding, Instant resendSentAt) {
    }

    /**
     * Saves a summary (a summary received again for the same day replaces the earlier one and is
     * reconciled again).
     *
     * @param c       connection
     * @param s       the summary
     * @param sigOk   whether its signature verified with the pinned key
     * @throws SQLException when the database fails
     */
    public void save(Connection c, DaySummary s, boolean sigOk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO day_summary (district_id, station_id, day, visit_count, first_seq, last_seq, chain_hash,
                                         previous_hash, signature, signature_ok, payload, epoch)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (district_id, station_id, epoch, day) DO UPDATE
                   SET visit_count = EXCLUDED.visit_count, first_seq = EXCLUDED.first_seq,
                       last_seq = EXCLUDED.last_seq, chain_hash = EXCLUDED.chain_hash,
                       previous_hash = EXCLUDED.previous_hash, signature = EXCLUDED.signature,
                       signature_ok = EXCLUDED.signature_ok, payload = EXCLUDED.payload,
                       received_at = now(), reconciled_at = NULL""")) {
            ps.setInt(1, s.district());
            ps.setString(2, s.station());
            ps.setObject(3, s.date());
            ps.setLong(4, s.visitCount());
            ps.setLong(5, s.firstSeq());
            ps.setLong(6, s.lastSeq());
            ps.setString(7, s.chainHash());
            ps.setString(8, s.previousHash());
            ps.setString(9, s.signature());
            ps.setBoolean(10, sigOk);
            ps.setBytes(11, Wire.encode(s));
            ps.setObject(12, EpochStore.of(s.epoch()));
            ps.executeUpdate();
        }
    }

    /**
     * @param c      connection
     * @param grace  how long after receipt a summary waits (visits sent just before it may still
     *               be on their way)
     * @param now    the district clock
     * @return summaries not yet reconciled clean, received at least {@code grace} ago
     * @throws SQLException when the database fails
     */
    public List<DaySummary> due(Connection c, Duration grace, Instant now) throws SQLException {
        List<DaySummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT payload FROM day_summary WHERE reconciled_at IS NULL AND received_at <= ?
                 ORDER BY district_id, station_id, day""")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(grace)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Wire.decode(rs.getBytes(1), DaySummary.class));
                }
            }
        }
        return out;
    }

    /**
     * @param c connection
     * @param s a summary
     * @return the chain hash of the station's stored summary for the day before in the same
     *         epoch, or null (a new epoch's chain starts again)
     * @throws SQLException when the database fails
     */
    public String previousChain(Connection c, DaySummary s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT chain_hash FROM day_summary WHERE district_id = ? AND station_id = ? AND epoch = ? AND day < ?
                 ORDER BY day DESC LIMIT 1""")) {
            ps.setInt(1, s.district());
            ps.setString(2, s.station());
            ps.setObject(3, EpochStore.of(s.epoch()));
            ps.setObject(4, s.date());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Records the outcome of one reconciliation of a day: findings no longer present are resolved,
     * new ones are added, a clean day is marked reconciled.
     *
     * @param c        connection
     * @param s        the summary
     * @param current  the findings of this reconciliation
     * @return how many of them are new (not open before)
     * @throws SQLException when the database fails
     */
    public int record(Connection c, DaySummary s, List<Finding> current) throws SQLException {
        int added = 0;
        List<OpenFinding> open = open(c, s.district(), s.station(), s.date()).stream()
                .filter(o -> o.finding().epoch().equals(EpochStore.of(s.epoch()))).toList();
        for (OpenFinding o : open) {
            if (current.stream().noneMatch(f -> f.sameProblem(o.finding()))) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE reconciliation_finding SET resolved_at = now() WHERE id = ?")) {
                    ps.setLong(1, o.id());
                    ps.executeUpdate();
                }
            }
        }
        for (Finding f : current) {
            if (open.stream().noneMatch(o -> o.finding().sameProblem(f))) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO reconciliation_finding (district_id, station_id, day, kind, first_seq, last_seq, detail,
                                                            epoch)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setInt(1, f.district());
                    ps.setString(2, f.station());
                    ps.setObject(3, f.day());
                    ps.setString(4, f.kind().name());
                    ps.setObject(5, f.firstSeq());
                    ps.setObject(6, f.lastSeq());
                    ps.setString(7, f.detail());
                    ps.setObject(8, f.epoch());
                    ps.executeUpdate();
                    added++;
                }
            }
        }
        if (current.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE day_summary SET reconciled_at = now()
                     WHERE district_id = ? AND station_id = ? AND epoch = ? AND day = ?""")) {
                ps.setInt(1, s.district());
                ps.setString(2, s.station());
                ps.setObject(3, EpochStore.of(s.epoch()));
                ps.setObject(4, s.date());
                ps.executeUpdate();
            }
        }
        return added;
    }

    /**
     * @param c        connection
     * @param district district
     * @param station  station
     * @param day      day
     * @return the open findings of that station's day, of every epoch
     * @throws SQLException when the database fails
     */
    public List<OpenFinding> open(Connection c, int district, String station, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, district_id, station_id, day, kind, first_seq, last_seq, detail, resend_sent_at, epoch
                  FROM reconciliation_finding
                 WHERE district_id = ? AND station_id = ? AND day = ? AND resolved_at IS NULL ORDER BY id""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setObject(3, day);
            return read(ps);
        }
    }

    /**
     * @param c connection
     * @return every open finding of every station, oldest first
     * @throws SQLException when the database fails
     */
    public List<OpenFinding> allOpen(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, district_id, station_id, day, kind, first_seq, last_seq, detail, resend_sent_at, epoch
                  FROM reconciliation_finding WHERE resolved_at IS NULL ORDER BY id""")) {
            return read(ps);
        }
    }

    /**
     * @param c  connection
     * @param id finding id
     * @param at when the resend downlink was published
     * @throws SQLException when the database fails
     */
    public void resendSent(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE reconciliation_finding SET resend_sent_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static List<OpenFinding> read(PreparedStatement ps) throws SQLException {
        List<OpenFinding> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp sent = rs.getTimestamp(9);
                Finding f = new Finding(rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        Finding.Kind.valueOf(rs.getString(5)), (Long) rs.getObject(6), (Long) rs.getObject(7),
                        rs.getString(8), rs.getObject(10, java.util.UUID.class));
                out.add(new OpenFinding(rs.getLong(1), f, sent == null ? null : sent.toInstant()));
            }
        }
        return out;
    }
}

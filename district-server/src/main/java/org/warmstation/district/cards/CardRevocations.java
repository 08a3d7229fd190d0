package org.warmstation.district.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.wire.DownlinkCommand;

/**
 * Card revocation at the district (issue 11): each revocation makes deny-list version N+1 of the
 * district, stores it, and queues it as a {@code DENY_LIST} downlink for every station of the
 * district, online or not ({@link DownlinkSender}; the server signs and delivers it, also on a
 * station's reconnect). Only a card the district knows can be revoked: one whose serial was seen
 * in a visit, or is in the card register imported from the issuing office (decision 0122).
 *
 * <p>Thread-safe; revocations of one district are serialised by a PostgreSQL advisory lock (also
 * across processes). Every method blocks on the database.
 */
public final class CardRevocations {
    /** Advisory lock key base for a district's deny list ("wsdeny" in ASCII, shifted), plus the district id. */
    private static final long DENY_LOCK = 0x777364656e79L << 20;

    /**
     * A revoked card.
     *
     * @param serial      card serial
     * @param reason      why
     * @param revokedAt   when
     * @param revokedBy   who (console user or {@code cli:USER})
     * @param listVersion the deny-list version that first carried it
     */
    public record Revoked(long serial, RevocationReason reason, Instant revokedAt, String revokedBy, long listVersion) {
    }

    /**
     * What a revocation did.
     *
     * @param version  the new deny-list version
     * @param stations stations it was queued for
     */
    public record Result(long version, int stations) {
    }

    /** A revocation refused for a reason the user can fix (unknown serial, already revoked). */
    public static final class Refused extends IllegalArgumentException {
        /** Why. */
        public enum Kind {
            /** Serial outside 1..4294967295. */
            OUT_OF_RANGE,
            /** Never seen in a visit and not in the card register. */
            UNKNOWN,
            /** Revoked before. */
            ALREADY_REVOKED
        }

        private final Kind kind;

        /**
         * @param kind    why
         * @param message what to tell the user (English; the console shows its own zh/en text per kind)
         */
        public Refused(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        /** @return why */
        public Kind kind() {
            return kind;
        }
    }

    private final DistrictDatabase db;
    private final int district;
    private final DownlinkSender sender;

    /**
     * @param db       the district database
     * @param district the district
     */
    public CardRevocations(DistrictDatabase db, int district) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.sender = new DownlinkSender(db, district);
    }

    /**
     * Revokes a card and sends the new deny list to every station of the district.
     *
     * @param serial the card serial (1..4294967295)
     * @param reason why
     * @param by     who revokes it (console user, {@code cli:USER})
     * @param now    the district clock
     * @return the new version and the number of stations it was queued for
     * @throws Refused      when the serial is out of range, unknown to the district, or already revoked
     * @throws SQLException when the database fails; nothing changed then
     */
    public Result revoke(long serial, RevocationReason reason, String by, Instant now) throws SQLException {
        Objects.requireNonNull(reason, "reason");
        if (serial < 1 || serial > 0xffff_ffffL) {
            throw new Refused(Refused.Kind.OUT_OF_RANGE, "card serial must be 1 to 4294967295, not " + serial);
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                lock(c);
                Optional<Revoked> already = find(c, serial);
                if (already.isPresent()) {
                    throw new Refused(Refused.Kind.ALREADY_REVOKED, "card " + serial + " is already revoked (" + already.get().reason().label()
                            + ", " + already.get().revokedAt() + ", deny-list version " + already.get().listVersion() + ")");
                }
                if (!known(c, serial)) {
                    throw new Refused(Refused.Kind.UNKNOWN, "card " + serial + " is unknown to district " + district
                            + ": never seen in a visit and not in the card register (import the issuing office's"
                            + " issued-cards.csv with `district-server card register`)");
                }
                long version = currentVersion(c) + 1;
                insertRevocation(c, serial, reason, by, now, version);
                DenyList list = denyList(c, version);
                saveList(c, version, now, list.format());
                int stations = sender.sendToAll(c, s -> DownlinkCommand.denyList(district, s, now, list), by).size();
                c.commit();
                return new Result(version, stations);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * @return the district's revoked cards, newest first
     * @throws SQLException when the database fails
     */
    public List<Revoked> revoked() throws SQLException {
        List<Revoked> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                SELECT card_serial, reason, revoked_at, revoked_by, list_version FROM card_revocation
                 WHERE district_id = ? ORDER BY revoked_at DESC, card_serial""")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(revoked(rs));
                }
            }
        }
        return out;
    }

    /**
     * @return the current deny-list version, 0 before the first revocation
     * @throws SQLException when the database fails
     */
    public long currentVersion() throws SQLException {
        try (Connection c = db.connection()) {
            return currentVersion(c);
        }
    }

    /**
     * Adds serials from the issuing office's register, so that cards not yet seen in a visit can be
     * revoked.
     *
     * @param serials card serials
     * @return serials newly added
     * @throws SQLException when the database fails
     * @throws IllegalArgumentException when a serial is out of range; nothing is added then
     */
    public int register(Collection<Long> serials) throws SQLException {
        for (long s : serials) {
            if (s < 1 || s > 0xffff_ffffL) {
                throw new IllegalArgumentException("card serial must be 1 to 4294967295, not " + s);
            }
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO card_register (district_id, card_serial) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            c.setAutoCommit(false);
            int added = 0;
            for (long s : serials) {
                ps.setInt(1, district);
                ps.setLong(2, s);
                added += ps.executeUpdate();
            }
            c.commit();
            return added;
        }
    }

    private void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, DENY_LOCK + district);
            ps.execute();
        }
    }

    private Optional<Revoked> find(Connection c, long serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT card_serial, reason, revoked_at, revoked_by, list_version FROM card_revocation
                 WHERE district_id = ? AND card_serial = ?""")) {
            ps.setInt(1, district);
            ps.setLong(2, serial);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(revoked(rs)) : Optional.empty();
            }
        }
    }

    private boolean known(Connection c, long serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM card_register WHERE district_id = ? AND card_serial = ?)
                    OR EXISTS (SELECT 1 FROM visit WHERE district_id = ? AND card_serial = ?)""")) {
            ps.setInt(1, district);
            ps.setLong(2, serial);
            ps.setInt(3, district);
            ps.setLong(4, serial);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private long currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM card_list WHERE district_id = ? AND kind = 'DENY'")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insertRevocation(Connection c, long serial, RevocationReason reason, String by, Instant now,
                                  long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO card_revocation (district_id, card_serial, reason, revoked_at, revoked_by, list_version)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setInt(1, district);
            ps.setLong(2, serial);
            ps.setString(3, reason.name());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, by == null ? "unknown" : by);
            ps.setLong(6, version);
            ps.executeUpdate();
        }
    }

    private DenyList denyList(Connection c, long version) throws SQLException {
        DenyList list = DenyList.empty().withVersion(version);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT card_serial FROM card_revocation WHERE district_id = ?")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list = list.with(district, rs.getLong(1));
                }
            }
        }
        return list;
    }

    private void saveList(Connection c, long version, Instant now, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO card_list (district_id, kind, version, issued_at, body) VALUES (?, 'DENY', ?, ?, ?)")) {
            ps.setInt(1, district);
            ps.setLong(2, version);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, body);
            ps.executeUpdate();
        }
    }

    private static Revoked revoked(ResultSet rs) throws SQLException {
        return new Revoked(rs.getLong(1), RevocationReason.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getLong(5));
    }
}

package org.warmstation.district.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DownlinkCommand;

/**
 * Sends a new trust list (made by {@code station district init [--rotate]} on the office computer)
 * to every station of the district as a {@code TRUST_LIST} downlink, and keeps it as the district's
 * current trust list (stations enrolled later get it on their birth). Thread-safe; blocks on the
 * database.
 */
public final class TrustListPush {
    /** Advisory lock key base for a district's trust list ("wstrust" in ASCII, shifted), plus the district id. */
    private static final long TRUST_LOCK = 0x77737472757374L << 4;

    private final DistrictDatabase db;
    private final int district;
    private final DownlinkSender sender;

    /**
     * @param db       the district database
     * @param district the district
     */
    public TrustListPush(DistrictDatabase db, int district) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.sender = new DownlinkSender(db, district);
    }

    /**
     * @param list the new trust list
     * @param by   who sends it
     * @param now  the district clock
     * @return stations it was queued for
     * @throws IllegalArgumentException when it is not newer than the last one sent, or lacks a key of
     *                                  this district for one of the purposes
     * @throws SQLException             when the database fails; nothing is queued then
     */
    public int push(TrustList list, String by, Instant now) throws SQLException {
        check(list);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long current = current(c);
                if (list.version() <= current) {
                    throw new IllegalArgumentException("trust list version " + list.version()
                            + " is not newer than version " + current + " already sent; make a new one with"
                            + " `station district init --rotate`");
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO card_list (district_id, kind, version, issued_at, body) VALUES (?, 'TRUST', ?, ?, ?)")) {
                    ps.setInt(1, district);
                    ps.setLong(2, list.version());
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setString(4, list.format());
                    ps.executeUpdate();
                }
                int n = sender.sendToAll(c, s -> DownlinkCommand.trustList(district, s, now, list), by).size();
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Every purpose of a key line without purposes needs a key of this district (keys of other
     * districts, for their cards, may be there too); an update key is optional until the district
     * publishes updates (issue 15).
     */
    private void check(TrustList list) {
        for (var purpose : org.warmstation.protocol.card.KeyPurpose.legacy()) {
            if (list.keys().stream().noneMatch(k -> k.districtId() == district && k.allows(purpose))) {
                throw new IllegalArgumentException("the trust list holds no " + purpose.label() + " key of district "
                        + district + ": stations would refuse every " + purpose.label() + " after applying it");
            }
        }
    }

    private long current(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, TRUST_LOCK + district); // one push of a district at a time, also across processes
            lock.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM card_list WHERE district_id = ? AND kind = 'TRUST'")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

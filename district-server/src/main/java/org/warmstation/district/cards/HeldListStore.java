package org.warmstation.district.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.HeldLists;

/**
 * Which deny- and trust-list versions each station holds, and since when: from the acks of list
 * downlinks and from what the station reports in its status and heartbeat. A version is never
 * lowered by an older report arriving late. Stateless and thread-safe; blocks on the database.
 */
public final class HeldListStore {

    /**
     * Records the list version an APPLIED list downlink carried as held by its station.
     *
     * @param c      a connection (joins its transaction)
     * @param record the acked command's row
     * @throws SQLException when the database fails
     */
    public void acked(Connection c, DownlinkRecord record) throws SQLException {
        if (record.outcome() != DownlinkAck.Outcome.APPLIED || record.listVersion() == null) {
            return;
        }
        String prefix = switch (record.kind()) {
            case DENY_LIST -> "deny_list";
            case TRUST_LIST -> "trust_list";
            default -> null;
        };
        if (prefix != null) {
            update(c, prefix, record.district(), record.station(), record.listVersion(), Timestamp.from(record.ackedAt()));
        }
    }

    /**
     * Records what a station reports it holds (birth message or heartbeat); a list without a
     * receipt time is left as it was.
     *
     * @param c        a connection
     * @param district the district
     * @param station  the station
     * @param lists    what it reports, or null (a terminal before issue 11: nothing recorded)
     * @throws SQLException when the database fails
     */
    public void reported(Connection c, int district, String station, HeldLists lists) throws SQLException {
        if (lists == null) {
            return;
        }
        if (lists.denyReceivedAt() != null) {
            update(c, "deny_list", district, station, lists.denyVersion(), Timestamp.from(lists.denyReceivedAt()));
        }
        if (lists.trustReceivedAt() != null) {
            update(c, "trust_list", district, station, lists.trustVersion(), Timestamp.from(lists.trustReceivedAt()));
        }
    }

    static void update(Connection c, String prefix, int district, String station, long version, Timestamp at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE station SET " + prefix + "_version = ?, " + prefix
                + "_received_at = ? WHERE district_id = ? AND station_id = ? AND (" + prefix + "_version IS NULL OR "
                + prefix + "_version < ? OR (" + prefix + "_version = ? AND " + prefix + "_received_at < ?))")) {
            ps.setLong(1, version);
            ps.setTimestamp(2, at);
            ps.setInt(3, district);
            ps.setString(4, station);
            ps.setLong(5, version);
            ps.setLong(6, version);
            ps.setTimestamp(7, at);
            ps.executeUpdate();
        }
    }
}

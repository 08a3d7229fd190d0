package org.warmstation.district.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DownlinkCommand;

/**
 * On a station's birth: queues the district's current deny and trust list for a station that was
 * never sent that version (a station enrolled after the last revocation, or one the district had
 * not heard of when the list was made). Stateless and thread-safe; blocks on the database.
 */
public final class ListCatchUp {
    private final int district;
    private final DownlinkSender sender;

    /**
     * @param district the district
     * @param sender   how downlinks are queued
     */
    public ListCatchUp(int district, DownlinkSender sender) {
        this.district = district;
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * @param c       a connection (joins its transaction)
     * @param station the station that came online
     * @param now     the district clock
     * @return lists queued (0..2)
     * @throws SQLException when the database fails
     */
    public int queueIfBehind(Connection c, String station, Instant now) throws SQLException {
        int queued = 0;
        for (String kind : new String[] {"DENY", "TRUST"}) {
            String body = currentBody(c, kind, station);
            if (body != null) {
                sender.send(c, kind.equals("DENY")
                        ? DownlinkCommand.denyList(district, station, now, DenyList.parse(body))
                        : DownlinkCommand.trustList(district, station, now, TrustList.parse(body)), "catch-up");
                queued++;
            }
        }
        return queued;
    }

    /** @return the current list's body when the station was never sent its version, else null */
    private String currentBody(Connection c, String kind, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.body FROM card_list l
                 WHERE l.district_id = ? AND l.kind = ?
                   AND l.version = (SELECT max(version) FROM card_list WHERE district_id = l.district_id AND kind = l.kind)
                   AND NOT EXISTS (SELECT 1 FROM downlink d WHERE d.district_id = l.district_id AND d.station_id = ?
                                     AND d.kind = ? AND d.list_version >= l.version)""")) {
            ps.setInt(1, district);
            ps.setString(2, kind);
            ps.setString(3, station);
            ps.setString(4, kind.equals("DENY") ? "DENY_LIST" : "TRUST_LIST");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

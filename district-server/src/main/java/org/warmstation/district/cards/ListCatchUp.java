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
 * Keeps the stations' lists current and confirmed: on a station's birth, queues the district's
 * current deny and trust list for a station that was never sent that version (a station enrolled
 * after the last revocation, or one the district had not heard of when the list was made); and
 * {@link #refresh} re-sends the current lists to stations whose copy was received longer ago than
 * {@link #REFRESH_AFTER}, so that a station's "lists older than 24 h" warning means it has not
 * heard from the district for a day (decision 0121). Stateless and thread-safe; blocks on the
 * database.
 */
public final class ListCatchUp {
    /** Lists received longer ago than this are sent again (half the 24 h warning threshold). */
    public static final java.time.Duration REFRESH_AFTER = java.time.Duration.ofHours(12);

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

    /**
     * Queues the current lists again for every real station that reported receiving its copy
     * longer than {@link #REFRESH_AFTER} ago (or never) and has no such list un-acked already.
     * Makes deny-list version 1 (empty) when the district has none yet, so every station holds one.
     *
     * @param c   a connection (auto-commit)
     * @param now the district clock
     * @return lists queued
     * @throws SQLException when the database fails
     */
    public int refresh(Connection c, Instant now) throws SQLException {
        ensureDenyList(c, now);
        int queued = 0;
        for (String kind : new String[] {"DENY", "TRUST"}) {
            String body = newestBody(c, kind);
            if (body == null) {
                continue;
            }
            String prefix = kind.equals("DENY") ? "deny_list" : "trust_list";
            String downlinkKind = kind.equals("DENY") ? "DENY_LIST" : "TRUST_LIST";
            try (PreparedStatement ps = c.prepareStatement("SELECT s.station_id FROM station s"
                    + " WHERE s.district_id = ? AND NOT s.simulated AND (s." + prefix + "_received_at IS NULL OR s."
                    + prefix + "_received_at < ?) AND NOT EXISTS (SELECT 1 FROM downlink d WHERE d.district_id ="
                    + " s.district_id AND d.station_id = s.station_id AND d.kind = ? AND d.outcome IS NULL)")) {
                ps.setInt(1, district);
                ps.setTimestamp(2, java.sql.Timestamp.from(now.minus(REFRESH_AFTER)));
                ps.setString(3, downlinkKind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String station = rs.getString(1);
                        sender.send(c, kind.equals("DENY")
                                ? DownlinkCommand.denyList(district, station, now, DenyList.parse(body))
                                : DownlinkCommand.trustList(district, station, now, TrustList.parse(body)), "refresh");
                        queued++;
                    }
                }
            }
        }
        return queued;
    }

    private void ensureDenyList(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO card_list (district_id, kind, version, issued_at, body)
                SELECT ?, 'DENY', 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM card_list WHERE district_id = ? AND kind = 'DENY')
                ON CONFLICT DO NOTHING""")) {
            ps.setInt(1, district);
            ps.setTimestamp(2, java.sql.Timestamp.from(now));
            ps.setString(3, DenyList.empty().withVersion(1).format());
            ps.setInt(4, district);
            ps.executeUpdate();
        }
    }

    private String newestBody(Connection c, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM card_list WHERE district_id = ? AND kind = ? ORDER BY version DESC LIMIT 1")) {
            ps.setInt(1, district);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
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

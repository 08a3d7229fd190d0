package org.warmstation.district.update;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.Wire;

/**
 * A terminal that had not reported its architecture (older than decision 0285) is offered the
 * version's first release; if that was built for another architecture, the terminal refuses it
 * before downloading, and its refusal names its architecture (decision 0295). The district then:
 * keeps that architecture for the station; takes the station out of the refused release, because
 * a refusal for architecture says nothing about the package and must not stop its canary wave
 * (a canary so removed is replaced by a station of the release not offered it yet); and moves the
 * station to its own architecture's release of the version — offered at once if that release is
 * rolling or done, with its rest wave if it is still in its canary wave, on resume if stopped — or,
 * when there is none yet, leaves it waiting for that package ({@link UpdatePublisher} offers it
 * then). One transaction of the caller's; blocks on the database.
 */
final class WrongArchitecture {
    private static final Logger LOG = LoggerFactory.getLogger(WrongArchitecture.class);

    private WrongArchitecture() {
    }

    /**
     * @param c        a connection inside a transaction
     * @param district the district
     * @param sender   sends the UPDATE downlinks
     * @param station  the refusing station
     * @param refused  the release it refused
     * @param theirs   its architecture, read from the refusal
     * @param now      the district clock
     * @return the release the station moved to, if one exists; empty if it now waits for one.
     *         Call only when {@link #applies} said so
     * @throws SQLException when the database fails
     */
    static Optional<Release.Key> move(Connection c, int district, DownlinkSender sender, String station,
                                      Release.Key refused, String theirs, Instant now) throws SQLException {
        String wave = wave(c, district, station, refused);
        Release.Key own = new Release.Key(refused.version(), theirs);
        Optional<String[]> target = UpdateRollout.locked(c, district, own); // state, signed manifest; row locked
        if (target.isPresent()) {
            update(c, """
                    UPDATE station_update SET architecture = ?, wave = 'REST', state = NULL, detail = NULL,
                           reported_at = NULL, offered_at = NULL
                    WHERE district_id = ? AND station_id = ? AND version = ?""", theirs, district, station,
                    refused.version());
            String state = target.get()[0];
            if (state.equals("ROLLING") || state.equals("DONE")) {
                offer(c, district, sender, station, own, target.get()[1], now);
                update(c, "UPDATE update_release SET state = 'ROLLING' WHERE district_id = ? AND version = ?"
                        + " AND architecture = ?", district, own.version(), own.architecture());
            }
            LOG.info("{} refused {} for {}: it is {}; moved to the {} release ({})", station, refused.version(),
                    refused.architecture(), theirs, theirs, state);
        } else {
            update(c, "DELETE FROM station_update WHERE district_id = ? AND station_id = ? AND version = ?", district,
                    station, refused.version());
            LOG.info("{} refused {} for {}: it is {}; it waits for a {} package of {}", station, refused.version(),
                    refused.architecture(), theirs, theirs, refused.version());
        }
        if ("CANARY".equals(wave)) {
            replaceCanary(c, district, sender, refused, now);
        }
        return target.map(t -> own);
    }

    /**
     * Keeps the architecture a refusal names, for a station that has not reported one.
     *
     * @return whether the station had not reported one (the refusal is then about architecture
     *         only and {@link #move} applies)
     * @throws SQLException when the database fails
     */
    static boolean applies(Connection c, int district, String station, String theirs) throws SQLException {
        return update(c, "UPDATE station SET architecture = ? WHERE district_id = ? AND station_id = ?"
                + " AND architecture IS NULL", theirs, district, station) == 1;
    }

    private static void replaceCanary(Connection c, int district, DownlinkSender sender, Release.Key release,
                                      Instant now) throws SQLException {
        Optional<String[]> r = UpdateRollout.locked(c, district, release);
        if (r.isEmpty() || !r.get()[0].equals("CANARY")) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT station_id FROM station_update WHERE district_id = ? AND version = ? AND architecture = ?
                   AND wave = 'REST' AND offered_at IS NULL ORDER BY station_id LIMIT 1""")) {
            ps.setInt(1, district);
            ps.setString(2, release.version());
            ps.setString(3, release.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // no station left to try it on: the release moves on by the canaries it has
                }
                String next = rs.getString(1);
                update(c, "UPDATE station_update SET wave = 'CANARY' WHERE district_id = ? AND station_id = ?"
                        + " AND version = ?", district, next, release.version());
                offer(c, district, sender, next, release, r.get()[1], now);
                LOG.info("update {}: {} replaces the canary of another architecture", release, next);
            }
        }
    }

    private static void offer(Connection c, int district, DownlinkSender sender, String station, Release.Key release,
                              String signed, Instant now) throws SQLException {
        UpdateRollout.offer(c, sender, district, station,
                Wire.decode(signed.getBytes(StandardCharsets.UTF_8), SignedUpdate.class), "rollout", now);
        update(c, "UPDATE station_update SET offered_at = ? WHERE district_id = ? AND station_id = ?"
                + " AND version = ?", Timestamp.from(now), district, station, release.version());
    }

    private static String wave(Connection c, int district, String station, Release.Key release) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT wave FROM station_update WHERE district_id = ?"
                + " AND station_id = ? AND version = ? AND architecture = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setString(3, release.version());
            ps.setString(4, release.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}

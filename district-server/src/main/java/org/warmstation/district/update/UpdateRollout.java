package org.warmstation.district.update;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.Wire;

/**
 * Follows a release (one version for one architecture, decision 0285) through the district
 * (decision 0217): stores each station's update report
 * (from its status and heartbeats), stops the rollout when a canary station reports
 * {@code ROLLED_BACK}, {@code FAILED} or {@code REFUSED}, offers the release to the rest once every
 * canary is {@code HEALTHY}, and marks it {@code DONE} when every offered station has finished.
 * Thread-safe: each change of a release runs in one transaction holding its row lock. Blocks on
 * the database.
 */
public final class UpdateRollout {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateRollout.class);
    private static final Set<String> CANARY_FAILS = Set.of("ROLLED_BACK", "FAILED", "REFUSED");
    private static final Set<String> FINISHED = Set.of("HEALTHY", "ROLLED_BACK", "FAILED", "REFUSED");

    private final DistrictDatabase db;
    private final int district;
    private final DownlinkSender sender;

    /**
     * @param db       the district database
     * @param district the district
     */
    public UpdateRollout(DistrictDatabase db, int district) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.sender = new DownlinkSender(db, district);
    }

    /**
     * Stores a station's report; when its state changed, moves the release on.
     *
     * @param c       a connection (autocommit, e.g. the message handler's)
     * @param station the reporting station
     * @param report  its report, or null (nothing to do)
     * @param now     the district clock
     * @throws SQLException when the database fails
     */
    public void reported(Connection c, String station, UpdateReport report, Instant now) throws SQLException {
        if (report == null) {
            return;
        }
        String architecture = null;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station_update SET state = ?, detail = ?, reported_at = ?
                WHERE district_id = ? AND station_id = ? AND version = ?
                  AND (state IS DISTINCT FROM ? OR detail IS DISTINCT FROM ?)
                RETURNING architecture""")) {
            ps.setString(1, report.state().name());
            ps.setString(2, report.detail());
            ps.setTimestamp(3, Timestamp.from(report.at()));
            ps.setInt(4, district);
            ps.setString(5, station);
            ps.setString(6, report.version());
            ps.setString(7, report.state().name());
            ps.setString(8, report.detail());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    architecture = rs.getString(1);
                }
            }
        }
        if (architecture != null) {
            LOG.info("{}: update {} {} ({})", station, report.version(), report.state(), report.detail());
            Release.Key release = new Release.Key(report.version(), architecture);
            Optional<String> theirs = report.refusingArchitecture();
            if (theirs.isEmpty() || !moved(station, release, theirs.get(), now)) {
                advance(release, now);
            }
        }
    }

    /**
     * A station that had not reported its architecture refused a release built for another one
     * ({@link WrongArchitecture}, decision 0295): in one transaction, both releases locked in one
     * order, it is moved; then both releases move on.
     *
     * @return false, with nothing changed, when the station had reported an architecture
     */
    private boolean moved(String station, Release.Key refused, String theirs, Instant now) throws SQLException {
        Optional<Release.Key> to;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                for (String a : new TreeSet<>(List.of(refused.architecture(), theirs))) {
                    locked(c, district, new Release.Key(refused.version(), a));
                }
                if (!WrongArchitecture.applies(c, district, station, theirs)) {
                    c.rollback();
                    return false;
                }
                to = WrongArchitecture.move(c, district, sender, station, refused, theirs, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        advance(refused, now);
        if (to.isPresent()) {
            advance(to.get(), now);
        }
        return true;
    }

    /**
     * Moves a release on from what its stations reported (see the class comment).
     *
     * @param key the release: version and architecture (decision 0285)
     * @param now the district clock
     * @throws SQLException when the database fails; nothing changes then
     */
    public void advance(Release.Key key, Instant now) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                advance(c, key, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void advance(Connection c, Release.Key version, Instant now) throws SQLException {
        Optional<String[]> release = locked(c, district, version);
        if (release.isEmpty()) {
            return;
        }
        String state = release.get()[0];
        String signed = release.get()[1];
        List<String[]> rows = rows(c, version);
        if (state.equals("CANARY")) {
            List<String[]> canaries = rows.stream().filter(r -> r[1].equals("CANARY")).toList();
            for (String[] r : canaries) {
                if (r[2] != null && CANARY_FAILS.contains(r[2])) {
                    String why = "canary " + r[0] + ": " + r[2] + (r[3] == null ? "" : " (" + r[3] + ")");
                    setState(c, version, "STOPPED", why);
                    LOG.warn("update {}: rollout stopped, {}", version, why);
                    return;
                }
            }
            if (canaries.stream().allMatch(r -> "HEALTHY".equals(r[2]))) {
                SignedUpdate offer = Wire.decode(signed.getBytes(StandardCharsets.UTF_8), SignedUpdate.class);
                int n = 0;
                for (String[] r : rows) {
                    if (r[1].equals("REST") && r[4] == null) {
                        offer(c, sender, district, r[0], offer, "rollout", now);
                        markOffered(c, r[0], version.version(), now);
                        n++;
                    }
                }
                setState(c, version, n == 0 ? "DONE" : "ROLLING", null);
                LOG.info("update {}: every canary healthy, offered to {} more station(s)", version, n);
            }
        } else if (state.equals("ROLLING")
                && rows.stream().filter(r -> r[4] != null).allMatch(r -> r[2] != null && FINISHED.contains(r[2]))) {
            // keeps a resumed rollout's reason
            try (PreparedStatement ps = c.prepareStatement("UPDATE update_release SET state = 'DONE'"
                    + " WHERE district_id = ? AND version = ? AND architecture = ?")) {
                ps.setInt(1, district);
                ps.setString(2, version.version());
                ps.setString(3, version.architecture());
                ps.executeUpdate();
            }
        }
    }

    /** What {@link #resume} did. */
    public enum Resumed {
        /** the rollout goes on: offered to the stations not offered yet */
        ROLLING,
        /** every station had been offered it already and has finished: the rollout is done */
        DONE,
        /** no such release */
        UNKNOWN,
        /** the release is not stopped (canary wave, rolling or done): nothing changed */
        NOT_STOPPED
    }

    /**
     * Resumes a stopped rollout (decision 0265): an administrator who found why a canary failed
     * (a full disk, a station switched off) and judges the release sound offers it to every station
     * not offered it yet, as if the canaries had been healthy. The stop's reason is kept, prefixed
     * with who resumed it. One transaction.
     *
     * @param version the release
     * @param by      who resumes it, for the downlinks and the reason
     * @param now     the district clock
     * @return what was done
     * @throws SQLException when the database fails; nothing changes then
     */
    public Resumed resume(Release.Key version, String by, Instant now) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                Resumed r = resume(c, version, by, now);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Resumed resume(Connection c, Release.Key version, String by, Instant now) throws SQLException {
        String state;
        String signed;
        String reason;
        try (PreparedStatement ps = c.prepareStatement("SELECT state, signed_manifest, stop_reason FROM update_release"
                + " WHERE district_id = ? AND version = ? AND architecture = ? FOR UPDATE")) {
            ps.setInt(1, district);
            ps.setString(2, version.version());
            ps.setString(3, version.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Resumed.UNKNOWN;
                }
                state = rs.getString(1);
                signed = rs.getString(2);
                reason = rs.getString(3);
            }
        }
        if (!state.equals("STOPPED")) {
            return Resumed.NOT_STOPPED;
        }
        SignedUpdate offer = Wire.decode(signed.getBytes(StandardCharsets.UTF_8), SignedUpdate.class);
        int n = 0;
        for (String[] r : rows(c, version)) {
            if (r[4] == null) {
                offer(c, sender, district, r[0], offer, by, now);
                markOffered(c, r[0], version.version(), now);
                n++;
            }
        }
        setState(c, version, "ROLLING", "resumed by " + by + " after: " + (reason == null ? "" : reason));
        advance(c, version, now); // DONE at once when every station offered it has finished
        LOG.warn("update {}: stopped rollout resumed by {}, offered to {} more station(s)", version, by, n);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state FROM update_release WHERE district_id = ? AND version = ? AND architecture = ?")) {
            ps.setInt(1, district);
            ps.setString(2, version.version());
            ps.setString(3, version.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).equals("DONE") ? Resumed.DONE : Resumed.ROLLING;
            }
        }
    }

    /**
     * Locks a release's row for the caller's transaction.
     *
     * @return its state and signed manifest; empty when there is no such release
     * @throws SQLException when the database fails
     */
    static Optional<String[]> locked(Connection c, int district, Release.Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, signed_manifest FROM update_release"
                + " WHERE district_id = ? AND version = ? AND architecture = ? FOR UPDATE")) {
            ps.setInt(1, district);
            ps.setString(2, key.version());
            ps.setString(3, key.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    /** @return station, wave, state, detail, offered_at (as text or null) of each station of the release */
    private List<String[]> rows(Connection c, Release.Key version) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT station_id, wave, state, detail, offered_at::text FROM station_update
                WHERE district_id = ? AND version = ? AND architecture = ? ORDER BY station_id""")) {
            ps.setInt(1, district);
            ps.setString(2, version.version());
            ps.setString(3, version.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        return out;
    }

    private void setState(Connection c, Release.Key version, String state, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE update_release SET state = ?, stop_reason = ?"
                + " WHERE district_id = ? AND version = ? AND architecture = ?")) {
            ps.setString(1, state);
            ps.setString(2, reason);
            ps.setInt(3, district);
            ps.setString(4, version.version());
            ps.setString(5, version.architecture());
            ps.executeUpdate();
        }
    }

    private void markOffered(Connection c, String station, String version, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE station_update SET offered_at = ? WHERE district_id = ? AND station_id = ? AND version = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setString(4, version);
            ps.executeUpdate();
        }
    }

    static void insertStation(Connection c, int district, String station, Release.Key version, String wave,
                              Instant offeredAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO station_update (district_id, station_id, version, architecture, wave, offered_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setString(3, version.version());
            ps.setString(4, version.architecture());
            ps.setString(5, wave);
            ps.setTimestamp(6, offeredAt == null ? null : Timestamp.from(offeredAt));
            ps.executeUpdate();
        }
    }

    static void offer(Connection c, DownlinkSender sender, int district, String station, SignedUpdate offer, String by,
                      Instant now) throws SQLException {
        sender.send(c, DownlinkCommand.update(district, station, now, offer), by);
    }
}

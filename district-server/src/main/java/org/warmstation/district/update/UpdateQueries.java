package org.warmstation.district.update;

import java.nio.file.Path;
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
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.protocol.wire.DebianVersion;

/**
 * What the console shows of software updates: the releases, and each station's running version
 * with where the newest release offered to it stands. Blocks on the database; thread-safe.
 */
public final class UpdateQueries {
    private final DistrictDatabase db;
    private final int district;

    /**
     * One station's update state.
     *
     * @param station     the station id
     * @param name        its name, or null
     * @param running     the version it last reported running, or null
     * @param architecture the Debian architecture it reported, or null (not yet, decision 0285)
     * @param version     the newest release offered or planned for it, or null
     * @param wave        {@code CANARY} or {@code REST}, or null
     * @param state       the state it last reported (an UpdateReport state), or null (not offered,
     *                    or no report yet)
     * @param detail      the report's detail, or null
     * @param reportedAt  when (station clock), or null
     * @param offered     whether the release was offered to it
     */
    public record StationRow(String station, String name, String running, String architecture, String version,
                             String wave, String state, String detail, Instant reportedAt, boolean offered) {
    }

    /**
     * @param db       the district database
     * @param district the district
     */
    public UpdateQueries(DistrictDatabase db, int district) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
    }

    /**
     * @return every release, newest first
     * @throws SQLException when the database fails
     */
    public List<Release> releases() throws SQLException {
        return query("ORDER BY published_at DESC, architecture");
    }

    /**
     * @param key a version and architecture
     * @return that release, if published
     * @throws SQLException when the database fails
     */
    public Optional<Release> release(Release.Key key) throws SQLException {
        return query("AND version = ? AND architecture = ?", key.version(), key.architecture()).stream().findFirst();
    }

    /**
     * @param version  a version
     * @param fileName a file name of its download URL
     * @return the release of that version served as that file (one per architecture), if published
     * @throws SQLException when the database fails
     */
    public Optional<Release> release(String version, String fileName) throws SQLException {
        return query("AND version = ? AND file_name = ?", version, fileName).stream().findFirst();
    }

    private List<Release> query(String tail, String... params) throws SQLException {
        List<Release> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                SELECT version, file_name, file_path, sha256, size_bytes, url, target, state, stop_reason,
                       published_at, published_by, architecture FROM update_release WHERE district_id = ? """ + tail)) {
            ps.setInt(1, district);
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 2, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Release(rs.getString(1), rs.getString(2), Path.of(rs.getString(3)), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    /**
     * The stations that no release of the newest published version is for, by architecture
     * (decision 0285): they wait until its package for their architecture is published. Stations
     * already running that version or a later one are not counted.
     *
     * @param version       the newest published version
     * @param architectures each architecture ("" when the station has not reported one) and how
     *                      many such stations wait, by architecture
     */
    public record Waiting(String version, java.util.SortedMap<String, Integer> architectures) {
    }

    /**
     * @return who waits for the newest version's package of their architecture; empty when no
     *         version is published or no station waits
     * @throws SQLException when the database fails
     */
    public Optional<Waiting> waiting() throws SQLException {
        java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
        String newest = null;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                WITH newest AS (SELECT version FROM update_release WHERE district_id = ?
                                 ORDER BY published_at DESC LIMIT 1)
                SELECT n.version, coalesce(s.architecture, ''), s.app_version FROM newest n
                  JOIN station s ON s.district_id = ? AND NOT s.simulated
                 WHERE NOT EXISTS (SELECT 1 FROM station_update su WHERE su.district_id = s.district_id
                                      AND su.station_id = s.station_id AND su.version = n.version)""")) {
            ps.setInt(1, district);
            ps.setInt(2, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    newest = rs.getString(1);
                    if (!DebianVersion.atLeast(rs.getString(3), newest)) {
                        counts.merge(rs.getString(2), 1, Integer::sum);
                    }
                }
            }
        }
        return counts.isEmpty() ? Optional.empty() : Optional.of(new Waiting(newest, counts));
    }

    /**
     * @return every real station of the district with its newest release's state, by station id
     * @throws SQLException when the database fails
     */
    public List<StationRow> stations() throws SQLException {
        List<StationRow> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.station_id, s.name, s.app_version, s.architecture, u.version, u.wave, u.state, u.detail,
                       u.reported_at, u.offered_at IS NOT NULL
                FROM station s
                LEFT JOIN LATERAL (
                    SELECT su.* FROM station_update su JOIN update_release r
                      ON r.district_id = su.district_id AND r.version = su.version AND r.architecture = su.architecture
                    WHERE su.district_id = s.district_id AND su.station_id = s.station_id
                    ORDER BY r.published_at DESC LIMIT 1) u ON true
                WHERE s.district_id = ? AND NOT s.simulated
                ORDER BY s.station_id""")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(9);
                    out.add(new StationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            at == null ? null : at.toInstant(), rs.getBoolean(10)));
                }
            }
        }
        return out;
    }
}

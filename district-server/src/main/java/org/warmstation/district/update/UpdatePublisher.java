package org.warmstation.district.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.DebianVersion;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.Wire;

/**
 * Publishes a software update (issue 15, {@code district-server update publish}): copies the
 * {@code .deb} into the district's update folder (served by the console at
 * {@code /updates/VERSION/FILE}), signs its manifest with the district's update key, records the
 * release (one per version and architecture, decision 0285) and queues {@code UPDATE} downlinks for
 * its first wave: the canary stations (5 % of the release's stations, at least one) or, for target
 * {@code ALL}, every station of the release. The rest follow
 * when every canary reports healthy ({@link UpdateRollout}). Blocks on the file system and database.
 */
public final class UpdatePublisher {
    /** Share of the district's stations in the canary wave. */
    public static final double CANARY_SHARE = 0.05;

    private final DistrictDatabase db;
    private final int district;
    private final DownlinkSender sender;

    /**
     * @param db       the district database
     * @param district the district
     */
    public UpdatePublisher(DistrictDatabase db, int district) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.sender = new DownlinkSender(db, district);
    }

    /**
     * What to publish.
     *
     * @param deb        the package file
     * @param version    its version
     * @param canary     whether the canary wave goes first (else every station at once)
     * @param updateKey  the district's update key
     * @param urlBase    the console's address as stations reach it, e.g. {@code http://10.0.0.5:8080}
     * @param updatesDir the district's update folder
     */
    public record Request(Path deb, String version, boolean canary, DistrictKey updateKey, String urlBase, Path updatesDir) {
        /** @throws IllegalArgumentException when the version or URL base is not usable */
        public Request {
            Objects.requireNonNull(deb, "deb");
            DebianVersion.check(version);
            Objects.requireNonNull(updateKey, "updateKey");
            Objects.requireNonNull(urlBase, "urlBase");
            Objects.requireNonNull(updatesDir, "updatesDir");
            urlBase = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
        }
    }

    /**
     * Checks that a file is the terminal package at the given version (before anything else is
     * opened, so a wrong file is refused at once).
     *
     * @param deb     the package file
     * @param version the version it must have
     * @return its control fields
     * @throws IllegalArgumentException when it is missing, empty, not a Debian package, another
     *                                  package or another version
     * @throws IOException              when it cannot be read
     */
    public static DebControl checkPackage(Path deb, String version) throws IOException {
        if (!Files.isRegularFile(deb) || Files.size(deb) == 0) {
            throw new IllegalArgumentException("no package file at " + deb);
        }
        DebControl control = DebControl.read(deb);
        if (!UpdateManifest.PACKAGE.equals(control.packageName())) {
            throw new IllegalArgumentException(deb.getFileName() + " is package " + control.packageName() + ", not "
                    + UpdateManifest.PACKAGE);
        }
        if (!control.version().equals(version)) {
            throw new IllegalArgumentException(deb.getFileName() + " is version " + control.version() + ", not "
                    + version + " as given");
        }
        return control;
    }

    /**
     * @param r   what to publish
     * @param by  who publishes
     * @param now the district clock
     * @return the release and the stations offered it now
     * @throws IllegalArgumentException when the file is missing, empty or not a Debian package of
     *                                  {@code warm-station-terminal} at the given version
     *                                  ({@link DebControl}), the key is not of this district, the
     *                                  version is published already for the package's architecture
     *                                  (then before the published copy is touched), the district has
     *                                  no station, or none waits for this release
     * @throws IOException              when the file cannot be read or copied
     * @throws SQLException             when the database fails; nothing is published then
     */
    public Published publish(Request r, String by, Instant now) throws IOException, SQLException {
        if (r.updateKey().districtId() != district) {
            throw new IllegalArgumentException("the update key is of district " + r.updateKey().districtId()
                    + ", not " + district);
        }
        DebControl control = checkPackage(r.deb(), r.version());
        if (published(new Release.Key(r.version(), control.architecture()))) { // before its copy is replaced
            throw new IllegalArgumentException("version " + r.version() + " for " + control.architecture()
                    + " is published already");
        }
        String fileName = "warm-station-terminal_" + r.version().replace(':', '%') + "_" + control.architecture() + ".deb";
        Path folder = r.updatesDir().toAbsolutePath().resolve(r.version().replace(':', '%'));
        Files.createDirectories(folder);
        Path copy = folder.resolve(fileName);
        Files.copy(r.deb(), copy, StandardCopyOption.REPLACE_EXISTING);
        String url = r.urlBase() + "/updates/" + URLEncoder.encode(r.version(), StandardCharsets.UTF_8) + "/" + fileName;
        UpdateManifest m = UpdateManifest.of(district, r.version(), control.architecture(), sha256(copy), Files.size(copy),
                url, now);
        SignedUpdate signed = SignedUpdate.sign(m, r.updateKey());
        Release.Key key = new Release.Key(r.version(), control.architecture());
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<String> all = sender.stations(c);
                if (all.isEmpty()) {
                    throw new IllegalArgumentException("district " + district + " has no station to update yet");
                }
                List<String> stations = stationsFor(c, key);
                if (stations.isEmpty()) {
                    throw new IllegalArgumentException("no station of district " + district + " waits for " + key
                            + ": every station runs on another architecture or has this version offered already");
                }
                List<String> canaries = r.canary() ? canaries(stations, r.version()) : stations;
                insertRelease(c, m, fileName, copy, signed, r.canary(), by, now);
                for (String s : stations) {
                    boolean first = canaries.contains(s);
                    UpdateRollout.insertStation(c, district, s, key, r.canary() && first ? "CANARY" : "REST",
                            first ? now : null);
                    if (first) {
                        UpdateRollout.offer(c, sender, district, s, signed, by, now);
                    }
                }
                c.commit();
                return new Published(m, canaries, stations.size(), all.size() - stations.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean published(Release.Key key) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM update_release WHERE district_id = ? AND version = ? AND architecture = ?")) {
            ps.setInt(1, district);
            ps.setString(2, key.version());
            ps.setString(3, key.architecture());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * @param manifest  the signed manifest's content
     * @param offeredTo the stations offered it now
     * @param stations  the stations of the release (now or after the canary wave)
     * @param others    the district's other stations: of another architecture, or offered this
     *                  version in another architecture's release already
     */
    public record Published(UpdateManifest manifest, List<String> offeredTo, int stations, int others) {
    }

    /**
     * The stations a release is for (decision 0285): those that reported its architecture, and
     * those that have not reported one (terminals before decision 0285) if no release of the version
     * has them yet, so they get the version's first release as before. A package for {@code all}
     * is for every station that has not got the version yet. A station that already runs the
     * version or a later one is left out: it would refuse the offer, and a canary's refusal stops
     * the rollout.
     *
     * @return the stations, by id
     */
    private List<String> stationsFor(Connection c, Release.Key key) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.station_id, s.app_version FROM station s
                 WHERE s.district_id = ? AND NOT s.simulated
                   AND (? = 'all' OR s.architecture IS NULL OR s.architecture = ?)
                   AND NOT EXISTS (SELECT 1 FROM station_update su WHERE su.district_id = s.district_id
                                      AND su.station_id = s.station_id AND su.version = ?)
                 ORDER BY s.station_id""")) {
            ps.setInt(1, district);
            ps.setString(2, key.architecture());
            ps.setString(3, key.architecture());
            ps.setString(4, key.version());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!DebianVersion.atLeast(rs.getString(2), key.version())) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param stations every station, sorted
     * @param version  the release (so each release picks other canaries)
     * @return 5 % of them (at least one), in a spread that depends on the version
     */
    static List<String> canaries(List<String> stations, String version) {
        int n = Math.max(1, (int) Math.ceil(stations.size() * CANARY_SHARE));
        List<String> sorted = new ArrayList<>(stations);
        sorted.sort(Comparator.comparing(s -> sha256Hex((version + "/" + s).getBytes(StandardCharsets.UTF_8))));
        return List.copyOf(sorted.subList(0, n));
    }

    private void insertRelease(Connection c, UpdateManifest m, String fileName, Path copy, SignedUpdate signed,
                               boolean canary, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO update_release (district_id, version, file_name, file_path, sha256, size_bytes, url,
                    signed_manifest, target, state, published_at, published_by, architecture)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setInt(1, district);
            ps.setString(2, m.version());
            ps.setString(3, fileName);
            ps.setString(4, copy.toString());
            ps.setString(5, m.sha256());
            ps.setLong(6, m.size());
            ps.setString(7, m.url());
            ps.setString(8, new String(Wire.encode(signed), StandardCharsets.UTF_8));
            ps.setString(9, canary ? "CANARY" : "ALL");
            ps.setString(10, canary ? "CANARY" : "ROLLING");
            ps.setTimestamp(11, Timestamp.from(now));
            ps.setString(12, by);
            ps.setString(13, m.architecture());
            if (ps.executeUpdate() == 0) {
                throw new IllegalArgumentException("version " + m.version() + " for " + m.architecture()
                        + " is published already");
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

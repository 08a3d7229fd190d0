package org.warmstation.sync.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.testing.Stations;

/**
 * The real district side for end-to-end tests: one embedded PostgreSQL (start one per test class)
 * and any number of in-process {@link DistrictServer} instances sharing the subscription.
 */
final class DistrictFixture implements AutoCloseable {
    private final DistrictDatabase db;
    private final List<DistrictServer> servers = new ArrayList<>();

    private DistrictFixture(DistrictDatabase db) {
        this.db = db;
    }

    /**
     * @param dir where the PostgreSQL data directory goes
     * @return the fixture with its database running
     * @throws IOException  when PostgreSQL does not start
     * @throws SQLException when the schema cannot be created
     */
    static DistrictFixture start(Path dir) throws IOException, SQLException {
        return new DistrictFixture(DistrictDatabase.open(Optional.empty(), dir.resolve("district-pg")));
    }

    /** @return the district database (for revocations and downlinks sent by the test) */
    DistrictDatabase database() {
        return db;
    }

    /** @return whether every instance is connected and subscribed */
    boolean ready() {
        return servers.stream().allMatch(s -> s.receiver().ready());
    }

    /** @return the JDBC URL of the embedded server (for a district-server child process) */
    String jdbcUrl() {
        return db.url();
    }

    /**
     * Starts an in-process district-server instance (reconciliation every 500 ms, no grace).
     *
     * @param brokerUri broker
     * @param clientId  instance client id
     * @param key       district key for resend downlinks, or null
     * @return the running instance, connecting in the background
     * @throws MqttException when the URI is invalid
     */
    DistrictServer instance(String brokerUri, String clientId, DistrictKey key) throws MqttException {
        return instance(brokerUri, clientId, key, List.of());
    }

    /**
     * As {@link #instance(String, String, DistrictKey)} during a downlink-key changeover.
     *
     * @param brokerUri broker
     * @param clientId  instance client id
     * @param key       the current downlink key, or null
     * @param retired   retired downlink keys that co-sign trust lists (decision 0220)
     * @return the running instance, connecting in the background
     * @throws MqttException when the URI is invalid
     */
    DistrictServer instance(String brokerUri, String clientId, DistrictKey key, List<DistrictKey> retired)
            throws MqttException {
        DistrictServer s = DistrictServer.start(db,
                new ReceiverSettings(brokerUri, null, null, clientId, Stations.DISTRICT, "district", Duration.ofSeconds(2)),
                new DistrictService.LedgerSettings(Duration.ZERO, Duration.ofSeconds(5), Optional.ofNullable(key), retired),
                Duration.ofMillis(500));
        servers.add(s);
        return s;
    }

    /** Stops every instance, the database keeps running (e.g. to restart the district with another key). */
    void stopInstances() {
        servers.forEach(DistrictServer::close);
        servers.clear();
    }

    /** Deletes every visit, station, summary and finding (between tests of one class). */
    void clear() throws SQLException {
        try (Connection c = db.connection(); var st = c.createStatement()) {
            st.execute("TRUNCATE visit, station, day_summary, reconciliation_finding");
        }
    }

    /** @return visits stored */
    long count() {
        return longQuery("SELECT count(*) FROM visit");
    }

    /** @return distinct (station, seq) pairs stored: equals {@link #count()} when no visit is stored twice */
    long distinctStationSeqs() {
        return longQuery("SELECT count(*) FROM (SELECT DISTINCT station_id, seq FROM visit) s");
    }

    /** @return stations with at least one stored visit */
    long stationsWithVisits() {
        return longQuery("SELECT count(DISTINCT station_id) FROM visit");
    }

    /** @return open reconciliation findings */
    long openFindings() {
        return longQuery("SELECT count(*) FROM reconciliation_finding WHERE resolved_at IS NULL");
    }

    /** @return resolved reconciliation findings */
    long resolvedFindings() {
        return longQuery("SELECT count(*) FROM reconciliation_finding WHERE resolved_at IS NOT NULL");
    }

    /** @return the distinct visit-log epochs of the stored visits and day summaries */
    Set<UUID> epochs() {
        Set<UUID> out = new HashSet<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT epoch FROM visit UNION SELECT epoch FROM day_summary"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** @return every stored visit uuid */
    Set<UUID> uuids() {
        Set<UUID> out = new HashSet<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT visit_uuid FROM visit");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Deletes stored visits of a station: a gap made on purpose.
     *
     * @return rows deleted
     */
    int delete(String station, long fromSeq, long toSeq) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM visit WHERE station_id = ? AND seq BETWEEN ? AND ?")) {
            ps.setString(1, station);
            ps.setLong(2, fromSeq);
            ps.setLong(3, toSeq);
            return ps.executeUpdate();
        }
    }

    /**
     * @param station a station
     * @return its stored records other than visits: uuid to "KIND rREVISION"
     */
    java.util.Map<UUID, String> records(String station) {
        java.util.Map<UUID, String> out = new java.util.HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT record_uuid, kind || ' r' || revision FROM station_record WHERE station_id = ?")) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * @param sql a query of one number
     * @return its value
     */
    long number(String sql) {
        return longQuery(sql);
    }

    private long longQuery(String sql) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops every instance and the database. */
    @Override
    public void close() {
        servers.forEach(DistrictServer::close);
        db.close();
    }
}

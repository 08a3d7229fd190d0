package org.warmstation.district.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.testing.DistrictDatabaseExtension;

/**
 * District migration V19 (decision 0285) on a database that holds releases of V17/V18: a release
 * without a recorded architecture becomes {@code all}, its stations' rows follow it, and one version
 * can then be published for a second architecture, but not twice for one.
 */
class ReleaseArchitectureMigrationTest {
    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    @Test
    void releasesOfV18KeepTheirStationsAndBecomeReleasesForAll() throws Exception {
        String admin = DB.database().url();
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE upgrade_v18");
        }
        String url = admin.replace("/postgres?", "/upgrade_v18?");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/district").target("18").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id) VALUES (110105, 'cy-1'), (110105, 'cy-2')");
            st.execute("""
                    INSERT INTO update_release (district_id, version, file_name, file_path, sha256, size_bytes, url,
                        signed_manifest, target, state, published_at, published_by, architecture)
                    VALUES (110105, '0.1.5', 'f.deb', '/u/f.deb', repeat('a', 64), 10, 'http://d/f.deb', '{}', 'ALL',
                            'ROLLING', now(), 'test', NULL),
                           (110105, '0.1.6', 'g.deb', '/u/g.deb', repeat('b', 64), 10, 'http://d/g.deb', '{}', 'ALL',
                            'ROLLING', now(), 'test', 'arm64')""");
            st.execute("""
                    INSERT INTO station_update (district_id, station_id, version, wave) VALUES
                        (110105, 'cy-1', '0.1.5', 'REST'), (110105, 'cy-2', '0.1.5', 'REST'),
                        (110105, 'cy-1', '0.1.6', 'REST')""");
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/district").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            assertEquals("0.1.5 all, 0.1.6 arm64", text(st, "SELECT string_agg(version || ' ' || architecture, ', '"
                    + " ORDER BY version) FROM update_release"));
            assertEquals("cy-1 0.1.5 all, cy-1 0.1.6 arm64, cy-2 0.1.5 all", text(st, "SELECT string_agg(station_id"
                    + " || ' ' || version || ' ' || architecture, ', ' ORDER BY station_id, version) FROM station_update"));
            st.execute("""
                    INSERT INTO update_release (district_id, version, file_name, file_path, sha256, size_bytes, url,
                        signed_manifest, target, state, published_at, published_by, architecture)
                    VALUES (110105, '0.1.6', 'h.deb', '/u/h.deb', repeat('c', 64), 10, 'http://d/h.deb', '{}', 'ALL',
                            'ROLLING', now(), 'test', 'armhf')""");
            assertThrows(SQLException.class, () -> st.execute("""
                    INSERT INTO update_release (district_id, version, file_name, file_path, sha256, size_bytes, url,
                        signed_manifest, target, state, published_at, published_by, architecture)
                    VALUES (110105, '0.1.6', 'i.deb', '/u/i.deb', repeat('d', 64), 10, 'http://d/i.deb', '{}', 'ALL',
                            'ROLLING', now(), 'test', 'arm64')"""), "one release per version and architecture");
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO station_update (district_id, station_id,"
                    + " version, architecture, wave) VALUES (110105, 'cy-2', '0.1.6', 'riscv64', 'REST')"),
                    "a station's row names a published release");
        }
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package org.warmstation.district.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL never trusts loopback: a generated password, SCRAM for every connection. */
class EmbeddedPostgresAuthTest {
    @TempDir
    Path dir;

    private static String base(EmbeddedPostgresServer pg) {
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres";
    }

    private static void assertRefused(String url) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close(), url);
        // 28P01 wrong password; 08004 the driver found no password to answer the server's SCRAM request
        assertTrue(List.of("28P01", "08004").contains(e.getSQLState()), e.getSQLState() + " " + e.getMessage());
    }

    private static void assertAccepted(EmbeddedPostgresServer pg) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT current_user")) {
            assertTrue(rs.next());
            assertEquals("postgres", rs.getString(1));
        }
    }

    private static void assertNoTrust(Path data) throws Exception {
        List<String> rules = Files.readAllLines(data.resolve("pg_hba.conf")).stream()
                .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        assertFalse(rules.isEmpty());
        assertTrue(rules.stream().allMatch(l -> l.endsWith("scram-sha-256")), String.join("\n", rules));
    }

    @Test
    void connectionWithoutOrWithAWrongPasswordIsRefusedAlsoOnAClusterThatTrustedLoopbackBefore() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, Duration.ofSeconds(60))) {
            assertRefused(base(pg));
            assertRefused(base(pg) + "&password=wrong");
            assertAccepted(pg);
        }
        assertNoTrust(data);
        Path file = dir.resolve("pg.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).strip().length() >= 32, "a generated password of 24 random bytes");

        // a cluster created before decision 0200: trust on loopback, no password file
        Files.write(data.resolve("pg_hba.conf"), List.of("local all all trust", "host all all 127.0.0.1/32 trust",
                "host all all ::1/128 trust"), StandardCharsets.UTF_8);
        String before = Files.readString(file);
        Files.delete(file);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, Duration.ofSeconds(60))) {
            assertRefused(base(pg));
            assertRefused(base(pg) + "&password=" + before.strip());
            assertAccepted(pg);
        }
        assertNoTrust(data);
        assertFalse(before.equals(Files.readString(file)), "a new password");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, Duration.ofSeconds(60))) {
            assertAccepted(pg); // the kept file opens it again after a restart
        }
    }
}

package org.warmstation.district.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL stops after its owner at JVM shutdown, not under it (decision 0300), and
 * never outlives the JVM that started it.
 */
class EmbeddedPostgresShutdownTest {
    @TempDir
    Path dir;

    private static int query(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 6 * 7")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void assertStopped(String url) {
        SQLException e = assertThrows(SQLException.class, () -> query(url));
        assertEquals("08001", e.getSQLState(), e.getMessage()); // connection refused: nothing listens
    }

    @Test
    void sigtermLetsTheOwnersShutdownUseTheDatabaseBeforeTheServerStops() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                EmbeddedPostgresStopChild.class.getName(), dir.resolve("pg").toString(), "1500"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
                lines.add(line);
            }
            assertTrue(line != null, "the child did not start its server: " + lines);
            int port = Integer.parseInt(line.substring("ready ".length()));
            child.toHandle().destroy(); // SIGTERM, as systemctl stop sends (Process.destroy would close our pipe)
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not exit");
            // the owner's hook worked 1.5 s after SIGTERM on a live database, then closed it
            assertTrue(lines.contains("owner query 42"), String.join("\n", lines));
            assertTrue(lines.contains("owner closed"), String.join("\n", lines));
            assertFalse(lines.stream().anyMatch(l -> l.contains("not closed by its owner")), String.join("\n", lines));
            assertStopped("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=5");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theShutdownHookStopsAServerItsOwnerNeverClosed() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), Duration.ofSeconds(60));
        try {
            assertEquals(42, query(pg.jdbcUrl()));
            pg.stopAfterOwner(Duration.ofMillis(200));
            assertTrue(pg.isStopped());
            assertStopped(pg.jdbcUrl());
            assertDoesNotThrow(pg::close, "close after the hook stopped the server is a no-op");
        } finally {
            pg.close();
        }
    }

    @Test
    void theShutdownHookWaitsWhileTheOwnerStillWorks() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), Duration.ofSeconds(60));
        Thread hook = new Thread(() -> pg.stopAfterOwner(Duration.ofSeconds(60)), "test-hook");
        try {
            hook.start();
            hook.join(700);
            assertTrue(hook.isAlive(), "the hook waits for the owner");
            assertFalse(pg.isStopped());
            assertEquals(42, query(pg.jdbcUrl()), "the owner still works on the database");
            pg.close();
            hook.join(10_000);
            assertFalse(hook.isAlive(), "the owner's close ends the hook's wait");
            assertStopped(pg.jdbcUrl());
        } finally {
            pg.close();
            hook.interrupt();
        }
    }
}

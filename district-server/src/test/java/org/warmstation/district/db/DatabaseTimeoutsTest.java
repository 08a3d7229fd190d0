package org.warmstation.district.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 4: the pool's timeouts bound every wait on a PostgreSQL that hangs or is down: a
 * statement running too long is cancelled by the server (statement_timeout), a server that does
 * not answer at all is given up by the driver (socketTimeout), and a stopped server fails the
 * probe and the borrow within the connect timeout.
 */
class DatabaseTimeoutsTest {
    private static final PoolSettings SHORT =
            new PoolSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1));

    @Test
    void statementSocketAndConnectTimeoutsEndEveryWait(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), Duration.ofSeconds(60));
        try (DistrictDatabase db = DistrictDatabase.open(Optional.of(pg.jdbcUrl()), dir.resolve("pg"), SHORT)) {
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                SQLException cancelled = assertThrows(SQLException.class, () -> st.execute("SELECT pg_sleep(30)"));
                assertEquals("57014", cancelled.getSQLState(), "cancelled by statement_timeout: " + cancelled);
            }
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = 0"); // the server would wait: a hung server, as the driver sees it
                SQLException silent = assertThrows(SQLException.class, () -> st.execute("SELECT pg_sleep(30)"));
                assertTrue(silent.getSQLState() != null && silent.getSQLState().startsWith("08"),
                        "given up by socketTimeout: " + silent.getSQLState() + " " + silent);
            }
            assertTrue(db.healthy(), "the pool replaced the broken connection");

            pg.close();
            long start = System.nanoTime();
            assertFalse(db.healthy());
            // a caller's borrow-and-query fails: HikariCP may hand out an idle connection it used less
            // than 500 ms ago without validating it (a full run saw the bare borrow succeed), so
            // the query on it is what fails then
            assertThrows(SQLException.class, () -> {
                try (Connection c = db.connection(); Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
            });
            double waited = (System.nanoTime() - start) / 1e9;
            System.out.printf("[figures] stopped PostgreSQL: probe and borrow both failed within %.1f s (connect timeout %d s)%n",
                    waited, SHORT.connectTimeout().toSeconds());
        } finally {
            pg.close();
        }
    }
}

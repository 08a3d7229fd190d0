package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.time.BootId;
import org.warmstation.visitlog.time.ClockSync;
import org.warmstation.visitlog.testing.VisitLogFile;

/** A terminal upgraded from a schema V1 visit log (before boot ids) keeps its visits as they were. */
class VisitLogUpgradeTest {
    @TempDir
    Path dataDir;

    @Test
    void visitsFromBeforeBootIdsStayFlaggedAndAreNeverCorrected() throws Exception {
        Files.createDirectories(dataDir);
        VisitLogDatabase.useNativeFolderIn(dataDir);
        String url = "jdbc:sqlite:" + VisitLogDatabase.file(dataDir);
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null).locations("classpath:db/visitlog")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO visit (id, seq, station_id, recorded_at_ms, zone, category, source, clock_synced,"
                    + " since_boot_ms) VALUES ('0190a1b2-0000-7000-8000-000000000001', 1, 'CY-0042', 1559358000000,"
                    + " 'Asia/Shanghai', 'COURIER', 'GUEST', 0, 60000)");
            st.executeUpdate("INSERT INTO outbox (seq, state, revision, created_at_ms) VALUES (1, 'CONFIRMED', 1, 1)");
        }
        BootId boot = new BootId("4a7c8d2e-1111-4222-8333-944455566677");
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir, InstantSource.system(), boot)) {
            assertEquals(0, store.correctUnsyncedVisits(new ClockSync(boot, Instant.parse("2026-11-21T00:10:00Z"),
                    Duration.ofMinutes(10))));
        }
        try (VisitLogFile f = new VisitLogFile(dataDir)) {
            assertNull(f.text("SELECT boot_id FROM visit WHERE seq = 1"));
            assertEquals(List.of(0L, 0L, 1559358000000L, 1L), List.of(f.number("SELECT clock_synced FROM visit"),
                    f.number("SELECT clock_corrected FROM visit"), f.number("SELECT recorded_at_ms FROM visit"),
                    f.number("SELECT revision FROM visit")));
            assertNull(f.text("SELECT raw_recorded_at_ms FROM visit"));
            assertEquals("CONFIRMED", f.text("SELECT state FROM outbox WHERE seq = 1"));
        }
    }
}

package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged visit log is set aside whole (never deleted, never changed) and the next open starts a
 * fresh log under a new epoch (issue 13 item 5); a sound log stays; a log from before epochs keeps
 * none.
 */
class DamagedLogTest {
    private static final Instant AT = Instant.parse("2026-12-06T08:30:00Z");

    @TempDir
    Path dir;

    @Test
    void fileThatIsNotADatabaseIsMovedAsideByteIdenticalWithItsWalAndShmAndANewEpochBegins() throws Exception {
        UUID first = epochOfNewLog();
        Path db = VisitLogDatabase.file(dir);
        byte[] garbage = "this SD card sector was overwritten ".repeat(200).getBytes(StandardCharsets.US_ASCII);
        byte[] wal = "wal bytes ".repeat(100).getBytes(StandardCharsets.US_ASCII);
        byte[] shm = new byte[32768];
        Arrays.fill(shm, (byte) 7);
        Files.write(db, garbage);
        Files.write(dir.resolve("visits.db-wal"), wal);
        Files.write(dir.resolve("visits.db-shm"), shm);

        Optional<DamagedLog.SetAside> aside = DamagedLog.setAsideIfDamaged(dir, AT);

        assertTrue(aside.isPresent(), "a file that is not a database is damaged");
        Path moved = aside.get().file();
        assertEquals(dir.resolve("visits-damaged-20261206T083000Z.db"), moved);
        assertEquals(List.of(moved, dir.resolve("visits-damaged-20261206T083000Z.db-wal"),
                dir.resolve("visits-damaged-20261206T083000Z.db-shm")), aside.get().moved());
        assertArrayEquals(garbage, Files.readAllBytes(moved));
        assertArrayEquals(wal, Files.readAllBytes(dir.resolve("visits-damaged-20261206T083000Z.db-wal")));
        // the -shm is SQLite's shared-memory index of the WAL (rebuilt from it); the read-only check may touch it
        assertEquals(shm.length, Files.size(dir.resolve("visits-damaged-20261206T083000Z.db-shm")));
        assertFalse(Files.exists(db));
        assertFalse(Files.exists(dir.resolve("visits.db-wal")), "a stale WAL must not meet the fresh log");

        UUID second = epochOfNewLog();
        assertNotEquals(first, second, "the fresh log has a new epoch");
    }

    @Test
    void pagesDamagedInsideARealDatabaseAreFoundAndSetAside() throws Exception {
        try (Connection c = VisitLogDatabase.open(dir); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)");
            st.execute("CREATE INDEX filler_body ON filler(body)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                    + " INSERT INTO filler (body) SELECT randomblob(200) FROM n");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Path db = VisitLogDatabase.file(dir);
        long size = Files.size(db);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            byte[] noise = new byte[4096 * 8];
            Arrays.fill(noise, (byte) 0x5a);
            ch.write(ByteBuffer.wrap(noise), size / 2 / 4096 * 4096);
        }
        byte[] damaged = Files.readAllBytes(db);

        Optional<DamagedLog.SetAside> aside = DamagedLog.setAsideIfDamaged(dir, AT);

        assertTrue(aside.isPresent(), "integrity_check must find the overwritten pages");
        assertArrayEquals(damaged, Files.readAllBytes(aside.get().file()), "the damaged file is kept as it was");
        assertFalse(Files.exists(db));
    }

    @Test
    void aLogTheRunningKioskFoundCorruptIsSetAsideAtTheNextStartEvenThoughItsCheckPasses() throws Exception {
        UUID first = epochOfNewLog();
        byte[] before = Files.readAllBytes(VisitLogDatabase.file(dir));
        assertTrue(DamagedLog.markDamaged(dir, "database disk image is malformed\n(recording a visit)", AT));

        Optional<DamagedLog.SetAside> aside = DamagedLog.setAsideIfDamaged(dir, AT.plusSeconds(20));

        assertTrue(aside.isPresent(), "the marker decides, whatever integrity_check says now");
        assertEquals("found damaged while running: 2026-12-06T08:30:00Z database disk image is malformed (recording a visit)",
                aside.get().reason());
        assertArrayEquals(before, Files.readAllBytes(aside.get().file()));
        assertFalse(Files.exists(dir.resolve("visits.db.damaged")), "the marker goes with the set-aside");
        assertNotEquals(first, epochOfNewLog(), "a fresh log under a new epoch");
        assertEquals(Optional.empty(), DamagedLog.setAsideIfDamaged(dir, AT.plusSeconds(40)), "and only once");
    }

    @Test
    void aMarkerWithoutALogIsDroppedAndAMarkerThatCannotBeWrittenIsOnlyLogged() throws Exception {
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        assertTrue(DamagedLog.markDamaged(fresh, "x", AT));
        assertEquals(Optional.empty(), DamagedLog.setAsideIfDamaged(fresh, AT));
        assertFalse(Files.exists(fresh.resolve("visits.db.damaged")));
        assertFalse(DamagedLog.markDamaged(dir.resolve("no-such-folder"), "x", AT));
    }

    @Test
    void sqliteFindingPagesCorruptIsReportedAsDamageAndOtherFailuresAreNot() throws Exception {
        try (Connection c = VisitLogDatabase.open(dir); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                    + " INSERT INTO filler (body) SELECT randomblob(200) FROM n");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Path db = VisitLogDatabase.file(dir);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            byte[] noise = new byte[(int) Files.size(db) - 4096 * 8];
            Arrays.fill(noise, (byte) 0x5a);
            ch.write(ByteBuffer.wrap(noise), 4096 * 8); // every page after the schema's
        }
        org.warmstation.visitlog.domain.VisitStore.StoreException failure = org.junit.jupiter.api.Assertions.assertThrows(
                org.warmstation.visitlog.domain.VisitStore.StoreException.class, () -> VisitLogDatabase.open(dir).close());
        assertTrue(failure.damaged(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("visit log damaged"), failure.getMessage());
        assertFalse(org.warmstation.visitlog.sqlite.SqliteErrors.failure("recording a visit",
                new org.sqlite.SQLiteException("disk full", org.sqlite.SQLiteErrorCode.SQLITE_FULL)).damaged());
    }

    @Test
    void soundLogStaysWhereItIsWithItsEpoch() throws Exception {
        UUID epoch = epochOfNewLog();
        byte[] before = Files.readAllBytes(VisitLogDatabase.file(dir));

        assertEquals(Optional.empty(), DamagedLog.setAsideIfDamaged(dir, AT));

        assertArrayEquals(before, Files.readAllBytes(VisitLogDatabase.file(dir)));
        assertEquals(epoch, epochOfNewLog(), "opened again, the log keeps its epoch");
        assertEquals(Optional.empty(), DamagedLog.setAsideIfDamaged(dir.resolve("none-yet"), AT));
    }

    @Test
    void logThatHeldVisitsBeforeEpochsKeepsNone() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(MainVisitLogFixture.RESOURCE)) {
            Files.copy(in, VisitLogDatabase.file(dir));
        }
        try (Connection c = VisitLogDatabase.open(dir)) {
            assertEquals(Optional.empty(), LogEpoch.read(c), "its seqs go on: no new epoch");
        }
    }

    private UUID epochOfNewLog() {
        try (Connection c = VisitLogDatabase.open(dir)) {
            return LogEpoch.read(c).orElseThrow();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}

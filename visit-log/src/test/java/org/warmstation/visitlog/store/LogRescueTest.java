package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.sqlite.VisitRows;

/** What can still be read from a set-aside visit log is read, without touching the file (decision 0270). */
class LogRescueTest {
    private static final int VISITS = 3000;

    @TempDir
    Path dir;

    private UUID fill() throws Exception {
        try (Connection c = VisitLogDatabase.open(dir)) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO visit (" + VisitRows.COLUMNS + ", revision)"
                    + " VALUES (?, ?, 'CY-0042', ?, 'Asia/Shanghai', NULL, 0, 'COURIER', 'HOT_WATER', 'GUEST', 1, ?, 1)")) {
                for (int seq = 1; seq <= VISITS; seq++) {
                    st.setString(1, UUID.randomUUID().toString());
                    st.setLong(2, seq);
                    st.setLong(3, Instant.parse("2026-12-06T01:00:00Z").toEpochMilli() + seq * 1000L);
                    st.setLong(4, seq * 10L);
                    st.executeUpdate();
                }
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return LogEpoch.read(c).orElseThrow();
        }
    }

    @Test
    void aSoundLogGivesEveryVisitItsEpochAndItsStation() throws Exception {
        UUID epoch = fill();
        Path db = VisitLogDatabase.file(dir);
        LogRescue.Rescued r = LogRescue.read(db);
        assertEquals(Optional.of(epoch), r.epoch());
        assertEquals(Optional.of("CY-0042"), r.station());
        assertEquals(VISITS, r.visits().size());
        assertEquals(0, r.unreadable());
        assertFalse(r.damageSeen());
        assertEquals(List.of(1L, 2L, 3L), r.visits().subList(0, 3).stream().map(WireVisit::seq).toList());
        assertEquals(List.of("HOT_WATER"), r.visits().getLast().services());
    }

    @Test
    void aLogWithDestroyedPagesGivesTheVisitsStillReadableAndCountsTheRestWithoutChangingTheFile() throws Exception {
        UUID epoch = fill();
        Path db = VisitLogDatabase.file(dir);
        long size = Files.size(db);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            byte[] noise = new byte[4096 * 6];
            Arrays.fill(noise, (byte) 0x5a);
            ch.write(ByteBuffer.wrap(noise), size / 2 / 4096 * 4096); // six pages from the middle
        }
        byte[] damaged = Files.readAllBytes(db);

        LogRescue.Rescued r = LogRescue.read(db);

        assertArrayEquals(damaged, Files.readAllBytes(db), "the damaged file is only read");
        assertTrue(r.damageSeen(), "the whole-table read met the damage");
        assertEquals(Optional.of(epoch), r.epoch());
        assertEquals(Optional.of("CY-0042"), r.station());
        // rows under a destroyed interior page cannot be reached through any index: those are lost here
        assertTrue(r.visits().size() > 100 && r.visits().size() < VISITS, "read: " + r.visits().size());
        assertEquals(r.visits().getLast().seq() - r.visits().size(), r.unreadable(),
                "the gaps below the highest seq read are counted");
        for (int i = 1; i < r.visits().size(); i++) {
            assertTrue(r.visits().get(i).seq() > r.visits().get(i - 1).seq(), "increasing seq");
        }
    }
}

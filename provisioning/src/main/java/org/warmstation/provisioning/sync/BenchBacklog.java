package org.warmstation.provisioning.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.warmstation.visitlog.store.VisitLogDatabase;

/** Writes a synthetic backlog into a fresh visit log, in one transaction. */
final class BenchBacklog {
    private BenchBacklog() {
    }

    static void fill(Path dataDirectory, String station, int n) throws SQLException {
        long now = Instant.now().toEpochMilli();
        try (Connection c = VisitLogDatabase.open(dataDirectory); Statement tx = c.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            try (PreparedStatement v = c.prepareStatement("INSERT INTO visit (id, seq, station_id, recorded_at_ms, zone,"
                    + " member_id, card_serial, category, services, source, clock_synced, since_boot_ms, revision)"
                    + " VALUES (?, ?, ?, ?, 'Asia/Shanghai', ?, ?, 'COURIER', 'HOT_WATER,REST', 'CARD', 1, ?, 1)");
                 PreparedStatement o = c.prepareStatement(
                         "INSERT INTO outbox (seq, state, revision, created_at_ms) VALUES (?, 'CREATED', 1, ?)")) {
                for (long seq = 1; seq <= n; seq++) {
                    v.setString(1, UUID.randomUUID().toString());
                    v.setLong(2, seq);
                    v.setString(3, station);
                    v.setLong(4, now);
                    v.setString(5, String.format("%016x", seq));
                    v.setLong(6, seq);
                    v.setLong(7, seq);
                    v.addBatch();
                    o.setLong(1, seq);
                    o.setLong(2, now);
                    o.addBatch();
                    if (seq % 5000 == 0) {
                        v.executeBatch();
                        o.executeBatch();
                    }
                }
                v.executeBatch();
                o.executeBatch();
            }
            tx.execute("COMMIT");
        }
    }
}

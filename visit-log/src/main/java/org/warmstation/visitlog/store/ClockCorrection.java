package org.warmstation.visitlog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.sqlite.OutboxRows;
import org.warmstation.visitlog.time.ClockSync;

/**
 * Corrects the times of visits recorded before the clock was synced (schema V2), inside a
 * transaction the caller holds. Stateless.
 */
final class ClockCorrection {
    private static final Logger log = LoggerFactory.getLogger(ClockCorrection.class);
    private static final String PENDING = "FROM visit WHERE clock_synced = 0 AND boot_id = ?";

    private ClockCorrection() {
    }

    /** @return whether the boot has unsynced visits (one indexed read) */
    static boolean anyPending(Connection c, ClockSync sync) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 " + PENDING + " LIMIT 1")) {
            st.setString(1, sync.bootId().value());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Corrects every unsynced visit of the sync's boot whose time since boot is not after the
     * sync reading: {@code recorded_at_ms = bootedAt + since_boot_ms}, the old value kept in
     * {@code raw_recorded_at_ms}, {@code clock_synced = 1}, {@code clock_corrected = 1},
     * {@code revision + 1}, and the outbox row set back to {@code CREATED} with that revision
     * (created anew should retention have removed it).
     *
     * @param c         a connection inside a write transaction
     * @param sync      the synced clock reading
     * @param createdAt outbox bookkeeping time for a re-created outbox row
     * @return the number of visits corrected
     */
    static int correct(Connection c, ClockSync sync, Instant createdAt) throws SQLException {
        long bootedAt = sync.bootedAt().toEpochMilli();
        long syncSinceBoot = sync.sinceBoot().toMillis();
        List<long[]> pending = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT seq, since_boot_ms " + PENDING + " ORDER BY seq")) {
            st.setString(1, sync.bootId().value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pending.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        int corrected = 0;
        try (PreparedStatement visit = c.prepareStatement("UPDATE visit SET raw_recorded_at_ms = recorded_at_ms,"
                + " recorded_at_ms = ?, clock_synced = 1, clock_corrected = 1, revision = revision + 1"
                + " WHERE seq = ? AND clock_synced = 0 RETURNING revision")) {
            for (long[] row : pending) {
                long seq = row[0];
                long sinceBoot = row[1];
                if (sinceBoot < 0 || sinceBoot > syncSinceBoot) {
                    log.warn("visit {} has time since boot {} ms, not between boot and the sync reading ({} ms);"
                            + " left uncorrected", seq, sinceBoot, syncSinceBoot);
                    continue;
                }
                long revision;
                visit.setLong(1, Math.addExact(bootedAt, sinceBoot));
                visit.setLong(2, seq);
                try (ResultSet rs = visit.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    revision = rs.getLong(1);
                }
                OutboxRows.queue(c, seq, revision, createdAt);
                corrected++;
            }
        }
        return corrected;
    }
}

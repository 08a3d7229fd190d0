package org.warmstation.district.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Stores visit batches idempotently: each visit UUID once ({@code ON CONFLICT (visit_uuid)}); a
 * visit sent again with a higher revision replaces its services (see
 * {@code docs/decisions/0020-visit-revisions-at-the-district.md}); the same or a lower revision
 * changes nothing.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given.
 */
public final class VisitStore {
    private static final String UPSERT = """
            INSERT INTO visit (visit_uuid, district_id, station_id, seq, revision, recorded_at, zone, local_date,
                               local_hour, member_id, card_serial, category, services, source, clock_synced,
                               since_boot_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (visit_uuid) DO UPDATE
               SET services = EXCLUDED.services, revision = EXCLUDED.revision, updated_at = now()
             WHERE visit.revision < EXCLUDED.revision
               AND visit.district_id = EXCLUDED.district_id AND visit.station_id = EXCLUDED.station_id
            """;
    private static final String NEXT_HOLE = """
            SELECT min(v.seq) FROM visit v
             WHERE v.district_id = ? AND v.station_id = ? AND v.seq > ?
               AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.district_id = v.district_id
                                  AND w.station_id = v.station_id AND w.seq = v.seq + 1)
            """;

    /**
     * What storing a batch did.
     *
     * @param changed              visits inserted or updated to a higher revision
     * @param unchanged            visits the district already held at that or a higher revision
     * @param highestContiguousSeq highest n such that the district holds seqs 1..n of the station
     */
    public record Stored(int changed, int unchanged, long highestContiguousSeq) {
    }

    /**
     * Stores a batch in one transaction, then advances the station's contiguous sequence number.
     * When this returns, every visit of the batch is committed.
     *
     * @param c     a connection (its auto-commit is restored)
     * @param batch a valid batch
     * @return what changed
     * @throws SQLException when the database fails; then nothing of the batch is committed
     */
    public Stored store(Connection c, VisitBatch batch) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        int changed = 0;
        try {
            StationStore.ensureStation(c, batch.district(), batch.station());
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (WireVisit v : batch.visits()) {
                    bind(c, ps, batch, v);
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    changed += n > 0 ? 1 : 0;
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        long contiguous = advanceContiguous(c, batch.district(), batch.station());
        return new Stored(changed, batch.visits().size() - changed, contiguous);
    }

    private static void bind(Connection c, PreparedStatement ps, VisitBatch batch, WireVisit v) throws SQLException {
        LocalDateTime local = LocalDateTime.ofInstant(v.recordedAt(), ZoneId.of(v.zone()));
        Array services = c.createArrayOf("text", v.services().toArray());
        ps.setObject(1, v.uuid());
        ps.setInt(2, batch.district());
        ps.setString(3, batch.station());
        ps.setLong(4, v.seq());
        ps.setInt(5, v.revision());
        ps.setTimestamp(6, Timestamp.from(v.recordedAt()));
        ps.setString(7, v.zone());
        ps.setObject(8, local.toLocalDate());
        ps.setInt(9, local.getHour());
        ps.setString(10, v.memberId());
        ps.setLong(11, v.cardSerial());
        ps.setString(12, v.category());
        ps.setArray(13, services);
        ps.setString(14, v.source());
        ps.setBoolean(15, v.clockSynced());
        ps.setLong(16, v.sinceBootMs());
    }

    /**
     * Recomputes the highest contiguous seq of a station from the stored rows, starting at the
     * value recorded, and records the larger value. Runs after the batch's commit, so of two
     * instances storing batches of one station at once, the later one sees both.
     *
     * @param c        a connection in auto-commit mode
     * @param district the district
     * @param station  the station
     * @return the station's highest contiguous seq
     * @throws SQLException when the database fails
     */
    public long advanceContiguous(Connection c, int district, String station) throws SQLException {
        long from = StationStore.contiguousSeq(c, district, station);
        long next = from;
        if (exists(c, district, station, from + 1)) {
            try (PreparedStatement ps = c.prepareStatement(NEXT_HOLE)) {
                ps.setInt(1, district);
                ps.setString(2, station);
                ps.setLong(3, from);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1);
                }
            }
        }
        return StationStore.raiseContiguousSeq(c, district, station, next);
    }

    private static boolean exists(Connection c, int district, String station, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM visit WHERE district_id = ? AND station_id = ? AND seq = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setLong(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

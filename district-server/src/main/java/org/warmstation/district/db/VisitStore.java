package org.warmstation.district.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.protocol.wire.ZoneIds;

/**
 * Stores visit batches idempotently: each visit UUID once ({@code ON CONFLICT (visit_uuid)}), filed
 * under the batch's visit-log epoch ({@link EpochStore}: seqs count per (station, epoch)); a
 * visit sent again with a higher revision replaces its services and its time (recorded_at, local
 * date and hour, clock_synced: a station that corrected its clock sends the corrected time as a new
 * revision; the report rollups follow through their update trigger) (see
 * {@code docs/decisions/0020-visit-revisions-at-the-district.md}); the same or a lower revision
 * changes nothing. A visit whose values the database refuses (SQLSTATE class 22 or 23) is set
 * aside in the {@link VisitQuarantine} with the reason, and the rest of its batch is stored
 * (decision 0193). A visit on a synced clock dated before the months the retention keeps
 * (decision 0203) is acknowledged but not stored: its month holds only aggregates, which counted it
 * when it first came.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given.
 */
public final class VisitStore {
    /** All visits of a batch in one statement: one array per column, unnested into rows. */
    private static final String UPSERT = """
            INSERT INTO visit (visit_uuid, district_id, station_id, seq, revision, recorded_at, zone, local_date,
                               local_hour, member_id, card_serial, category, services, source, clock_synced,
                               since_boot_ms, epoch)
            SELECT t.u::uuid, ?, ?, t.s, t.r, t.ra::timestamptz, t.z, t.ld::date, t.lh, t.m, t.cs, t.cat,
                   string_to_array(t.sv, ','), t.src, t.cl, t.sb, ?::uuid
              FROM unnest(?::text[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                          ?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::bigint[])
                   AS t(u, s, r, ra, z, ld, lh, m, cs, cat, sv, src, cl, sb)
             WHERE NOT t.cl OR t.ld::date >= coalesce((SELECT purged_before FROM retention_state WHERE id = 1),
                                                       '-infinity'::date)
            ON CONFLICT (visit_uuid) DO UPDATE
               SET services = EXCLUDED.services, revision = EXCLUDED.revision, recorded_at = EXCLUDED.recorded_at,
                   local_date = EXCLUDED.local_date, local_hour = EXCLUDED.local_hour,
                   clock_synced = EXCLUDED.clock_synced, updated_at = now()
             WHERE visit.revision < EXCLUDED.revision
               AND visit.district_id = EXCLUDED.district_id AND visit.station_id = EXCLUDED.station_id
               AND visit.epoch = EXCLUDED.epoch
            """;
    /** The last seq before the first hole above a given seq: one ordered index scan, linear in the rows above it. */
    private static final String NEXT_HOLE = """
            SELECT seq FROM (SELECT seq, lead(seq) OVER (ORDER BY seq) AS nxt FROM visit
                              WHERE district_id = ? AND station_id = ? AND epoch = ? AND seq > ?) t
             WHERE nxt IS NULL OR nxt > seq + 1
             ORDER BY seq LIMIT 1
            """;

    /**
     * What storing a batch did.
     *
     * @param changed              visits inserted or updated to a higher revision
     * @param unchanged            visits the district already held at that or a higher revision
     * @param highestContiguousSeq highest n such that the district holds seqs 1..n of the station's
     *                             epoch the batch came from
     * @param quarantined          visits the database refused, set aside in the quarantine
     */
    public record Stored(int changed, int unchanged, long highestContiguousSeq, int quarantined) {
        /**
         * @param changed              visits inserted or updated
         * @param unchanged            visits already held
         * @param highestContiguousSeq highest contiguous seq
         */
        public Stored(int changed, int unchanged, long highestContiguousSeq) {
            this(changed, unchanged, highestContiguousSeq, 0);
        }
    }

    private final VisitQuarantine quarantine = new VisitQuarantine();

    /**
     * Stores a batch and advances the station's contiguous sequence number, in one transaction
     * (one commit, one WAL flush). The station's row is locked first, so batches of one station
     * stored by several instances at once take turns and each sees the rows committed before it.
     * When this returns, every visit of the batch is committed or quarantined: when the database
     * refuses the batch for a visit's values, the visits are stored one by one (a savepoint each)
     * and each refused one goes to the {@link VisitQuarantine}, in the same transaction.
     *
     * @param c     a connection (its auto-commit is restored)
     * @param batch a valid batch
     * @return what changed
     * @throws SQLException when the database fails; then nothing of the batch is committed
     */
    public Stored store(Connection c, VisitBatch batch) throws SQLException {
        try {
            return store(c, batch, false);
        } catch (SQLException e) {
            if (!VisitQuarantine.causedByValues(e)) {
                throw e;
            }
            return store(c, batch, true);
        }
    }

    /** One transaction; {@code apart}: visit by visit under savepoints, quarantining refused ones. */
    private Stored store(Connection c, VisitBatch batch, boolean apart) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        int changed = 0;
        List<VisitQuarantine.Rejected> rejected = new java.util.ArrayList<>();
        long contiguous;
        try {
            StationStore.ensureStation(c, batch.district(), batch.station());
            StationStore.lockContiguousSeq(c, batch.district(), batch.station());
            UUID epoch = EpochStore.of(batch.epoch());
            long from = EpochStore.enter(c, batch.district(), batch.station(), epoch);
            if (!apart) {
                changed = upsert(c, batch, epoch);
            } else {
                for (WireVisit v : batch.visits()) {
                    java.sql.Savepoint sp = c.setSavepoint();
                    try {
                        changed += upsert(c, VisitBatch.of(batch.district(), batch.station(), batch.sentAt(), List.of(v)),
                                epoch);
                        c.releaseSavepoint(sp);
                    } catch (SQLException e) {
                        if (!VisitQuarantine.causedByValues(e)) {
                            throw e;
                        }
                        c.rollback(sp);
                        rejected.add(new VisitQuarantine.Rejected(v.uuid(), v.seq(),
                                new String(Wire.encode(v), StandardCharsets.UTF_8), "refused by the database: " + e.getMessage()));
                    }
                }
                quarantine.quarantine(c, batch.district(), batch.station(), epoch, batch.batchId(), rejected);
            }
            contiguous = advance(c, batch.district(), batch.station(), epoch, from);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return new Stored(changed, batch.visits().size() - changed - rejected.size(), contiguous, rejected.size());
    }

    private static int upsert(Connection c, VisitBatch batch, UUID epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            bind(c, ps, batch, epoch);
            return ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, VisitBatch batch, UUID epoch) throws SQLException {
        List<WireVisit> vs = batch.visits();
        int n = vs.size();
        String[] uuid = new String[n];
        Long[] seq = new Long[n];
        Integer[] revision = new Integer[n];
        String[] recordedAt = new String[n];
        String[] zone = new String[n];
        String[] localDate = new String[n];
        Integer[] localHour = new Integer[n];
        String[] member = new String[n];
        Long[] cardSerial = new Long[n];
        String[] category = new String[n];
        String[] services = new String[n];
        String[] source = new String[n];
        Boolean[] clockSynced = new Boolean[n];
        Long[] sinceBoot = new Long[n];
        for (int i = 0; i < n; i++) {
            WireVisit v = vs.get(i);
            LocalDateTime local = LocalDateTime.ofInstant(v.recordedAt(), ZoneIds.of(v.zone()));
            uuid[i] = v.uuid().toString();
            seq[i] = v.seq();
            revision[i] = v.revision();
            recordedAt[i] = v.recordedAt().toString();
            zone[i] = v.zone();
            localDate[i] = local.toLocalDate().toString();
            localHour[i] = local.getHour();
            member[i] = v.memberId();
            cardSerial[i] = v.cardSerial();
            category[i] = v.category();
            services[i] = String.join(",", v.services()); // names are [A-Z0-9_] (WireVisit checks)
            source[i] = v.source();
            clockSynced[i] = v.clockSynced();
            sinceBoot[i] = v.sinceBootMs();
        }
        ps.setInt(1, batch.district());
        ps.setString(2, batch.station());
        ps.setObject(3, epoch);
        ps.setArray(4, c.createArrayOf("text", uuid));
        ps.setArray(5, c.createArrayOf("bigint", seq));
        ps.setArray(6, c.createArrayOf("int", revision));
        ps.setArray(7, c.createArrayOf("text", recordedAt));
        ps.setArray(8, c.createArrayOf("text", zone));
        ps.setArray(9, c.createArrayOf("text", localDate));
        ps.setArray(10, c.createArrayOf("int", localHour));
        ps.setArray(11, c.createArrayOf("text", member));
        ps.setArray(12, c.createArrayOf("bigint", cardSerial));
        ps.setArray(13, c.createArrayOf("text", category));
        ps.setArray(14, c.createArrayOf("text", services));
        ps.setArray(15, c.createArrayOf("text", source));
        ps.setArray(16, c.createArrayOf("boolean", clockSynced));
        ps.setArray(17, c.createArrayOf("bigint", sinceBoot));
    }

    /**
     * Recomputes the highest contiguous seq of a station's epoch from the stored rows, starting at
     * {@code from}, and records the larger value.
     */
    private static long advance(Connection c, int district, String station, UUID epoch, long from)
            throws SQLException {
        long next = from;
        if (exists(c, district, station, epoch, from + 1)) {
            try (PreparedStatement ps = c.prepareStatement(NEXT_HOLE)) {
                ps.setInt(1, district);
                ps.setString(2, station);
                ps.setObject(3, epoch);
                ps.setLong(4, from);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1);
                }
            }
        }
        return EpochStore.raise(c, district, station, epoch, next);
    }

    private static boolean exists(Connection c, int district, String station, UUID epoch, long seq)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM visit WHERE district_id = ? AND station_id = ? AND epoch = ? AND seq = ?")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setObject(3, epoch);
            ps.setLong(4, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

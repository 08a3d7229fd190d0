package org.warmstation.district.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.district.db.EpochStore;
import org.warmstation.protocol.wire.DaySummary;

/**
 * Compares a station's signed {@link DaySummary} with the visits the district stored for the
 * summary's visit-log epoch and seq range: signature (by the key pinned for the station's epoch),
 * missing seqs (gaps), a seq stored twice with different UUIDs, the count, the SHA-256 chain over
 * the UUIDs in seq order including the link to the previous day's summary of the same epoch, and
 * visits stored for the day that no summary of the epoch declares ({@code UNEXPECTED_VISITS}).
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class Reconciler {

    /**
     * @param c          connection
     * @param summary    the summary as received
     * @param pinnedKey  Base64 key pinned for the station's epoch, or null when none is pinned
     * @param previous   the chain hash of the station's stored summary for the day before, or null
     *                   when the district holds none
     * @return the findings; empty when the district holds exactly what the station declared
     * @throws SQLException when the database fails
     */
    public List<Finding> reconcile(Connection c, DaySummary summary, String pinnedKey, String previous)
            throws SQLException {
        List<Finding> out = new ArrayList<>();
        if (pinnedKey != null && !pinnedKey.equals(summary.stationKey())) {
            out.add(finding(summary, Finding.Kind.UNKNOWN_STATION_KEY, null, null,
                    "summary signed by a key other than the one registered for the station"));
            return out;
        }
        if (!summary.signatureValid()) {
            out.add(finding(summary, Finding.Kind.BAD_SIGNATURE, null, null, "signature does not verify"));
            return out;
        }
        if (summary.visitCount() > 0) {
            out.addAll(range(c, summary, previous));
        }
        unexpected(c, summary).ifPresent(out::add);
        return out;
    }

    /** Gaps, reused seqs, the count and the chain of the summary's seq range. */
    private static List<Finding> range(Connection c, DaySummary summary, String previous) throws SQLException {
        List<Finding> out = new ArrayList<>();
        List<UUID> uuids = new ArrayList<>();
        long expected = summary.firstSeq();
        long stored = 0;
        long lastSeen = -1;
        // a quarantined visit (decision 0193) is held by the district, set aside: not a gap to ask for again
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, visit_uuid FROM (
                    SELECT seq, visit_uuid FROM visit
                     WHERE district_id = ? AND station_id = ? AND epoch = ? AND seq BETWEEN ? AND ?
                    UNION
                    SELECT seq, visit_uuid FROM visit_quarantine
                     WHERE district_id = ? AND station_id = ? AND epoch = ? AND seq BETWEEN ? AND ?
                       AND visit_uuid IS NOT NULL) held
                 ORDER BY seq, visit_uuid""")) {
            for (int i = 0; i < 10; i += 5) {
                ps.setInt(i + 1, summary.district());
                ps.setString(i + 2, summary.station());
                ps.setObject(i + 3, EpochStore.of(summary.epoch()));
                ps.setLong(i + 4, summary.firstSeq());
                ps.setLong(i + 5, summary.lastSeq());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    UUID uuid = rs.getObject(2, UUID.class);
                    stored++;
                    if (seq == lastSeen) {
                        out.add(finding(summary, Finding.Kind.SEQ_REUSED, seq, seq,
                                "seq " + seq + " stored with two visit UUIDs, one is " + uuid));
                        continue;
                    }
                    if (seq > expected) {
                        out.add(gap(summary, expected, seq - 1));
                    }
                    uuids.add(uuid);
                    lastSeen = seq;
                    expected = seq + 1;
                }
            }
        }
        if (expected <= summary.lastSeq()) {
            out.add(gap(summary, expected, summary.lastSeq()));
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (stored != summary.visitCount()) {
            out.add(finding(summary, Finding.Kind.COUNT_MISMATCH, summary.firstSeq(), summary.lastSeq(),
                    "station counted " + summary.visitCount() + ", district holds " + stored));
        }
        String chain = DaySummary.chain(summary.previousHash(), uuids.iterator());
        if (!chain.equals(summary.chainHash())) {
            out.add(finding(summary, Finding.Kind.HASH_MISMATCH, summary.firstSeq(), summary.lastSeq(),
                    "chain hash over the stored UUIDs is " + chain + ", station declared " + summary.chainHash()));
        } else if (previous != null && !previous.equals(summary.previousHash())) {
            out.add(finding(summary, Finding.Kind.HASH_MISMATCH, null, null,
                    "previous hash " + summary.previousHash() + " does not continue the stored chain " + previous));
        }
        return out;
    }

    /**
     * Visits stored for the station, epoch and local day of the summary whose seq lies outside the
     * declared range and inside no other stored summary of the epoch (a visit that crossed
     * midnight on a clock that went back is declared by its neighbour day: not unexpected).
     */
    private static Optional<Finding> unexpected(Connection c, DaySummary s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*), min(v.seq), max(v.seq) FROM visit v
                 WHERE v.district_id = ? AND v.station_id = ? AND v.epoch = ? AND v.local_date = ?
                   AND (v.seq < ? OR v.seq > ?)
                   AND NOT EXISTS (SELECT 1 FROM day_summary d
                                    WHERE d.district_id = v.district_id AND d.station_id = v.station_id
                                      AND d.epoch = v.epoch AND v.seq BETWEEN d.first_seq AND d.last_seq)""")) {
            ps.setInt(1, s.district());
            ps.setString(2, s.station());
            ps.setObject(3, EpochStore.of(s.epoch()));
            ps.setObject(4, s.date());
            ps.setLong(5, s.firstSeq());
            ps.setLong(6, s.lastSeq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                if (n == 0) {
                    return Optional.empty();
                }
                long first = rs.getLong(2);
                long last = rs.getLong(3);
                String declared = s.visitCount() == 0 ? "no visits" : "seqs " + s.firstSeq() + ".." + s.lastSeq();
                return Optional.of(finding(s, Finding.Kind.UNEXPECTED_VISITS, first, last, "district holds " + n
                        + " visit(s) of this day (seq " + first + ".." + last + ") that the station did not declare;"
                        + " its summary declared " + declared));
            }
        }
    }

    private static Finding gap(DaySummary s, long from, long to) {
        return finding(s, Finding.Kind.GAP, from, to, "visits " + from + ".." + to + " (" + (to - from + 1)
                + ") declared by the station are missing at the district");
    }

    private static Finding finding(DaySummary s, Finding.Kind kind, Long first, Long last, String detail) {
        return new Finding(s.district(), s.station(), s.date(), kind, first, last, detail, EpochStore.of(s.epoch()));
    }
}

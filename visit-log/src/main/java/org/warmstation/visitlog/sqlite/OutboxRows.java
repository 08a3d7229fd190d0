package org.warmstation.visitlog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Every change of state of the {@code outbox} table, in one place (the outbox contract:
 * {@link org.warmstation.visitlog.outbox.Outbox}). A row's life: CREATED when a visit or a new
 * revision of it is recorded, PUBLISHED when sent (attempts counted), CONFIRMED when the district
 * acknowledged that revision or a later one; set back to CREATED with {@code attempts = 0} by a new
 * revision or a resend request; deleted by retention once confirmed. Each method runs inside a
 * transaction the caller holds ({@link SqliteTransaction}). Stateless.
 */
public final class OutboxRows {
    private OutboxRows() {
    }

    /**
     * Queues revision {@code revision} of visit {@code seq}: a new row, or the existing one set back
     * to CREATED (publish and confirm times cleared, attempts 0), so that revision is sent.
     *
     * @param c         a connection inside a write transaction
     * @param seq       the visit's sequence number
     * @param revision  the revision to send
     * @param createdAt bookkeeping time of a new row
     * @throws SQLException when the write fails
     */
    public static void queue(Connection c, long seq, long revision, Instant createdAt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO outbox (seq, state, revision, created_at_ms)"
                + " VALUES (?, 'CREATED', ?, ?) ON CONFLICT (seq) DO UPDATE SET state = 'CREATED',"
                + " revision = excluded.revision, published_at_ms = NULL, confirmed_at_ms = NULL, attempts = 0")) {
            st.setLong(1, seq);
            st.setLong(2, revision);
            st.setLong(3, createdAt.toEpochMilli());
            st.executeUpdate();
        }
    }

    /**
     * Marks the sent revisions PUBLISHED at {@code at} and counts an attempt; a row that has since
     * got a newer revision, or is confirmed, is left as it is.
     *
     * @param c      a connection inside a write transaction
     * @param visits the visits sent
     * @param at     when
     * @throws SQLException when the write fails
     */
    public static void published(Connection c, Collection<WireVisit> visits, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE outbox SET state = 'PUBLISHED', published_at_ms = ?,"
                + " attempts = attempts + 1 WHERE seq = ? AND revision = ? AND state <> 'CONFIRMED'")) {
            for (WireVisit v : visits) {
                st.setLong(1, at.toEpochMilli());
                st.setLong(2, v.seq());
                st.setInt(3, v.revision());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Marks rows CONFIRMED whose queued revision is at most the acknowledged one and whose visit
     * has the acknowledged UUID (an ack for another visit under a reused sequence confirms nothing).
     *
     * @param c      a connection inside a write transaction
     * @param visits the acknowledged visits
     * @param at     when
     * @return the rows newly confirmed
     * @throws SQLException when the write fails
     */
    public static int confirmed(Connection c, Collection<WireVisit> visits, Instant at) throws SQLException {
        int n = 0;
        try (PreparedStatement st = c.prepareStatement("UPDATE outbox SET state = 'CONFIRMED', confirmed_at_ms = ?"
                + " WHERE seq = ? AND revision <= ? AND state <> 'CONFIRMED'"
                + " AND seq IN (SELECT seq FROM visit WHERE id = ?)")) {
            for (WireVisit v : visits) {
                st.setLong(1, at.toEpochMilli());
                st.setLong(2, v.seq());
                st.setInt(3, v.revision());
                st.setString(4, v.uuid().toString());
                n += st.executeUpdate();
            }
        }
        return n;
    }

    /**
     * Sets every row of a sequence range back to CREATED (the district asked for them again):
     * publish and confirm times cleared, attempts 0, as for a new revision.
     *
     * @param c       a connection inside a write transaction
     * @param fromSeq first sequence number
     * @param toSeq   last sequence number, inclusive
     * @return the rows re-queued
     * @throws SQLException when the write fails
     */
    public static int requeued(Connection c, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE outbox SET state = 'CREATED', published_at_ms = NULL,"
                + " confirmed_at_ms = NULL, attempts = 0 WHERE seq BETWEEN ? AND ?")) {
            st.setLong(1, fromSeq);
            st.setLong(2, toSeq);
            return st.executeUpdate();
        }
    }

    /**
     * Deletes the rows confirmed before {@code confirmedBefore} and the visits left without a row,
     * always keeping the latest visit (its sequence number continues the log's numbering).
     *
     * @param c               a connection inside a write transaction
     * @param confirmedBefore retention limit
     * @return the outbox rows deleted
     * @throws SQLException when the write fails
     */
    public static int purged(Connection c, Instant confirmedBefore) throws SQLException {
        long maxSeq;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM visit")) {
            rs.next();
            maxSeq = rs.getLong(1);
        }
        int n;
        try (PreparedStatement st = c.prepareStatement("DELETE FROM outbox WHERE state = 'CONFIRMED'"
                + " AND confirmed_at_ms < ? AND seq < ?")) {
            st.setLong(1, confirmedBefore.toEpochMilli());
            st.setLong(2, maxSeq);
            n = st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("DELETE FROM visit WHERE seq < ?"
                + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = visit.seq)")) {
            st.setLong(1, maxSeq);
            st.executeUpdate();
        }
        return n;
    }
}

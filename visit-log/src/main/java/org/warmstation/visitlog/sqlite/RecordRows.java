package org.warmstation.visitlog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireRecord;

/**
 * The one row mapper and writer of the {@code record} table (records other than visits, migration
 * {@code V3__records.sql}): a record and its outbox state in one row. Writes that change the
 * outbox state after recording are in {@link OutboxRows#records}. Each write runs inside a
 * transaction the caller holds ({@link SqliteTransaction}), so a caller can record its own rows
 * and the record atomically. Stateless.
 */
public final class RecordRows {
    private static final Logger log = LoggerFactory.getLogger(RecordRows.class);
    private static final String COLUMNS = "id, kind, seq, revision, recorded_at_ms, body";

    private RecordRows() {
    }

    /**
     * @param c    a connection inside a write transaction (so no one else takes the same seq)
     * @param kind the kind
     * @return the next sequence number of that kind: 1 more than the highest held
     * @throws SQLException when the read fails
     */
    public static long nextSeq(Connection c, RecordKind kind) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM record WHERE kind = ?")) {
            st.setString(1, kind.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Inserts a new record, queued CREATED.
     *
     * @param c         a connection inside a write transaction
     * @param record    the record (its seq from {@link #nextSeq}, revision 1)
     * @param createdAt bookkeeping time of the outbox entry
     * @throws SQLException when the write fails (e.g. SQLITE_FULL, or the uuid or seq is taken)
     */
    public static void append(Connection c, WireRecord record, Instant createdAt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO record (" + COLUMNS + ", state, created_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'CREATED', ?)")) {
            st.setString(1, record.uuid().toString());
            st.setString(2, record.kind().name());
            st.setLong(3, record.seq());
            st.setInt(4, record.revision());
            st.setLong(5, record.recordedAt().toEpochMilli());
            st.setString(6, record.body().toString());
            st.setLong(7, createdAt.toEpochMilli());
            st.executeUpdate();
        }
    }

    /**
     * Stores the next revision of a held record and queues it again: body and revision replaced,
     * state CREATED, publish and confirm times cleared, attempts 0.
     *
     * @param c      a connection inside a write transaction
     * @param record the record at its new revision (one above the held one)
     * @throws SQLException when the write fails
     * @throws IllegalStateException when the held revision is not the one before (changed meanwhile)
     */
    public static void revise(Connection c, WireRecord record) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE record SET body = ?, revision = ?, state = 'CREATED',"
                + " published_at_ms = NULL, confirmed_at_ms = NULL, attempts = 0"
                + " WHERE id = ? AND kind = ? AND revision = ?")) {
            st.setString(1, record.body().toString());
            st.setInt(2, record.revision());
            st.setString(3, record.uuid().toString());
            st.setString(4, record.kind().name());
            st.setInt(5, record.revision() - 1);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException("record " + record.uuid() + " is not at revision " + (record.revision() - 1));
            }
        }
    }

    /**
     * @param c    a connection
     * @param uuid a record id
     * @return the record at its current revision, or empty when not held (or its row is damaged)
     * @throws SQLException when the read fails
     */
    public static Optional<WireRecord> find(Connection c, UUID uuid) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM record WHERE id = ?")) {
            st.setString(1, uuid.toString());
            return read(st, 1).stream().findFirst();
        }
    }

    /**
     * @param c        a connection
     * @param kind     the kind
     * @param afterSeq only larger seqs
     * @param limit    most rows
     * @return the records of the kind in seq order (damaged rows logged and left out)
     * @throws SQLException when the read fails
     */
    public static List<WireRecord> list(Connection c, RecordKind kind, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM record"
                + " WHERE kind = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            st.setString(1, kind.name());
            st.setLong(2, afterSeq);
            st.setInt(3, limit);
            return read(st, limit);
        }
    }

    /**
     * The due entries of the outbox contract: CREATED, or PUBLISHED at or before {@code cutoff}.
     *
     * @param c        a connection
     * @param kind     the kind
     * @param afterSeq only larger seqs
     * @param limit    most rows
     * @param cutoff   latest publish time of a PUBLISHED row that is due again
     * @return the due records in seq order (damaged rows logged and left out: they stay queued)
     * @throws SQLException when the read fails
     */
    public static List<WireRecord> due(Connection c, RecordKind kind, long afterSeq, int limit, Instant cutoff)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM record WHERE kind = ? AND "
                + OutboxRows.PENDING + " AND seq > ? AND (state = 'CREATED' OR published_at_ms <= ?)"
                + " ORDER BY seq LIMIT ?")) {
            st.setString(1, kind.name());
            st.setLong(2, afterSeq);
            st.setLong(3, cutoff.toEpochMilli());
            st.setInt(4, limit);
            return read(st, limit);
        }
    }

    private static List<WireRecord> read(PreparedStatement st, int limit) throws SQLException {
        List<WireRecord> out = new ArrayList<>(Math.min(limit, 1000));
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(new WireRecord(UUID.fromString(rs.getString(1)), RecordKind.valueOf(rs.getString(2)),
                            rs.getLong(3), rs.getInt(4), Instant.ofEpochMilli(rs.getLong(5)),
                            Wire.parseTree(rs.getString(6))));
                } catch (IllegalArgumentException e) { // WireFormatException included
                    // a damaged row must not block the others: it stays as it is and is logged each read
                    log.error("record {} seq {} cannot be read, its row is invalid: {}", rs.getString(1), rs.getLong(3),
                            e.getMessage());
                }
            }
        }
        return out;
    }
}

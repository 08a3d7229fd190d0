package org.warmstation.visitlog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.protocol.wire.OutboxEntry;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.visitlog.outbox.OutboxStats;

/**
 * Every change of outbox state, in one place (the outbox contract:
 * {@link org.warmstation.visitlog.outbox.TypedOutbox}), for the visits' {@code outbox} table
 * ({@link #VISITS}) and for the {@code record} table of each other kind ({@link #records}). A
 * row's life: CREATED when a record or a new revision of it is recorded, PUBLISHED when sent
 * (attempts counted), CONFIRMED when the district acknowledged that revision or a later one; set
 * back to CREATED with {@code attempts = 0} by a new revision or a resend request; deleted by
 * retention once confirmed, except the highest seq of the kind. Each method runs inside a
 * transaction the caller holds ({@link SqliteTransaction}), or, for {@link #stats}, on any
 * connection. Immutable and thread-safe.
 */
public final class OutboxRows {
    /** The visits' outbox: table {@code outbox}, one row per visit of table {@code visit}. */
    public static final OutboxRows VISITS = new OutboxRows("outbox", "", "visit",
            "EXISTS (SELECT 1 FROM visit WHERE visit.seq = outbox.seq AND visit.id = e.uuid)");

    /**
     * The shortest run of consecutive seqs that {@link #confirmedInRuns} confirms by one range
     * statement; shorter runs go per entry (decision 0290).
     */
    static final int RANGE_MIN = 8;

    /** The entries of a JSON parameter ({@link #json}) as a table e(seq, revision, uuid). */
    private static final String ENTRIES = "SELECT j.value ->> 0 AS seq, j.value ->> 1 AS revision, j.value ->> 2 AS uuid"
            + " FROM json_each(?) AS j";

    /** Rows not yet confirmed. */
    static final String PENDING = "state IN ('CREATED', 'PUBLISHED')";

    private final String table;
    private final String scope;
    private final String idTable;
    private final String sameUuid;

    private OutboxRows(String table, String scope, String idTable, String sameUuid) {
        this.table = table;
        this.scope = scope;
        this.idTable = idTable;
        this.sameUuid = sameUuid;
    }

    /**
     * @param kind a kind other than {@link RecordKind#VISIT}
     * @return the outbox state of that kind's rows of table {@code record}
     */
    public static OutboxRows records(RecordKind kind) {
        if (Objects.requireNonNull(kind, "kind") == RecordKind.VISIT) {
            throw new IllegalArgumentException("visits have their own outbox table");
        }
        return new OutboxRows("record", "kind = '" + kind.name() + "' AND ", "record", "record.id = e.uuid"); // enum name: [A-Z]+
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
     * @param c       a connection inside a write transaction
     * @param entries the entries sent
     * @param at      when
     * @throws SQLException when the write fails
     */
    public void published(Connection c, Collection<? extends OutboxEntry> entries, Instant at) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'PUBLISHED',"
                + " published_at_ms = ?, attempts = attempts + 1 FROM (" + ENTRIES + ") AS e WHERE " + scope
                + table + ".seq = e.seq AND " + table + ".revision = e.revision AND state <> 'CONFIRMED'")) {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, json(entries));
            st.executeUpdate();
        }
    }

    /**
     * Marks rows CONFIRMED whose queued revision is at most the acknowledged one and whose record
     * has the acknowledged UUID (an ack for another record under a reused sequence confirms nothing).
     *
     * @param c       a connection inside a write transaction
     * @param entries the acknowledged entries
     * @param at      when
     * @return the rows newly confirmed
     * @throws SQLException when the write fails
     */
    public int confirmed(Connection c, Collection<? extends OutboxEntry> entries, Instant at) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'CONFIRMED',"
                + " confirmed_at_ms = ? FROM (" + ENTRIES + ") AS e WHERE " + scope + table + ".seq = e.seq AND "
                + table + ".revision <= e.revision AND state <> 'CONFIRMED' AND " + sameUuid)) {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, json(entries));
            return st.executeUpdate();
        }
    }

    /**
     * As {@link #confirmed}, for entries whose publish was not marked: each row confirmed also
     * gets the publish time and an attempt ({@link #published} and {@link #confirmed} in one write).
     *
     * @param c           a connection inside a write transaction
     * @param entries     the acknowledged entries, as published
     * @param publishedAt when they were published
     * @param at          the confirmation time
     * @return the rows newly confirmed
     * @throws SQLException when the write fails
     */
    public int confirmedUnmarked(Connection c, Collection<? extends OutboxEntry> entries, Instant publishedAt, Instant at)
            throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'CONFIRMED',"
                + " confirmed_at_ms = ?, published_at_ms = ?, attempts = attempts + 1 FROM (" + ENTRIES + ") AS e WHERE "
                + scope + table + ".seq = e.seq AND " + table + ".revision <= e.revision AND state <> 'CONFIRMED' AND "
                + sameUuid)) {
            st.setLong(1, at.toEpochMilli());
            st.setLong(2, publishedAt.toEpochMilli());
            st.setString(3, json(entries));
            return st.executeUpdate();
        }
    }

    /**
     * {@link #confirmed} (when {@code publishedAt} is null) or {@link #confirmedUnmarked}, with the
     * same result, in fewer row operations (decision 0290): each run of at least {@link #RANGE_MIN}
     * consecutive seqs at one revision, as a drain publishes a backlog, is confirmed by one range
     * statement ({@link #confirmedRange}). A run that statement does not confirm whole (an entry
     * confirmed before, revised since, or naming another record), and every shorter run, then go
     * through the per-entry statement, which skips the rows already confirmed.
     *
     * @param c           a connection inside a write transaction
     * @param entries     the acknowledged entries, as published, in any order
     * @param publishedAt when they were published, if that was not marked; null if it was
     * @param at          the confirmation time
     * @return the rows newly confirmed
     * @throws SQLException when the write fails
     */
    public int confirmedInRuns(Connection c, List<? extends OutboxEntry> entries, Instant publishedAt, Instant at)
            throws SQLException {
        List<OutboxEntry> single = new ArrayList<>();
        int n = 0;
        int from = 0;
        for (int i = 1; i <= entries.size(); i++) {
            if (i < entries.size() && follows(entries.get(i - 1), entries.get(i))) {
                continue;
            }
            List<? extends OutboxEntry> run = entries.subList(from, i);
            int ranged = run.size() >= RANGE_MIN ? confirmedRange(c, run, publishedAt, at) : 0;
            n += ranged;
            if (ranged < run.size()) {
                single.addAll(run);
            }
            from = i;
        }
        return n + (publishedAt == null ? confirmed(c, single, at) : confirmedUnmarked(c, single, publishedAt, at));
    }

    private static boolean follows(OutboxEntry before, OutboxEntry e) {
        return e.seq() == before.seq() + 1 && e.revision() == before.revision();
    }

    /**
     * Confirms a run of consecutive seqs at one revision in one statement, all or nothing as to
     * the records: only if the records of that seq range, in seq order, are exactly the run's
     * uuids (compared as one string, read once through the seq index). Then every row of the range
     * at that revision or below that is not yet confirmed becomes CONFIRMED (with the publish time
     * and an attempt unless {@code publishedAt} is null): what the per-entry statements do for
     * these entries, as no other row has a seq in the range.
     *
     * @param c           a connection inside a write transaction
     * @param run         entries with consecutive seqs, ascending, all at the same revision
     * @param publishedAt when they were published, if that was not marked; null if it was
     * @param at          the confirmation time
     * @return the rows newly confirmed; 0 when the uuids do not match
     * @throws SQLException when the write fails
     */
    int confirmedRange(Connection c, List<? extends OutboxEntry> run, Instant publishedAt, Instant at)
            throws SQLException {
        long from = run.getFirst().seq();
        long to = run.getLast().seq();
        StringBuilder ids = new StringBuilder(run.size() * 37);
        for (OutboxEntry e : run) {
            ids.append(ids.isEmpty() ? "" : ",").append(e.uuid());
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'CONFIRMED', confirmed_at_ms = ?"
                + (publishedAt == null ? "" : ", published_at_ms = ?, attempts = attempts + 1") + " WHERE " + scope
                + "seq BETWEEN ? AND ? AND revision <= ? AND state <> 'CONFIRMED' AND (SELECT group_concat(id, ','"
                + " ORDER BY seq) FROM " + idTable + " WHERE " + scope + "seq BETWEEN ? AND ?) = ?")) {
            int i = 1;
            st.setLong(i++, at.toEpochMilli());
            if (publishedAt != null) {
                st.setLong(i++, publishedAt.toEpochMilli());
            }
            st.setLong(i++, from);
            st.setLong(i++, to);
            st.setLong(i++, run.getFirst().revision());
            st.setLong(i++, from);
            st.setLong(i++, to);
            st.setString(i, ids.toString());
            return st.executeUpdate();
        }
    }

    /**
     * The entries as one statement's parameter: a JSON array of {@code [seq, revision, "uuid"]},
     * read back by {@link #ENTRIES}. One statement per group instead of one execution per entry
     * (a JDBC batch steps the statement once per row: decision 0240).
     */
    private static String json(Collection<? extends OutboxEntry> entries) {
        StringBuilder b = new StringBuilder(entries.size() * 56 + 2).append('[');
        for (OutboxEntry e : entries) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('[').append(e.seq()).append(',').append(e.revision()).append(",\"").append(e.uuid()).append("\"]");
        }
        return b.append(']').toString();
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
    public int requeued(Connection c, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'CREATED',"
                + " published_at_ms = NULL, confirmed_at_ms = NULL, attempts = 0 WHERE " + scope
                + "seq BETWEEN ? AND ?")) {
            st.setLong(1, fromSeq);
            st.setLong(2, toSeq);
            return st.executeUpdate();
        }
    }

    /**
     * Deletes the rows confirmed before {@code confirmedBefore} (and, for visits, the visits left
     * without a row), always keeping the latest record of the kind (its sequence number continues
     * the numbering).
     *
     * @param c               a connection inside a write transaction
     * @param confirmedBefore retention limit
     * @return the outbox rows deleted
     * @throws SQLException when the write fails
     */
    public int purged(Connection c, Instant confirmedBefore) throws SQLException {
        long maxSeq = highestSeq(c, this == VISITS ? "visit" : table);
        int n;
        try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE " + scope
                + "state = 'CONFIRMED' AND confirmed_at_ms < ? AND seq < ?")) {
            st.setLong(1, confirmedBefore.toEpochMilli());
            st.setLong(2, maxSeq);
            n = st.executeUpdate();
        }
        if (this == VISITS) {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM visit WHERE seq < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = visit.seq)")) {
                st.setLong(1, maxSeq);
                st.executeUpdate();
            }
        }
        return n;
    }

    private long highestSeq(Connection c, String from) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM " + from
                     + (scope.isEmpty() ? "" : " WHERE " + scope.substring(0, scope.length() - " AND ".length())))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * @param c   a connection
     * @param now the current time
     * @return the counts of the contract's {@code stats}
     * @throws SQLException when the read fails
     */
    public OutboxStats stats(Connection c, Instant now) throws SQLException {
        try (Statement st = c.createStatement()) {
            long waiting;
            long published;
            Long oldestCreated;
            Long minPending;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(state = 'PUBLISHED'), 0),"
                    + " MIN(created_at_ms), MIN(seq) FROM " + table + " WHERE " + scope + PENDING)) {
                rs.next();
                waiting = rs.getLong(1);
                published = rs.getLong(2);
                oldestCreated = rs.getObject(3) == null ? null : rs.getLong(3);
                minPending = rs.getObject(4) == null ? null : rs.getLong(4);
            }
            long maxSeq = highestSeq(c, table);
            Optional<Duration> age = oldestCreated == null ? Optional.empty()
                    : Optional.of(Duration.between(Instant.ofEpochMilli(oldestCreated), now).isNegative() ? Duration.ZERO
                            : Duration.between(Instant.ofEpochMilli(oldestCreated), now));
            return new OutboxStats(waiting, published, age, minPending == null ? maxSeq : minPending - 1, maxSeq);
        }
    }
}

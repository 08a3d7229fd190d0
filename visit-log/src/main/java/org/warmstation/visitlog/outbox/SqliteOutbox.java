package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.store.VisitLogDatabase;
import org.warmstation.protocol.wire.WireVisit;

/**
 * The {@link Outbox} over the {@code outbox} and {@code visit} tables of the station's SQLite
 * visit log ({@link VisitLogDatabase}), on a connection of its own (WAL: reads do not block the
 * kiosk's writes; writes wait up to {@link VisitLogDatabase#BUSY_TIMEOUT}). Thread-safe (calls are
 * serialised); every method blocks on storage.
 *
 * <p>This connection runs with {@code synchronous=NORMAL} (the kiosk's visit writes keep
 * {@code FULL}): in WAL mode the database stays consistent, and a power cut can only lose the
 * latest PUBLISHED/CONFIRMED marks — which means those visits are sent again and the district
 * drops the duplicates. Visits themselves are never at risk here. This saves two fsyncs per batch.
 */
public final class SqliteOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(SqliteOutbox.class);
    private static final String PENDING = "o.state IN ('CREATED', 'PUBLISHED')";
    private static final String DUE = "SELECT v.id, v.seq, v.revision, v.recorded_at_ms, v.zone, v.member_id,"
            + " v.card_serial, v.category, v.services, v.source, v.clock_synced, v.since_boot_ms"
            + " FROM outbox o JOIN visit v ON v.seq = o.seq WHERE " + PENDING + " AND o.seq > ?"
            + " AND (o.state = 'CREATED' OR o.published_at_ms <= ?) ORDER BY o.seq LIMIT ?";

    private final Path dataDirectory;
    private Connection connection;

    /**
     * Opens the visit log of a data directory (creating and migrating it if needed).
     *
     * @param dataDirectory the station's data directory
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteOutbox(Path dataDirectory) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.connection = VisitLogDatabase.open(dataDirectory);
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            close();
            throw failure("configuring the outbox connection", e);
        }
    }

    @Override
    public synchronized List<WireVisit> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        try (PreparedStatement st = open().prepareStatement(DUE)) {
            st.setLong(1, afterSeq);
            st.setLong(2, now.minus(resendAfter).toEpochMilli());
            st.setInt(3, limit);
            List<WireVisit> out = new ArrayList<>(Math.min(limit, 1000));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    readVisit(rs).ifPresent(out::add);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading the outbox", e);
        }
    }

    private static Optional<WireVisit> readVisit(ResultSet rs) throws SQLException {
        String services = rs.getString(9);
        long seq = rs.getLong(2);
        try {
            return Optional.of(new WireVisit(UUID.fromString(rs.getString(1)), seq, rs.getInt(3),
                    Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                    rs.getString(8), services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(",")),
                    rs.getString(10), rs.getInt(11) != 0, rs.getLong(12)));
        } catch (IllegalArgumentException e) {
            // a damaged row must not block the whole outbox: it stays CREATED and is logged each pass
            log.error("outbox: visit seq {} cannot be sent, its row is invalid: {}", seq, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void markPublished(Collection<WireVisit> visits, Instant at) {
        inTransaction("marking visits published", c -> {
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
            return 0;
        });
    }

    @Override
    public synchronized int confirm(Collection<WireVisit> visits, Instant at) {
        return inTransaction("confirming visits", c -> {
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
        });
    }

    @Override
    public synchronized int requeue(long fromSeq, long toSeq) {
        return inTransaction("re-queueing visits " + fromSeq + ".." + toSeq, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE outbox SET state = 'CREATED', published_at_ms = NULL,"
                    + " confirmed_at_ms = NULL WHERE seq BETWEEN ? AND ?")) {
                st.setLong(1, fromSeq);
                st.setLong(2, toSeq);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public synchronized int purgeConfirmed(Instant confirmedBefore) {
        return inTransaction("purging confirmed visits", c -> {
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
        });
    }

    @Override
    public synchronized OutboxStats stats(Instant now) {
        try (Statement st = open().createStatement()) {
            long waiting;
            long published;
            Long oldestCreated;
            Long minPending;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(o.state = 'PUBLISHED'), 0),"
                    + " MIN(o.created_at_ms), MIN(o.seq) FROM outbox o WHERE " + PENDING)) {
                rs.next();
                waiting = rs.getLong(1);
                published = rs.getLong(2);
                oldestCreated = rs.getObject(3) == null ? null : rs.getLong(3);
                minPending = rs.getObject(4) == null ? null : rs.getLong(4);
            }
            long maxSeq;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM outbox")) {
                rs.next();
                maxSeq = rs.getLong(1);
            }
            Optional<Duration> age = oldestCreated == null ? Optional.empty()
                    : Optional.of(Duration.between(Instant.ofEpochMilli(oldestCreated), now).isNegative() ? Duration.ZERO
                            : Duration.between(Instant.ofEpochMilli(oldestCreated), now));
            return new OutboxStats(waiting, published, age, minPending == null ? maxSeq : minPending - 1, maxSeq);
        } catch (SQLException e) {
            throw failure("counting the outbox", e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("closing the outbox connection: {}", e.getMessage());
            }
            connection = null;
        }
    }

    /** A unit of work on the connection inside one transaction. */
    @FunctionalInterface
    interface Work {
        int run(Connection c) throws SQLException;
    }

    int inTransaction(String what, Work work) {
        Connection c = open();
        try (Statement tx = c.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            try {
                int n = work.run(c);
                tx.execute("COMMIT");
                return n;
            } catch (SQLException | RuntimeException e) {
                try {
                    tx.execute("ROLLBACK");
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    synchronized Connection open() {
        if (connection == null) {
            throw new StoreException("the outbox of " + dataDirectory + " is closed", null);
        }
        return connection;
    }

    static StoreException failure(String what, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String hint = m.contains("SQLITE_FULL") ? "visit log full: no room on the data partition; nothing recorded is lost"
                : m.contains("SQLITE_BUSY") ? "visit log busy" : "visit log database error";
        return new StoreException(hint + " (" + what + ": " + m + ")", e);
    }
}

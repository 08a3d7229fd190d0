package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OutboxRows;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;
import org.warmstation.visitlog.sqlite.VisitRows;
import org.warmstation.visitlog.store.VisitLogDatabase;

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
    private static final String DUE = "SELECT " + VisitRows.columns("v") + ", v.revision"
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
            throw SqliteErrors.failure("configuring the outbox connection", e);
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
            throw SqliteErrors.failure("reading the outbox", e);
        }
    }

    private static Optional<WireVisit> readVisit(ResultSet rs) throws SQLException {
        long seq = rs.getLong(2);
        try {
            return Optional.of(VisitRows.toWire(VisitRows.read(rs), rs.getInt(13)));
        } catch (IllegalArgumentException | DateTimeException e) {
            // a damaged row must not block the whole outbox: it stays CREATED and is logged each pass
            log.error("outbox: visit seq {} cannot be sent, its row is invalid: {}", seq, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void markPublished(Collection<WireVisit> visits, Instant at) {
        SqliteTransaction.immediate(open(), "marking visits published", c -> {
            OutboxRows.published(c, visits, at);
            return null;
        });
    }

    @Override
    public synchronized int confirm(Collection<WireVisit> visits, Instant at) {
        return SqliteTransaction.immediate(open(), "confirming visits", c -> OutboxRows.confirmed(c, visits, at));
    }

    @Override
    public synchronized int requeue(long fromSeq, long toSeq) {
        return SqliteTransaction.immediate(open(), "re-queueing visits " + fromSeq + ".." + toSeq,
                c -> OutboxRows.requeued(c, fromSeq, toSeq));
    }

    @Override
    public synchronized int purgeConfirmed(Instant confirmedBefore) {
        return SqliteTransaction.immediate(open(), "purging confirmed visits", c -> OutboxRows.purged(c, confirmedBefore));
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
            throw SqliteErrors.failure("counting the outbox", e);
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

    synchronized Connection open() {
        if (connection == null) {
            throw new StoreException("the outbox of " + dataDirectory + " is closed", null);
        }
        return connection;
    }
}

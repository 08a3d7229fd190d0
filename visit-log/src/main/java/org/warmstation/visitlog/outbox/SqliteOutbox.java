package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OutboxRows;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.VisitRows;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * The {@link Outbox} over the {@code outbox} and {@code visit} tables of the station's SQLite
 * visit log ({@link VisitLogDatabase}), on a connection of its own ({@link SqliteOutboxBase}:
 * {@code synchronous=NORMAL}, state changes by {@link OutboxRows#VISITS}). Thread-safe (calls are
 * serialised); every method blocks on storage.
 */
public final class SqliteOutbox extends SqliteOutboxBase<WireVisit> implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(SqliteOutbox.class);
    private Optional<UUID> epoch;
    /** {@link #DUE}, prepared once: a drain reads a page per batch (decision 0250); null until used. */
    private PreparedStatement due;
    private static final String DUE = "SELECT " + VisitRows.packedColumns("v")
            + " FROM outbox o JOIN visit v ON v.seq = o.seq WHERE o.state IN ('CREATED', 'PUBLISHED') AND o.seq > ?"
            + " AND (o.state = 'CREATED' OR o.published_at_ms <= ?) ORDER BY o.seq LIMIT ?";

    /**
     * Opens the visit log of a data directory (creating and migrating it if needed).
     *
     * @param dataDirectory the station's data directory
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteOutbox(Path dataDirectory) {
        super(dataDirectory, OutboxRows.VISITS, "visits");
    }

    @Override
    public synchronized Optional<UUID> epoch() {
        if (epoch == null) {
            epoch = LogEpoch.read(open());
        }
        return epoch;
    }

    @Override
    public synchronized List<WireVisit> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        try {
            if (due == null) {
                due = open().prepareStatement(DUE);
            }
            due.setLong(1, afterSeq);
            due.setLong(2, now.minus(resendAfter).toEpochMilli());
            due.setInt(3, limit);
            List<WireVisit> out = new ArrayList<>(Math.min(limit, 1000));
            try (ResultSet rs = due.executeQuery()) {
                while (rs.next()) {
                    readVisit(rs).ifPresent(out::add);
                }
            }
            return out;
        } catch (SQLException e) {
            closeDue(); // prepared again on the next call
            throw SqliteErrors.failure("reading the outbox", e);
        }
    }

    @Override
    public synchronized void close() {
        closeDue();
        super.close();
    }

    private void closeDue() {
        if (due != null) {
            try {
                due.close();
            } catch (SQLException e) {
                log.debug("closing the outbox query: {}", e.getMessage());
            }
            due = null;
        }
    }

    private static Optional<WireVisit> readVisit(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            return Optional.of(VisitRows.readPackedWire(rs));
        } catch (IllegalArgumentException | DateTimeException e) {
            // a damaged row must not block the whole outbox: it stays CREATED and is logged each pass
            log.error("outbox: visit seq {} cannot be sent, its row is invalid: {}", seq, e.getMessage());
            return Optional.empty();
        }
    }
}

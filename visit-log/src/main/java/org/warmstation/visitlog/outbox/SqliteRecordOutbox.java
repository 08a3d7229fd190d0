package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OutboxRows;
import org.warmstation.visitlog.sqlite.RecordRows;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * The {@link RecordOutbox} of one kind over the {@code record} table of the station's SQLite visit
 * log ({@link VisitLogDatabase}), on a connection of its own ({@link SqliteOutboxBase}). Records
 * are written by {@link org.warmstation.visitlog.records.SqliteRecordLog}. Thread-safe (calls are
 * serialised); every method blocks on storage.
 */
public final class SqliteRecordOutbox extends SqliteOutboxBase<WireRecord> implements RecordOutbox {
    private final RecordKind kind;

    /**
     * Opens the visit log of a data directory (creating and migrating it if needed).
     *
     * @param dataDirectory the station's data directory
     * @param kind          the kind, not {@link RecordKind#VISIT} (visits: {@link SqliteOutbox})
     * @throws StoreException when the database cannot be opened or migrated
     * @throws IllegalArgumentException for {@link RecordKind#VISIT}
     */
    public SqliteRecordOutbox(Path dataDirectory, RecordKind kind) {
        super(dataDirectory, OutboxRows.records(kind), Objects.requireNonNull(kind, "kind") + " records");
        this.kind = kind;
    }

    @Override
    public RecordKind kind() {
        return kind;
    }

    @Override
    public synchronized List<WireRecord> due(long afterSeq, int limit, Instant now, Duration resendAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        try {
            return RecordRows.due(open(), kind, afterSeq, limit, now.minus(resendAfter));
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the outbox of " + kind + " records", e);
        }
    }
}

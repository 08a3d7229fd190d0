package org.warmstation.visitlog.records;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.RecordRows;
import org.warmstation.visitlog.sqlite.RecordWriter;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * The {@link RecordLog} over the {@code record} table of the station's SQLite visit log, on a
 * connection of its own with the visit writes' durability ({@code synchronous=FULL}): each append
 * or revision is one {@code BEGIN IMMEDIATE} transaction ({@link SqliteTransaction}) writing the
 * record and its CREATED outbox state together; errors are explained by {@link SqliteErrors}
 * (e.g. a full disk). Thread-safe (calls are serialised); every method blocks on storage.
 */
public final class SqliteRecordLog implements RecordLog {
    private final RecordWriter records;

    /**
     * Opens the visit log of a data directory (creating and migrating it if needed).
     *
     * @param dataDirectory the station's data directory
     * @param clock         the station's wall clock (recording and queueing times)
     * @param types         the body type of each kind ({@link RecordTypes#standard()} in the product)
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteRecordLog(Path dataDirectory, InstantSource clock, RecordTypes types) {
        this.records = new RecordWriter(dataDirectory, "the record log", clock, types);
    }

    @Override
    public synchronized WireRecord append(RecordBody body) {
        return append(records.nextId(records.now()), body);
    }

    @Override
    public synchronized WireRecord append(UUID id, RecordBody body) {
        Objects.requireNonNull(id, "uuid");
        var json = records.encode(body);
        Instant now = records.now();
        return SqliteTransaction.immediate(open(), "recording a " + body.kind() + " record", c -> {
            if (RecordRows.find(c, id).isPresent()) {
                throw new IllegalArgumentException("record " + id + " is held already");
            }
            return RecordWriter.appendNew(c, id, body.kind(), now, json);
        });
    }

    @Override
    public synchronized WireRecord revise(UUID uuid, RecordBody body) {
        var json = records.encode(body);
        return SqliteTransaction.immediate(open(), "revising record " + uuid, c -> {
            WireRecord held = RecordRows.find(c, uuid).orElseThrow(
                    () -> new IllegalArgumentException("no record " + uuid + " is held (never recorded, or purged)"));
            if (held.kind() != body.kind()) {
                throw new IllegalArgumentException("record " + uuid + " is a " + held.kind() + ", not a " + body.kind());
            }
            WireRecord next = held.revised(json);
            RecordRows.revise(c, next);
            return next;
        });
    }

    @Override
    public synchronized Optional<WireRecord> find(UUID uuid) {
        try {
            return RecordRows.find(open(), uuid);
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading record " + uuid, e);
        }
    }

    @Override
    public synchronized List<WireRecord> list(RecordKind kind, long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        try {
            return RecordRows.list(open(), kind, afterSeq, limit);
        } catch (SQLException e) {
            throw SqliteErrors.failure("listing " + kind + " records", e);
        }
    }

    /**
     * Limits the database to a number of pages on this log's connection: appends that reach it
     * fail as on a full disk ({@link VisitLogDatabase#limitPages}). For tests. Blocks on the database.
     *
     * @param maxPages the most pages the file may have
     */
    public synchronized void limitPages(long maxPages) {
        VisitLogDatabase.limitPages(open(), maxPages);
    }

    @Override
    public synchronized void close() {
        records.close();
    }

    private Connection open() {
        return records.connection();
    }
}

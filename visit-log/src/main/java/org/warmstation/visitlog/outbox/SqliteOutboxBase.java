package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import org.warmstation.protocol.wire.OutboxEntry;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OutboxRows;
import org.warmstation.visitlog.sqlite.OwnConnection;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * What the SQLite outboxes of every kind share: a connection of their own to the station's visit
 * log ({@link VisitLogDatabase}; WAL: reads do not block the kiosk's writes; writes wait up to
 * {@link VisitLogDatabase#BUSY_TIMEOUT}) and the state changes of {@link OutboxRows}, each in one
 * immediate transaction. Subclasses read the due entries. Thread-safe (calls are serialised);
 * every method blocks on storage.
 *
 * <p>This connection runs with {@code synchronous=NORMAL} (the recorders keep {@code FULL}): in
 * WAL mode the database stays consistent, and a power cut can only lose the latest
 * PUBLISHED/CONFIRMED marks — which means those records are sent again and the district drops
 * the duplicates. The records themselves are never at risk here. This saves two fsyncs per batch.
 *
 * @param <E> the entries
 */
abstract sealed class SqliteOutboxBase<E extends OutboxEntry> implements TypedOutbox<E>
        permits SqliteOutbox, SqliteRecordOutbox {
    private final OutboxRows rows;
    private final String what;
    private final OwnConnection connection;
    private final Path dataDirectory;

    /**
     * @param dataDirectory the station's data directory
     * @param rows          the outbox rows of this kind
     * @param what          the entries' name in messages, e.g. "visits"
     * @throws StoreException when the database cannot be opened or migrated
     */
    SqliteOutboxBase(Path dataDirectory, OutboxRows rows, String what) {
        this.rows = rows;
        this.what = what;
        this.dataDirectory = dataDirectory;
        this.connection = open(dataDirectory, "the outbox");
    }

    /** @return a connection to the visit log with {@code synchronous=NORMAL} (see the class comment) */
    private static OwnConnection open(Path dataDirectory, String name) {
        OwnConnection c = new OwnConnection(dataDirectory, name);
        try (Statement st = c.get().createStatement()) {
            st.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            c.close();
            throw SqliteErrors.failure("configuring the connection of " + name, e);
        }
        return c;
    }

    @Override
    public synchronized void markPublished(Collection<E> entries, Instant at) {
        SqliteTransaction.immediate(open(), "marking " + what + " published", c -> {
            rows.published(c, entries, at);
            return null;
        });
    }

    @Override
    public synchronized int confirm(Collection<E> entries, Instant at) {
        java.util.List<E> list = java.util.List.copyOf(entries);
        return SqliteTransaction.immediate(open(), "confirming " + what, c -> rows.confirmedInRuns(c, list, null, at));
    }

    @Override
    public synchronized int confirmSent(java.util.List<Sent<E>> sent, Instant at) {
        return confirmSent(open(), rows, what, sent, at);
    }

    /** {@link #confirmSent} on a connection. */
    private static <E extends OutboxEntry> int confirmSent(Connection c, OutboxRows rows, String what,
                                                          java.util.List<Sent<E>> sent, Instant at) {
        // one statement per publish time (a drain call's batches share one) and one for the marked
        // entries, instead of one per batch: statements cost more than rows here (decision 0250);
        // within each, a run of consecutive seqs is one range (decision 0290)
        java.util.Map<Instant, java.util.List<E>> unmarked = new java.util.LinkedHashMap<>();
        java.util.List<E> marked = new java.util.ArrayList<>();
        for (Sent<E> s : sent) {
            (s.marked() ? marked : unmarked.computeIfAbsent(s.publishedAt(), t -> new java.util.ArrayList<>()))
                    .addAll(s.entries());
        }
        return SqliteTransaction.immediate(c, "confirming " + what, tx -> {
            int n = 0;
            for (java.util.Map.Entry<Instant, java.util.List<E>> u : unmarked.entrySet()) {
                n += rows.confirmedInRuns(tx, u.getValue(), u.getKey(), at);
            }
            return n + rows.confirmedInRuns(tx, marked, null, at);
        });
    }

    /**
     * A connection of its own for confirmations (decision 0320), with this outbox's rows and
     * statements.
     */
    @Override
    public ConfirmWriter<E> openConfirmWriter() {
        OwnConnection own = open(dataDirectory, "the confirm writer of the outbox of " + what);
        return new ConfirmWriter<>() {
            @Override
            public synchronized int confirmSent(java.util.List<Sent<E>> sent, Instant at) {
                return SqliteOutboxBase.confirmSent(own.get(), rows, what, sent, at);
            }

            @Override
            public synchronized void close() {
                own.close();
            }
        };
    }

    @Override
    public synchronized int requeue(long fromSeq, long toSeq) {
        return SqliteTransaction.immediate(open(), "re-queueing " + what + " " + fromSeq + ".." + toSeq,
                c -> rows.requeued(c, fromSeq, toSeq));
    }

    @Override
    public synchronized int purgeConfirmed(Instant confirmedBefore) {
        return SqliteTransaction.immediate(open(), "purging confirmed " + what, c -> rows.purged(c, confirmedBefore));
    }

    @Override
    public synchronized OutboxStats stats(Instant now) {
        try {
            return rows.stats(open(), now);
        } catch (SQLException e) {
            throw SqliteErrors.failure("counting the outbox of " + what, e);
        }
    }

    @Override
    public synchronized void close() {
        connection.close();
    }

    /**
     * @return the open connection
     * @throws StoreException when closed
     */
    synchronized Connection open() {
        return connection.get();
    }
}

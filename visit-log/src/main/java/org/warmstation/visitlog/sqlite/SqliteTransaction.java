package org.warmstation.visitlog.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * The visit log's one way to write: {@code BEGIN IMMEDIATE} (the write lock at once, so two
 * writers never deadlock on an upgrade), the work, {@code COMMIT}; on any failure
 * {@code ROLLBACK} and nothing is changed. Blocks on storage and, for up to the busy timeout, on
 * another process's write lock.
 */
public final class SqliteTransaction {
    private static final Logger log = LoggerFactory.getLogger(SqliteTransaction.class);

    private SqliteTransaction() {
    }

    /**
     * Work inside the transaction.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection, inside the transaction
         * @return the result
         * @throws SQLException when a statement fails (the transaction is then rolled back)
         */
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs the work in one immediate transaction on a connection in auto-commit mode.
     *
     * @param c    the connection (not shared with another thread meanwhile)
     * @param what what is being done, for the error message, e.g. "recording a visit"
     * @param work the work
     * @param <T>  its result
     * @return the work's result, committed
     * @throws StoreException   when SQLite fails (message from {@link SqliteErrors}); rolled back
     * @throws RuntimeException what the work threw; rolled back
     */
    public static <T> T immediate(Connection c, String what, Work<T> work) {
        try (Statement tx = c.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(c);
                tx.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    tx.execute("ROLLBACK");
                } catch (SQLException r) {
                    // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing was committed
                    log.debug("rollback after a failed write: {}", r.getMessage());
                }
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteErrors.failure(what, e);
        }
    }
}

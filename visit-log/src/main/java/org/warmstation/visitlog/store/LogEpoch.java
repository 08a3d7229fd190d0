package org.warmstation.visitlog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.SqliteErrors;

/**
 * The epoch of a station's visit log (table {@code log_epoch}, migration V8; decision 0195): a
 * random UUID made once, when the log is created, and sent with its visit batches and day
 * summaries so the district keys visits by (station, epoch, seq). A log that held visits before
 * epochs existed has none. Stateless; blocks on the database.
 */
public final class LogEpoch {
    private LogEpoch() {
    }

    /**
     * Gives a new log its epoch: a random UUID, unless the log already has its row (several
     * processes may open a new log at once: the first insert wins, the others keep it).
     *
     * @param c a connection to the migrated visit log
     * @throws StoreException when SQLite fails
     */
    static void ensure(Connection c) {
        try (PreparedStatement has = c.prepareStatement("SELECT 1 FROM log_epoch WHERE id = 1");
             ResultSet rs = has.executeQuery()) {
            if (rs.next()) {
                return; // the usual case: no write, so opening a log never waits for a writer here
            }
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the visit log's epoch", e);
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT OR IGNORE INTO log_epoch (id, epoch, created_at_ms) VALUES (1, ?, ?)")) {
            st.setString(1, UUID.randomUUID().toString());
            st.setLong(2, Instant.now().toEpochMilli());
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqliteErrors.failure("making the visit log's epoch", e);
        }
    }

    /**
     * The epoch of a data directory's visit log, for the enrollment request (created with the log
     * when there is none yet).
     *
     * @param dataDirectory the station's data directory
     * @return the log's epoch, empty for a log from before epochs
     * @throws StoreException when the log cannot be opened or read
     */
    public static Optional<UUID> of(java.nio.file.Path dataDirectory) {
        try (Connection c = VisitLogDatabase.open(dataDirectory)) {
            return read(c);
        } catch (SQLException e) {
            throw SqliteErrors.failure("closing the visit log", e);
        }
    }

    /**
     * @param c a connection to the visit log (opened by {@link VisitLogDatabase})
     * @return the log's epoch, empty for a log from before epochs
     * @throws StoreException when SQLite fails or the stored epoch is not a UUID
     */
    public static Optional<UUID> read(Connection c) {
        try (PreparedStatement st = c.prepareStatement("SELECT epoch FROM log_epoch WHERE id = 1");
             ResultSet rs = st.executeQuery()) {
            String epoch = rs.next() ? rs.getString(1) : null;
            return epoch == null ? Optional.empty() : Optional.of(UUID.fromString(epoch));
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the visit log's epoch", e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("the visit log's epoch is damaged: " + e.getMessage(), e);
        }
    }
}

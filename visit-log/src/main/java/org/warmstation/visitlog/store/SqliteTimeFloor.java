package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OwnConnection;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.time.BoundedClock;

/**
 * The station's time floor ({@link BoundedClock}) in table {@code time_floor} of the visit log
 * {@code visits.db} (Flyway V7), on a connection of its own. {@link #load()} is the higher of the
 * stored floor and the time of the latest visit recorded on a synced clock (by sequence, read
 * through the primary key). {@link #raise} only ever raises it ({@code MAX} in SQL), so clocks of
 * the kiosk and of the sync agent may share it.
 *
 * <p>Thread-safe: calls are serialised on the connection. Blocks on storage; never call on the UI
 * thread.
 */
public final class SqliteTimeFloor implements BoundedClock.FloorStore, AutoCloseable {
    private final OwnConnection connection;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteTimeFloor(Path dataDirectory) {
        this.connection = new OwnConnection(dataDirectory, "the time floor");
    }

    /** @throws StoreException when the visit log cannot be read */
    @Override
    public synchronized Optional<Instant> load() {
        try (PreparedStatement st = connection.get().prepareStatement("SELECT max(t) FROM ("
                + " SELECT floor_ms AS t FROM time_floor WHERE id = 1"
                + " UNION ALL SELECT t FROM (SELECT recorded_at_ms AS t FROM visit WHERE clock_synced = 1"
                + " ORDER BY seq DESC LIMIT 1))");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            long ms = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the time floor", e);
        }
    }

    /** @throws StoreException when the visit log cannot be written */
    @Override
    public synchronized void raise(Instant floor, String source) {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(source, "source");
        try (PreparedStatement st = connection.get().prepareStatement("INSERT INTO time_floor (id, floor_ms, source)"
                + " VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET floor_ms = excluded.floor_ms, source = excluded.source"
                + " WHERE excluded.floor_ms > time_floor.floor_ms")) {
            st.setLong(1, floor.toEpochMilli());
            st.setString(2, source.length() > 100 ? source.substring(0, 100) : source);
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqliteErrors.failure("writing the time floor", e);
        }
    }

    /** Closes the connection; idempotent. */
    @Override
    public synchronized void close() {
        connection.close();
    }
}

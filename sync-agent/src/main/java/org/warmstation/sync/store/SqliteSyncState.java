package org.warmstation.sync.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.sync.SyncState;

/**
 * {@link SyncState} in the {@code sync_state} table of the station's visit log (sync-agent migration V1, {@link SyncDatabase}).
 * Thread-safe (serialised); blocks on storage.
 */
public final class SqliteSyncState implements SyncState, AutoCloseable {
    private final Connection connection;

    /**
     * @param dataDirectory the station's data directory
     * @throws StoreException when the database cannot be opened
     */
    public SqliteSyncState(Path dataDirectory) {
        this.connection = SyncDatabase.open(dataDirectory);
    }

    @Override
    public synchronized Optional<String> get(String key) {
        try (PreparedStatement st = connection.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading sync state " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void put(String key, String value) {
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            st.setString(1, key);
            st.setString(2, value);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("writing sync state " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing only
        }
    }
}

package org.warmstation.sync.store;

import java.nio.file.Path;
import java.sql.Connection;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * The sync agent's tables ({@code sync_state}, {@code day_summary}, {@code station_key}) in the
 * station's visit-log file, under their own Flyway history ({@code sync_schema_history}, scripts in
 * {@code classpath:db/syncagent}): the visit log below knows nothing of them.
 */
public final class SyncDatabase {
    /** The sync agent's schema beside the visit log's. */
    public static final VisitLogDatabase.Schema SCHEMA =
            new VisitLogDatabase.Schema("classpath:db/syncagent", "sync_schema_history");

    private SyncDatabase() {
    }

    /**
     * Opens the visit-log file with both schemas up to date. Blocks on the file system.
     *
     * @param dataDirectory the station's data directory
     * @return a new connection; the caller closes it
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the file cannot be
     *         opened or migrated
     */
    public static Connection open(Path dataDirectory) {
        return VisitLogDatabase.open(dataDirectory, SCHEMA);
    }
}

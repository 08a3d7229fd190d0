package org.warmstation.visitlog.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * A connection of its own to a data directory's visit log ({@link VisitLogDatabase#open}), for one
 * reader or writer (an outbox, the record log, the ticket, supply, loan and rating stores): open
 * until {@link #close}, after which every use fails with a {@link StoreException} naming what is
 * closed. Not thread-safe: the owner serialises its calls.
 */
public final class OwnConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OwnConnection.class);

    private final String name;
    private Connection connection;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @param what          the owner, for messages, e.g. "the outbox"
     * @throws StoreException when the database cannot be opened or migrated
     */
    public OwnConnection(Path dataDirectory, String what) {
        this.name = what + " of " + Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.connection = VisitLogDatabase.open(dataDirectory);
    }

    /**
     * @return the open connection
     * @throws StoreException when closed
     */
    public Connection get() {
        if (connection == null) {
            throw new StoreException(name + " is closed", null);
        }
        return connection;
    }

    /** Closes the connection; idempotent, a failure is only logged. */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("closing {}: {}", name, e.getMessage());
            }
            connection = null;
        }
    }
}

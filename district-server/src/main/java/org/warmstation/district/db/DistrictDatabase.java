package org.warmstation.district.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The district's PostgreSQL database: a configured server (JDBC URL) or, without one, an
 * {@link EmbeddedPostgresServer} in a data directory; its schema is brought up to date by the
 * Flyway migrations in {@code classpath:db/district} on open.
 *
 * <p>Thread-safe: {@link #connection()} gives each caller its own connection.
 */
public final class DistrictDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistrictDatabase.class);

    private final DataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    private final String url;

    private DistrictDatabase(DataSource dataSource, EmbeddedPostgresServer embedded, String url) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.url = url;
    }

    /**
     * Opens the database and migrates its schema.
     *
     * @param jdbcUrl       a {@code jdbc:postgresql:} URL (user and password may be in it), or empty
     *                      to start the embedded server
     * @param dataDirectory the embedded server's data directory (ignored with a URL)
     * @return the open database
     * @throws IOException  when the embedded server cannot start
     * @throws SQLException when the database cannot be reached or migrated
     */
    public static DistrictDatabase open(Optional<String> jdbcUrl, Path dataDirectory) throws IOException, SQLException {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn"); // it prints the whole URL at INFO
        }
        EmbeddedPostgresServer server = null;
        String url;
        if (jdbcUrl.isPresent() && !jdbcUrl.get().isBlank()) {
            url = jdbcUrl.get();
        } else {
            server = EmbeddedPostgresServer.start(dataDirectory, Duration.ofSeconds(60));
            url = server.jdbcUrl();
        }
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            try (Connection c = ds.getConnection()) {
                LOG.debug("connected to {}", c.getMetaData().getDatabaseProductVersion());
            }
            try {
                Flyway.configure().dataSource(ds).locations("classpath:db/district").load().migrate();
            } catch (RuntimeException e) {
                throw new SQLException("migrating the district schema failed: " + e.getMessage(), e);
            }
            return new DistrictDatabase(ds, server, url);
        } catch (SQLException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /**
     * @return a new connection (auto-commit on); the caller closes it
     * @throws SQLException when the database cannot be reached
     */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** @return the JDBC URL in use (for the embedded server: its 127.0.0.1 URL) */
    public String url() {
        return url;
    }

    /** Stops the embedded server, if one was started. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}

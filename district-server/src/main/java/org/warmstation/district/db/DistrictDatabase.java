package org.warmstation.district.db;

import java.io.IOException;
import java.nio.file.Files;
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

    private final Path urlFile;

    private DistrictDatabase(DataSource dataSource, EmbeddedPostgresServer embedded, String url, Path urlFile) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.url = url;
        this.urlFile = urlFile;
    }

    /** Where a running embedded server announces its URL: {@code <data directory>.url}. */
    private static Path urlFile(Path dataDirectory) {
        Path d = dataDirectory.toAbsolutePath();
        return d.resolveSibling(d.getFileName() + ".url");
    }

    private static Optional<String> runningEmbedded(Path urlFile) {
        try {
            if (!Files.exists(urlFile)) {
                return Optional.empty();
            }
            String u = Files.readString(urlFile).strip();
            if (!u.startsWith("jdbc:postgresql://127.0.0.1:")) {
                return Optional.empty();
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(u);
            ds.setConnectTimeout(2);
            try (Connection c = ds.getConnection()) {
                return Optional.of(u);
            }
        } catch (IOException | SQLException e) {
            LOG.debug("no running embedded server at {}: {}", urlFile, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Opens the database and migrates its schema.
     *
     * @param jdbcUrl       a {@code jdbc:postgresql:} URL (user and password may be in it), or empty
     *                      to start the embedded server
     * @param dataDirectory the embedded server's data directory (ignored with a URL); when another
     *                      process already runs the embedded server there (its URL is in
     *                      {@code <data directory>.url} and answers), that server is used
     * @return the open database
     * @throws IOException  when the embedded server cannot start
     * @throws SQLException when the database cannot be reached or migrated
     */
    public static DistrictDatabase open(Optional<String> jdbcUrl, Path dataDirectory) throws IOException, SQLException {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn"); // it prints the whole URL at INFO
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate") == null) {
            // it warns on every start that outOfOrder (below) is on
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate", "error");
        }
        EmbeddedPostgresServer server = null;
        String url;
        Path urlFile = urlFile(dataDirectory);
        Optional<String> running = Optional.empty();
        if (jdbcUrl.isPresent() && !jdbcUrl.get().isBlank()) {
            url = jdbcUrl.get();
        } else if ((running = runningEmbedded(urlFile)).isPresent()) {
            url = running.get(); // another district-server process runs the embedded server: share it
        } else {
            server = EmbeddedPostgresServer.start(dataDirectory, Duration.ofSeconds(60));
            url = server.jdbcUrl();
            writeOwnerOnly(urlFile, url + "\n"); // the URL holds the generated password (decision 0200)
        }
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            try (Connection c = ds.getConnection()) {
                LOG.debug("connected to {}", c.getMetaData().getDatabaseProductVersion());
            }
            try {
                // outOfOrder: a point release (V4_1) may land after a later version was applied
                Flyway.configure().dataSource(ds).locations("classpath:db/district").outOfOrder(true).load().migrate();
            } catch (RuntimeException e) {
                throw new SQLException("migrating the district schema failed: " + e.getMessage(), e);
            }
            return new DistrictDatabase(ds, server, url, server == null ? null : urlFile);
        } catch (SQLException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
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
            try {
                Files.deleteIfExists(urlFile);
            } catch (IOException e) {
                LOG.debug("could not remove {}: {}", urlFile, e.toString());
            }
            embedded.close();
        }
    }
}

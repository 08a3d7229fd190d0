package org.warmstation.district.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The district's PostgreSQL database: a configured server (JDBC URL) or, without one, an
 * {@link EmbeddedPostgresServer} in a data directory; its schema is brought up to date by the
 * Flyway migrations in {@code classpath:db/district} on open.
 *
 * <p>Connections come from a HikariCP pool with the {@link PoolSettings}' connect, socket and
 * statement timeouts, so a PostgreSQL that is down or hung makes {@link #connection()} and every
 * statement fail within bounded time (decision 0190); {@link #healthy()} probes it.
 *
 * <p>Thread-safe: {@link #connection()} gives each caller its own connection.
 */
public final class DistrictDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistrictDatabase.class);

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    private final String url;

    private final Path urlFile;

    private DistrictDatabase(HikariDataSource dataSource, EmbeddedPostgresServer embedded, String url, Path urlFile) {
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
        return open(jdbcUrl, dataDirectory, PoolSettings.DEFAULT);
    }

    /**
     * Opens the database with the given pool limits and migrates its schema.
     *
     * @param jdbcUrl       as {@link #open(Optional, Path)}
     * @param dataDirectory as {@link #open(Optional, Path)}
     * @param pool          the connection pool's size and timeouts
     * @return the open database
     * @throws IOException  when the embedded server cannot start
     * @throws SQLException when the database cannot be reached or migrated
     */
    public static DistrictDatabase open(Optional<String> jdbcUrl, Path dataDirectory, PoolSettings pool)
            throws IOException, SQLException {
        quietLibraries();
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
            migrate(url, pool);
            return new DistrictDatabase(pool(url, pool), server, url, server == null ? null : urlFile);
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

    /** Migrates on a connection of its own: no statement timeout (a migration may take long). */
    private static void migrate(String url, PoolSettings pool) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setConnectTimeout((int) pool.connectTimeout().toSeconds());
        try (Connection c = ds.getConnection()) {
            LOG.debug("connected to {}", c.getMetaData().getDatabaseProductVersion());
        }
        try {
            // outOfOrder: a point release (V4_1) may land after a later version was applied
            Flyway.configure().dataSource(ds).locations("classpath:db/district").outOfOrder(true).load().migrate();
        } catch (RuntimeException e) {
            throw new SQLException("migrating the district schema failed: " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String url, PoolSettings pool) throws SQLException {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("district-db");
        hc.setJdbcUrl(url);
        hc.setMaximumPoolSize(pool.maxConnections());
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(pool.connectTimeout().toMillis()); // a caller waits this long for a connection
        hc.setValidationTimeout(Math.min(pool.connectTimeout().toMillis(), 5_000));
        hc.addDataSourceProperty("connectTimeout", String.valueOf(pool.connectTimeout().toSeconds()));
        hc.addDataSourceProperty("socketTimeout", String.valueOf(pool.socketTimeout().toSeconds()));
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        hc.setConnectionInitSql("SET statement_timeout = " + pool.statementTimeout().toMillis());
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) { // HikariPool.PoolInitializationException when the first connection fails
            throw new SQLException("opening the connection pool failed: " + e.getMessage(), e);
        }
    }

    private static void quietLibraries() {
        if (System.getProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn"); // narrates start and stop at INFO
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn"); // it prints the whole URL at INFO
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate") == null) {
            // it warns on every start that outOfOrder (below) is on
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate", "error");
        }
    }

    /**
     * Borrows a pooled connection; blocks at most the pool's connect timeout.
     *
     * @return a connection (auto-commit on); the caller closes it, which returns it to the pool
     * @throws SQLException when the database cannot be reached within the connect timeout
     */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Probes the database: borrows a connection and checks it answers. Blocks at most about the
     * pool's connect timeout plus 5 s.
     *
     * @return whether PostgreSQL answered
     */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.debug("database probe failed: {}", e.toString());
            return false;
        }
    }

    /** @return the JDBC URL in use (for the embedded server: its 127.0.0.1 URL) */
    public String url() {
        return url;
    }

    /** Closes the pool and stops the embedded server, if one was started. */
    @Override
    public void close() {
        dataSource.close();
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

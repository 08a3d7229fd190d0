package org.warmstation.visitlog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.SqliteErrors;

/**
 * The station's visit-log database: the single SQLite file {@value #FILE_NAME} in the station's
 * data directory, with its schema applied by Flyway from {@code classpath:db/visitlog}
 * ({@code V1__visit_log.sql}: tables {@code visit} and {@code outbox}), and its epoch made when
 * the file is new ({@link LogEpoch}).
 *
 * <p>Every connection opened here uses write-ahead logging ({@code journal_mode=WAL}, so the
 * sync's outbox reader can read while the kiosk writes), {@code synchronous=FULL} (a commit is
 * on storage before it returns, also across power loss), {@code foreign_keys=ON} and a busy
 * timeout of {@link #BUSY_TIMEOUT}.
 *
 * <p><b>Native library folder.</b> sqlite-jdbc extracts its native library to
 * {@code org.sqlite.tmpdir} (default {@code java.io.tmpdir}, i.e. {@code /tmp}) and loads it from
 * there. Hardened systems mount {@code /tmp} {@code noexec}, where loading the extracted library
 * fails and the terminal could not record a single visit. So, unless the launcher already set
 * {@code -Dorg.sqlite.tmpdir}, the property is set to {@value #NATIVE_FOLDER} in the data
 * directory (which must allow execution) before the driver loads. The property is read once per
 * JVM, when the first SQLite connection is opened: the first data directory wins.
 *
 * <p>Stateless; methods block on the file system.
 */
public final class VisitLogDatabase {
    /** Name of the database file in the data directory. */
    public static final String FILE_NAME = "visits.db";
    /** Folder in the data directory that sqlite-jdbc extracts its native library to. */
    public static final String NATIVE_FOLDER = "sqlite-native";
    /** How long a write waits for another connection's write to finish before failing. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** Name of the system property sqlite-jdbc reads the extraction folder from. */
    public static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";

    private static final Logger log = LoggerFactory.getLogger(VisitLogDatabase.class);
    private static final String MIGRATIONS = "classpath:db/visitlog";
    private static final String DB_MIGRATE_LOG = "org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate";
    private static Path nativeFolder;

    static {
        if (System.getProperty(DB_MIGRATE_LOG) == null) {
            // Flyway warns at every migrate that outOfOrder (below) is on: a WARN for each schema of
            // each open of the log, at every start of the kiosk, about a setting, not a problem
            System.setProperty(DB_MIGRATE_LOG, "error");
        }
    }

    private VisitLogDatabase() {
    }

    /**
     * @param dataDirectory the station's data directory
     * @return the database file in it
     */
    public static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    /**
     * Creates the data directory if needed, prepares the native-library folder, brings the schema
     * up to date (Flyway migrate) and opens a connection in auto-commit mode with the settings
     * described above.
     *
     * @param dataDirectory the station's data directory; must be writable and allow execution
     * @return a new connection; the caller closes it. A JDBC connection is not thread-safe.
     * @throws StoreException when the directory cannot be created, the database cannot be opened
     *                        or migrated (e.g. a damaged file, a disk full)
     */
    public static Connection open(Path dataDirectory) {
        return open(dataDirectory, new Schema[0]);
    }

    /**
     * A schema that a module above keeps in the same file beside the visit log (the sync agent's
     * state and ledger): its own Flyway location and history table, migrated after the visit
     * log's. Its first migration may find its tables already there (created by an older terminal).
     *
     * @param location     Flyway location, e.g. {@code classpath:db/syncagent}
     * @param historyTable its Flyway history table, e.g. {@code sync_schema_history}
     */
    public record Schema(String location, String historyTable) {
        public Schema {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(historyTable, "historyTable");
        }
    }

    /**
     * As {@link #open(Path)}, and brings the given schemas of modules above up to date too.
     *
     * @param dataDirectory the station's data directory; must be writable and allow execution
     * @param schemas       further schemas in the same file, migrated in order
     * @return a new connection; the caller closes it. A JDBC connection is not thread-safe.
     * @throws StoreException when the directory cannot be created, the database cannot be opened
     *                        or migrated (e.g. a damaged file, a disk full)
     */
    public static Connection open(Path dataDirectory, Schema... schemas) {
        Path db = file(dataDirectory);
        try {
            Files.createDirectories(dataDirectory);
            useNativeFolderIn(dataDirectory);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDirectory + ": " + e, e);
        }
        SQLiteDataSource source = new SQLiteDataSource(config());
        source.setUrl("jdbc:sqlite:" + db);
        migrate(source, db, new Schema(MIGRATIONS, "flyway_schema_history"), false);
        for (Schema schema : schemas) {
            migrate(source, db, schema, true);
        }
        Connection c;
        try {
            c = source.getConnection();
        } catch (SQLException e) {
            throw SqliteErrors.failure("opening " + db, e);
        }
        try {
            LogEpoch.ensure(c); // a new log gets its epoch when it is created
        } catch (StoreException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing after a failure: {}", e.toString());
        }
    }

    /**
     * Points sqlite-jdbc's native-library extraction at {@code dataDirectory/}{@value #NATIVE_FOLDER}
     * unless {@value #TMPDIR_PROPERTY} is already set; creates that folder. Only the first call
     * in a JVM chooses; later calls return the folder chosen then.
     *
     * @param dataDirectory the station's data directory
     * @return the folder the native library is (or will be) extracted to
     * @throws IOException when the folder cannot be created
     */
    public static synchronized Path useNativeFolderIn(Path dataDirectory) throws IOException {
        if (nativeFolder == null) {
            String set = System.getProperty(TMPDIR_PROPERTY);
            Path folder = set != null ? Path.of(set) : dataDirectory.resolve(NATIVE_FOLDER).toAbsolutePath();
            Files.createDirectories(folder);
            if (set == null) {
                System.setProperty(TMPDIR_PROPERTY, folder.toString());
            }
            log.debug("sqlite-jdbc native library folder: {}", folder);
            nativeFolder = folder;
        }
        return nativeFolder;
    }

    static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        return config;
    }

    /**
     * @param beside whether the schema shares the file with others: the file is not empty when its
     *               history table is first made (baseline at version 0, so its V1 still runs)
     */
    private static void migrate(SQLiteDataSource source, Path db, Schema schema, boolean beside) {
        try {
            var result = Flyway.configure(VisitLogDatabase.class.getClassLoader())
                    .dataSource(source)
                    .locations(schema.location())
                    .table(schema.historyTable())
                    .baselineOnMigrate(beside)
                    .baselineVersion("0")
                    // a terminal from before the visit-log module applied the sync tables as the
                    // visit log's V101; they are the sync agent's migration now. That entry is
                    // "future" to the visit log (above its newest script): ignore it, and apply
                    // later visit-log scripts (V3 ...) out of order below it
                    .ignoreMigrationPatterns("*:missing", "*:future")
                    .outOfOrder(true)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("visit log {} migrated to schema version {}", db, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql) {
                throw SqliteErrors.failure("preparing the schema of " + db, sql);
            }
            throw new StoreException("cannot prepare the schema of the visit log " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Limits a connection's database to a number of pages ({@code PRAGMA max_page_count}, that
     * connection only): writes that reach it fail as on a full disk (SQLITE_FULL). Lets tests fill
     * the log without filling a disk. Blocks on the database.
     *
     * @param c        the connection
     * @param maxPages the most pages the file may have (SQLite's page size, 4 KiB by default)
     * @throws StoreException when SQLite refuses
     */
    public static void limitPages(Connection c, long maxPages) {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA max_page_count = " + maxPages);
        } catch (SQLException e) {
            throw SqliteErrors.failure("limiting the database size", e);
        }
    }
}

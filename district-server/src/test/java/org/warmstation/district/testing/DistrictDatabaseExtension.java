package org.warmstation.district.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.warmstation.district.db.DistrictDatabase;

/**
 * A real embedded PostgreSQL district database for a test class: opened (and migrated) once in a
 * fresh temporary directory before the class, the named tables emptied before each test (before
 * the class's own {@code @BeforeEach} methods run), closed and its directory deleted after the
 * class. Register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("downlink", "station");
 * }</pre>
 *
 * Blocks while the database starts and stops; the tests of one class share it, so they must not
 * run concurrently.
 */
public final class DistrictDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final List<String> truncated;
    private Path dir;
    private DistrictDatabase database;

    /**
     * @param truncated the tables to empty before each test (one {@code TRUNCATE ... CASCADE}, so the
     *                  tables referencing them are emptied too); none keeps
     *                  every row for the whole class
     */
    public DistrictDatabaseExtension(String... truncated) {
        this.truncated = List.of(truncated);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        dir = Files.createTempDirectory("district-db-test");
        database = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (truncated.isEmpty()) {
            return;
        }
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            // CASCADE: tables that reference these (station_epoch references station) are emptied too
            st.execute("TRUNCATE " + String.join(", ", truncated) + " CASCADE");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (database != null) {
            database.close();
            database = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            dir = null;
        }
    }

    /**
     * @return the open database
     * @throws IllegalStateException outside the test class's lifetime
     */
    public DistrictDatabase database() {
        if (database == null) {
            throw new IllegalStateException("the district database is open only while its test class runs");
        }
        return database;
    }
}

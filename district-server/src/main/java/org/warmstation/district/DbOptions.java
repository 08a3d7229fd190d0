package org.warmstation.district;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Database options shared by every command, and the one way the commands open the database. */
final class DbOptions {
    @Option(names = "--jdbc-url", defaultValue = "${env:DISTRICT_JDBC_URL}",
            description = "PostgreSQL JDBC URL (env DISTRICT_JDBC_URL); without it an embedded PostgreSQL runs in --data-dir")
    String jdbcUrl;

    @Option(names = "--data-dir", defaultValue = "district-data/postgres",
            description = "data directory of the embedded PostgreSQL (default: ${DEFAULT-VALUE})")
    Path dataDir;

    /** Work done on one connection, printing to the command's out. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, PrintWriter out) throws Exception;
    }

    DistrictDatabase open() throws IOException, SQLException {
        return DistrictDatabase.open(Optional.ofNullable(jdbcUrl), dataDir);
    }

    /**
     * Opens the database, runs {@code work} on one connection with the command's out, flushes the out
     * and closes both.
     */
    <T> T withConnection(CommandSpec spec, Work<T> work) throws Exception {
        try (DistrictDatabase database = open(); Connection c = database.connection()) {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return work.run(c, out);
            } finally {
                out.flush();
            }
        }
    }
}

package org.warmstation.district;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.PoolSettings;
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

    @Option(names = "--db-pool-size", defaultValue = "20", description = "connections in the pool at most (default: ${DEFAULT-VALUE})")
    int poolSize;

    @Option(names = "--db-connect-timeout", converter = DurationConverter.class, defaultValue = "5s",
            description = "longest wait to connect to PostgreSQL or for a pooled connection (default: ${DEFAULT-VALUE})")
    Duration connectTimeout;

    @Option(names = "--db-statement-timeout", converter = DurationConverter.class, defaultValue = "30s",
            description = "longest run of one SQL statement; the socket timeout is twice it (default: ${DEFAULT-VALUE})")
    Duration statementTimeout;

    /** Work done on one connection, printing to the command's out. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, PrintWriter out) throws Exception;
    }

    DistrictDatabase open() throws IOException, SQLException {
        return DistrictDatabase.open(Optional.ofNullable(jdbcUrl), dataDir, pool());
    }

    /** @return the pool limits from the options (defaults when picocli did not fill them) */
    PoolSettings pool() {
        if (connectTimeout == null || statementTimeout == null) {
            return PoolSettings.DEFAULT;
        }
        return new PoolSettings(poolSize, connectTimeout, statementTimeout.multipliedBy(2), statementTimeout);
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

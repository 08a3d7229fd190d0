package org.warmstation.visitlog.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * Child process of {@link NoexecTmpTest}. {@code plain}: opens SQLite the ordinary way, native
 * library extracted to {@code java.io.tmpdir}. {@code store DIR}: opens the visit log in the data
 * directory DIR and records a visit. Prints {@code OK} and the native folder on success; any
 * failure ends the process with its stack trace and a non-zero status.
 */
public final class NativeLoadProbe {
    private NativeLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("plain")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                c.createStatement().execute("SELECT 1");
            }
            System.out.println("OK plain");
            return;
        }
        Path data = Path.of(args[1]);
        try (SqliteVisitStore store = new SqliteVisitStore(data)) {
            Visit v = store.record(new Visit(UUID.randomUUID(), 0, "probe", Instant.now(), ZoneId.of("Asia/Shanghai"),
                    null, 0, WorkerCategory.OTHER, Set.of(), VisitSource.GUEST, false, Duration.ZERO));
            Path folder = Path.of(System.getProperty(VisitLogDatabase.TMPDIR_PROPERTY));
            try (var files = Files.list(folder)) {
                System.out.println("OK store seq=" + v.sequence() + " native=" + folder + " files="
                        + files.map(p -> p.getFileName().toString()).toList());
            }
        }
    }
}

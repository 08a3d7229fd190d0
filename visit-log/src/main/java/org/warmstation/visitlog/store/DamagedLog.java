package org.warmstation.visitlog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.SqliteErrors;

/**
 * Finds a damaged visit log before the terminal opens it, and sets it aside (decision 0196): a file
 * SQLite cannot read as a database, whose {@code PRAGMA integrity_check} reports a problem, or that
 * the running kiosk marked as damaged ({@link #markDamaged}, decision 0260), is
 * moved (never deleted; the check opens it read-only, so the database and its WAL are moved as they
 * were; only SQLite's shared-memory index {@code -shm} may be touched) together with its
 * {@code -wal} and {@code -shm} files to
 * {@code visits-damaged-<UTC time>.db} (and {@code .db-wal}, {@code .db-shm}) in the same folder,
 * so SQLite can still open the three as one for a later rescue; the next open of the data directory
 * then creates a fresh log under a new epoch ({@link LogEpoch}).
 *
 * <p>Stateless; blocks on the file system. Call it before any connection to the log is opened.
 */
public final class DamagedLog {
    private static final Logger log = LoggerFactory.getLogger(DamagedLog.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> COMPANIONS = List.of("-wal", "-shm");
    /** Next to the log: written when the running kiosk finds the log corrupt (decision 0260). */
    static final String MARKER_SUFFIX = ".damaged";

    /**
     * A damaged log that was set aside.
     *
     * @param reason what SQLite said, e.g. {@code file is not a database}
     * @param file   where the database file went
     * @param moved  every file moved (the database first, then its {@code -wal} and {@code -shm} if present)
     */
    public record SetAside(String reason, Path file, List<Path> moved) {
        public SetAside {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(file, "file");
            moved = List.copyOf(moved);
        }
    }

    private DamagedLog() {
    }

    /**
     * Checks the visit log of a data directory and, when it is damaged, sets it aside.
     *
     * @param dataDirectory the station's data directory
     * @param now           the time the set-aside files are named after
     * @return what was set aside; empty when there is no log yet or it is sound
     * @throws StoreException when the log cannot be checked for another reason (e.g. it cannot be
     *                        opened at all, or is locked), or a damaged log cannot be moved: then
     *                        nothing was moved
     */
    public static Optional<SetAside> setAsideIfDamaged(Path dataDirectory, Instant now) {
        Path db = VisitLogDatabase.file(dataDirectory);
        Path marker = marker(dataDirectory);
        if (!Files.exists(db)) {
            deleteMarker(marker);
            return Optional.empty();
        }
        Optional<String> found = foundWhileRunning(marker);
        Optional<String> damage = found.isPresent() ? found : check(dataDirectory, db);
        if (damage.isEmpty()) {
            return Optional.empty();
        }
        SetAside aside = moveAside(db, damage.get(), now);
        deleteMarker(marker);
        return Optional.of(aside);
    }

    /**
     * Records that the running kiosk found the visit log corrupt, so that the next start sets it
     * aside even if {@code PRAGMA integrity_check} passes then (SQLite reports some damage only on
     * the pages it touches). Blocks on the file system; never throws: a marker that cannot be
     * written is logged, and the next start's own check decides.
     *
     * @param dataDirectory the station's data directory
     * @param reason        what SQLite said
     * @param now           when
     * @return whether the marker was written
     */
    public static boolean markDamaged(Path dataDirectory, String reason, Instant now) {
        Path marker = marker(dataDirectory);
        try {
            Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(tmp, now + " " + reason.replace('\n', ' ') + "\n", java.nio.charset.StandardCharsets.UTF_8);
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.error("visit log of {} found damaged while running ({}): it is set aside at the next start", dataDirectory,
                    reason);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("visit log of {} found damaged while running ({}), and the marker {} could not be written: {}",
                    dataDirectory, reason, marker, e.toString());
            return false;
        }
    }

    private static Path marker(Path dataDirectory) {
        Path db = VisitLogDatabase.file(dataDirectory);
        return db.resolveSibling(db.getFileName() + MARKER_SUFFIX);
    }

    private static Optional<String> foundWhileRunning(Path marker) {
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(marker, java.nio.charset.StandardCharsets.UTF_8).strip();
            return Optional.of("found damaged while running: " + (text.length() > 300 ? text.substring(0, 300) : text));
        } catch (IOException | RuntimeException e) {
            return Optional.of("found damaged while running (marker unreadable: " + e + ")");
        }
    }

    private static void deleteMarker(Path marker) {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", marker, e.toString());
        }
    }

    /** @return why the log is damaged, empty when it is sound */
    private static Optional<String> check(Path dataDirectory, Path db) {
        try {
            VisitLogDatabase.useNativeFolderIn(dataDirectory);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDirectory + ": " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true); // no checkpoint, no recovery write: the file is set aside as it was
        config.setBusyTimeout((int) VisitLogDatabase.BUSY_TIMEOUT.toMillis());
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + db);
        try (Connection c = source.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check(1)")) {
            String first = rs.next() ? rs.getString(1) : "no answer from integrity_check";
            return "ok".equals(first) ? Optional.empty() : Optional.of("integrity_check: " + first);
        } catch (SQLException e) {
            int code = SqliteErrors.primaryCode(e);
            if (code == 11 || code == 26) { // SQLITE_CORRUPT, SQLITE_NOTADB
                return Optional.of(e.getMessage());
            }
            throw SqliteErrors.failure("checking the visit log " + db, e);
        }
    }

    private static SetAside moveAside(Path db, String reason, Instant now) {
        String base = "visits-damaged-" + STAMP.format(now);
        Path dir = db.toAbsolutePath().getParent();
        Path target = dir.resolve(base + ".db");
        for (int n = 2; Files.exists(target); n++) { // two damages within one second
            target = dir.resolve(base + "-" + n + ".db");
        }
        List<Path> moved = new ArrayList<>();
        try {
            moved.add(move(db, target));
            for (String suffix : COMPANIONS) {
                Path companion = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(companion)) {
                    moved.add(move(companion, target.resolveSibling(target.getFileName() + suffix)));
                }
            }
        } catch (IOException e) {
            throw new StoreException("the visit log " + db + " is damaged (" + reason + ") and could not be set aside"
                    + " (moved so far: " + moved + "): " + e, e);
        }
        log.error("visit log {} is damaged ({}): set aside as {}; a fresh log starts under a new epoch",
                db, reason, target);
        return new SetAside(reason, target, moved);
    }

    private static Path move(Path from, Path to) throws IOException {
        return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
}

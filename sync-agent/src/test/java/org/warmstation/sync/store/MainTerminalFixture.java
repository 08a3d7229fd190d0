package org.warmstation.sync.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.visitlog.store.MainVisitLogFixture;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * The whole visits.db of a terminal running the code of main on 2026-12-06 (commit 377d56e):
 * the visit log of {@link MainVisitLogFixture} and, beside it under their own Flyway history, the
 * sync agent's tables as that code wrote them: two applied downlinks in sync_state, the station
 * key, the day summary of 2026-12-05 closed and published. Written with that commit's code by
 * {@link #main} (see {@code fixtures/README.md} of visit-log's test resources); kept here to say
 * how, and as the scenario {@code UpgradeFromMainTerminalTest} checks.
 */
public final class MainTerminalFixture {
    /** Class-path name of the committed fixture. */
    public static final String RESOURCE = "/fixtures/terminal-main-2026-12-06.db";
    /** The day closed and published in the fixture. */
    public static final LocalDate CLOSED_DAY = LocalDate.of(2026, 12, 5);
    /** When its summary was published. */
    public static final Instant PUBLISHED_AT = Instant.parse("2026-12-05T16:05:00Z");
    /** The station's topics. */
    public static final Topics TOPICS = new Topics(110105, MainVisitLogFixture.STATION);
    /** sync_state value of the SETTINGS downlink applied ("issuedAt id"). */
    public static final String SETTINGS_APPLIED = "2026-12-04T02:00:00Z 0193a1b2-0000-7000-8000-0000000000a1";
    /** sync_state value of the DENY_LIST downlink applied. */
    public static final String DENY_LIST_APPLIED = "2026-12-05T01:00:00Z 0193a1b2-0000-7000-8000-0000000000a2";

    private MainTerminalFixture() {
    }

    /**
     * @param dataDirectory an empty or missing directory
     * @return the file written
     * @throws Exception when it cannot be written
     */
    public static Path write(Path dataDirectory) throws Exception {
        MainVisitLogFixture.write(dataDirectory);
        try (SqliteSyncState state = new SqliteSyncState(dataDirectory)) {
            state.put("downlink.applied.SETTINGS", SETTINGS_APPLIED);
            state.put("downlink.applied.DENY_LIST", DENY_LIST_APPLIED);
        }
        KeyPair key = StationKeyStore.loadOrCreate(dataDirectory);
        try (SqliteLedger ledger = new SqliteLedger(dataDirectory, TOPICS, MainVisitLogFixture.ZONE, key)) {
            if (ledger.closeThrough(CLOSED_DAY).size() != 1) {
                throw new IllegalStateException("one day summary expected");
            }
            ledger.markPublished(CLOSED_DAY, PUBLISHED_AT);
        }
        Path file = VisitLogDatabase.file(dataDirectory);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return file;
    }

    /**
     * Writes the fixture into {@code args[0]}.
     *
     * @param args the target file
     * @throws Exception when it cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path dir = Files.createTempDirectory("terminal-fixture");
        Path file = write(dir);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.println("wrote " + target + " (" + Files.size(target) + " bytes)");
    }
}

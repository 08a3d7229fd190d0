package org.warmstation.visitlog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.VisitRows;

/**
 * Reads what can still be read from a visit log that was set aside as damaged ({@link DamagedLog},
 * decision 0270), so that its visits reach the district under their own epoch: its epoch, its
 * station and every readable visit. The file is never written: it is copied (with its
 * {@code -wal}) into a temporary folder and the copy is opened read-only. A whole-table read is
 * tried first; if SQLite finds damage, each sequence number up to the highest one seen is read on
 * its own (by the seq index, then by row id), and the ones that cannot be read are counted.
 * Blocks on the file system; not thread-safe (one rescue at a time per file).
 */
public final class LogRescue {
    private static final Logger log = LoggerFactory.getLogger(LogRescue.class);
    private static final String SELECT = "SELECT " + VisitRows.COLUMNS + ", revision FROM visit ";
    /** Row ids tried past the highest seq read when the seq index itself is damaged. */
    private static final int PROBE_PAST = 10_000;

    /**
     * What was read.
     *
     * @param epoch      the log's epoch, empty when it could not be read (or the log predates epochs)
     * @param station    the station id of its visits, or empty when none could be read
     * @param visits     every visit read, by increasing seq, at its revision
     * @param unreadable visits that could not be read: sequence numbers missing below the highest one
     *                   read, and rows refused as invalid
     * @param damageSeen whether SQLite reported damage on the way (else the whole table was read)
     */
    public record Rescued(Optional<UUID> epoch, Optional<String> station, List<WireVisit> visits, int unreadable,
                          boolean damageSeen) {
        public Rescued {
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(station, "station");
            visits = List.copyOf(visits);
        }
    }

    private LogRescue() {
    }

    /**
     * @param damagedDb a set-aside visit log, e.g. {@code visits-damaged-20261206T083000Z.db}
     * @return what could be read
     * @throws IOException    when the file cannot be copied
     * @throws StoreException when SQLite cannot open it at all (not a database: nothing to rescue)
     */
    public static Rescued read(Path damagedDb) throws IOException {
        Path tmp = Files.createTempDirectory("visit-log-rescue");
        try {
            Path copy = tmp.resolve("rescue.db");
            Files.copy(damagedDb, copy);
            Path wal = damagedDb.resolveSibling(damagedDb.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, tmp.resolve("rescue.db-wal"));
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + copy);
            try (Connection c = source.getConnection()) {
                return read(c);
            } catch (SQLException e) {
                throw SqliteErrors.failure("opening " + damagedDb + " to rescue its visits", e);
            }
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Rescued read(Connection c) {
        Optional<UUID> epoch;
        try {
            epoch = LogEpoch.read(c);
        } catch (RuntimeException e) {
            log.warn("the damaged log's epoch cannot be read: {}", e.getMessage());
            epoch = Optional.empty();
        }
        TreeMap<Long, WireVisit> visits = new TreeMap<>();
        List<String> stations = new ArrayList<>();
        int[] bad = {0};
        boolean damage = false;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT + "ORDER BY rowid")) {
            while (rs.next()) {
                add(rs, visits, stations, bad);
            }
        } catch (SQLException e) {
            damage = true;
            log.warn("the damaged log's visit table cannot be read whole ({}); reading each visit on its own",
                    e.getMessage());
            probe(c, visits, stations, bad);
        }
        if (stations.stream().distinct().count() > 1) {
            log.warn("the damaged log holds visits of several stations: {}", stations.stream().distinct().toList());
        }
        long missing = visits.isEmpty() ? 0 : visits.lastKey() - visits.size(); // seqs run 1, 2, 3 … without gaps
        return new Rescued(epoch, stations.stream().findFirst(), new ArrayList<>(visits.values()),
                (int) Math.min(Integer.MAX_VALUE, missing + bad[0]), damage);
    }

    /** Each seq from 1 to the highest one readable (by the seq index), then each row id beyond. */
    private static void probe(Connection c, TreeMap<Long, WireVisit> visits, List<String> stations, int[] bad) {
        long highest = visits.isEmpty() ? 0 : visits.lastKey();
        try (PreparedStatement bySeq = c.prepareStatement(SELECT + "WHERE seq = ?");
             PreparedStatement byRow = c.prepareStatement(SELECT + "WHERE rowid = ?")) {
            highest = Math.max(highest, highestSeq(c));
            for (long seq = 1; seq <= highest; seq++) {
                if (visits.containsKey(seq)) {
                    continue;
                }
                if (!one(bySeq, seq, visits, stations, bad)) {
                    one(byRow, seq, visits, stations, bad); // row ids follow seqs in a log written in order
                }
            }
            int misses = 0; // row ids past the highest seq: visits whose seq index entries were lost
            for (long row = highest + 1; misses < PROBE_PAST; row++) {
                misses = one(byRow, row, visits, stations, bad) ? 0 : misses + 1;
            }
        } catch (SQLException e) {
            log.warn("the damaged log cannot be probed: {}", e.getMessage());
        }
    }

    private static long highestSeq(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(seq) FROM visit")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** @return whether a readable visit came back (a visit refused as invalid counts as unreadable) */
    private static boolean one(PreparedStatement st, long key, TreeMap<Long, WireVisit> visits, List<String> stations,
                               int[] bad) {
        try {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && add(rs, visits, stations, bad);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean add(ResultSet rs, TreeMap<Long, WireVisit> visits, List<String> stations, int[] bad)
            throws SQLException {
        try {
            WireVisit v = VisitRows.readWire(rs, rs.getInt(13));
            if (visits.putIfAbsent(v.seq(), v) == null) {
                stations.add(rs.getString(3));
            }
            return true;
        } catch (IllegalArgumentException | DateTimeException e) {
            bad[0]++;
            log.warn("a visit row of the damaged log is invalid: {}", e.getMessage());
            return false;
        }
    }
}

package org.warmstation.sync.store;

import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.Ledger;

/**
 * The {@link Ledger} in the {@code day_summary} table of the visit log (sync-agent migration V1, {@link SyncDatabase}). A day's
 * range runs from the seq after the previous summary's last seq to the highest seq recorded
 * before the end of that day (station zone); the station's first summary starts at seq 1 on the
 * local date of its first visit. Each summary carries the log's epoch (decision 0195): a fresh log
 * starts again at seq 1 and the zero hash. The uuids are streamed from SQLite (bounded memory).
 * Thread-safe (serialised); blocks on storage.
 */
public final class SqliteLedger implements Ledger, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteLedger.class);
    private static final int MAX_DAYS_PER_CALL = 400;

    private final Connection connection;
    private final Topics topics;
    private final ZoneId zone;
    private final KeyPair stationKey;
    /** The visit log's epoch, in every summary (null for a log from before epochs). */
    private final UUID epoch;

    /**
     * @param dataDirectory the station's data directory
     * @param topics        district and station
     * @param zone          the station's zone
     * @param stationKey    the station's Ed25519 key pair
     * @throws StoreException when the database cannot be opened
     */
    public SqliteLedger(Path dataDirectory, Topics topics, ZoneId zone, KeyPair stationKey) {
        this.connection = SyncDatabase.open(dataDirectory);
        try {
            this.epoch = LogEpoch.read(connection).orElse(null);
        } catch (StoreException e) {
            close();
            throw e;
        }
        this.topics = topics;
        this.zone = zone;
        this.stationKey = stationKey;
    }

    @Override
    public synchronized List<DaySummary> closeThrough(LocalDate date) {
        List<DaySummary> made = new ArrayList<>();
        try (Statement tx = connection.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            try {
                LocalDate day;
                long prevLast;
                String prevHash;
                try (ResultSet rs = tx.executeQuery("SELECT date, last_seq, chain_hash FROM day_summary ORDER BY date DESC LIMIT 1")) {
                    if (rs.next()) {
                        day = LocalDate.parse(rs.getString(1)).plusDays(1);
                        prevLast = rs.getLong(2);
                        prevHash = rs.getString(3);
                    } else {
                        day = firstVisitDate();
                        prevLast = 0;
                        prevHash = DaySummary.GENESIS_HASH;
                    }
                }
                for (int i = 0; day != null && !day.isAfter(date) && i < MAX_DAYS_PER_CALL; i++, day = day.plusDays(1)) {
                    DaySummary s = close(day, prevLast, prevHash);
                    made.add(s);
                    prevLast = s.lastSeq();
                    prevHash = s.chainHash();
                }
                tx.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                tx.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("closing the day ledger: " + e.getMessage(), e);
        }
        if (!made.isEmpty()) {
            log.info("day ledger closed {} day(s) up to {}", made.size(), date);
        }
        return made;
    }

    private LocalDate firstVisitDate() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT recorded_at_ms FROM visit ORDER BY seq LIMIT 1")) {
            return rs.next() ? Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate() : null;
        }
    }

    private DaySummary close(LocalDate day, long prevLast, String prevHash) throws SQLException {
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long lastSeq;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), ?) FROM visit WHERE seq > ? AND recorded_at_ms < ?")) {
            st.setLong(1, prevLast);
            st.setLong(2, prevLast);
            st.setLong(3, end);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                lastSeq = rs.getLong(1);
            }
        }
        String chain;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT id FROM visit WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            st.setLong(1, prevLast);
            st.setLong(2, lastSeq);
            try (ResultSet rs = st.executeQuery()) {
                chain = DaySummary.chain(prevHash, uuids(rs));
            }
        }
        DaySummary s = DaySummary.sign(topics.district(), topics.station(), day, zone, prevLast + 1, lastSeq, prevHash,
                chain, stationKey, epoch);
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO day_summary (date, first_seq, last_seq,"
                + " visit_count, previous_hash, chain_hash, payload, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, day.toString());
            st.setLong(2, s.firstSeq());
            st.setLong(3, s.lastSeq());
            st.setLong(4, s.visitCount());
            st.setString(5, prevHash);
            st.setString(6, chain);
            st.setBytes(7, Wire.encode(s));
            st.setLong(8, Instant.now().toEpochMilli());
            st.executeUpdate();
        }
        return s;
    }

    private static Iterator<UUID> uuids(ResultSet rs) {
        return new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    try {
                        ahead = rs.next();
                    } catch (SQLException e) {
                        throw new StoreException("reading visit ids: " + e.getMessage(), e);
                    }
                }
                return ahead;
            }

            @Override
            public UUID next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    return UUID.fromString(rs.getString(1));
                } catch (SQLException e) {
                    throw new StoreException("reading visit ids: " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public synchronized List<DaySummary> unpublished() {
        List<DaySummary> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload FROM day_summary WHERE published_at_ms IS NULL ORDER BY date LIMIT 31")) {
            while (rs.next()) {
                out.add(Wire.decode(rs.getBytes(1), DaySummary.class));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading unpublished day summaries: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void markPublished(LocalDate date, Instant at) {
        try (PreparedStatement st = connection.prepareStatement("UPDATE day_summary SET published_at_ms = ? WHERE date = ?")) {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, date.toString());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("marking day summary " + date + " published: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing only
        }
    }
}

package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitStore;
import org.warmstation.visitlog.sqlite.OutboxRows;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;
import org.warmstation.visitlog.sqlite.VisitRows;
import org.warmstation.visitlog.time.BootId;
import org.warmstation.visitlog.time.ClockSync;

/**
 * The visit log in the SQLite file {@code visits.db} of the station's data directory (see
 * {@link VisitLogDatabase} for the file, its settings and schema).
 *
 * <p>Each visit is written with its outbox row in one transaction ({@code BEGIN IMMEDIATE} …
 * {@code COMMIT}, WAL with {@code synchronous=FULL}): after {@link #record} returns the visit is
 * on storage, and a failure (disk full, I/O error, power loss, kill) leaves either the whole
 * visit and its outbox row or nothing. Sequence numbers are {@code max(seq) + 1} inside that
 * transaction, so they run 1, 2, 3 … without gaps.
 *
 * <p>Every visit is stored with the {@link BootId} of the boot it was recorded in. Visits recorded
 * before the clock was synced get their times corrected by {@link #correctUnsyncedVisits} once a
 * synced reading of the same boot is known; those of earlier boots stay flagged unsynced.
 *
 * <p>Thread-safe: calls are serialised on one connection. Every method blocks on storage; never
 * call on the UI thread. Other processes (the sync's outbox reader) may open the same file; they
 * wait up to {@link VisitLogDatabase#BUSY_TIMEOUT} for a write lock.
 */
public final class SqliteVisitStore implements VisitStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteVisitStore.class);
    private static final String SELECT = "SELECT " + VisitRows.COLUMNS + " FROM visit ";

    private final Path file;
    private final InstantSource outboxClock;
    private final BootId bootId;
    private Connection connection;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory, recording
     * visits as of the current boot ({@link BootId#current()}).
     *
     * @param dataDirectory the station's data directory, writable, allowing execution (the
     *                      SQLite native library is extracted into it)
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteVisitStore(Path dataDirectory) {
        this(dataDirectory, InstantSource.system());
    }

    /**
     * @param dataDirectory as above
     * @param outboxClock   source of the outbox bookkeeping time {@code created_at_ms}
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteVisitStore(Path dataDirectory, InstantSource outboxClock) {
        this(dataDirectory, outboxClock, BootId.current());
    }

    /**
     * @param dataDirectory as above
     * @param outboxClock   source of the outbox bookkeeping time {@code created_at_ms}
     * @param bootId        the boot that the visits' time since boot counts from (stored with each)
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteVisitStore(Path dataDirectory, InstantSource outboxClock, BootId bootId) {
        this.file = VisitLogDatabase.file(dataDirectory);
        this.outboxClock = Objects.requireNonNull(outboxClock, "outboxClock");
        this.bootId = Objects.requireNonNull(bootId, "bootId");
        this.connection = VisitLogDatabase.open(dataDirectory);
        log.info("visit log open: {}", file);
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Visit record(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        return SqliteTransaction.immediate(open(), "recording a visit", c -> insert(c, visit));
    }

    /**
     * Records visits in the given order in one transaction, all or none (a backlog, an import):
     * each as {@link #record} would, without a commit per visit. Blocks on storage.
     *
     * @param visits the visits; their sequence numbers are ignored and assigned here
     * @return the visits as stored, with their sequence numbers
     * @throws StoreException when the log cannot be written; then none is recorded
     */
    public synchronized List<Visit> recordAll(List<Visit> visits) {
        Objects.requireNonNull(visits, "visits");
        return SqliteTransaction.immediate(open(), "recording " + visits.size() + " visits", c -> {
            List<Visit> stored = new ArrayList<>(visits.size());
            for (Visit v : visits) {
                stored.add(insert(c, v));
            }
            return stored;
        });
    }

    private Visit insert(Connection c, Visit visit) throws SQLException {
        long seq;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM visit")) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO visit (" + VisitRows.COLUMNS
                + ", boot_id, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            VisitRows.bind(st, visit, seq);
            st.setString(13, bootId.value());
            st.executeUpdate();
        }
        OutboxRows.queue(c, seq, 1, outboxClock.instant());
        return VisitRows.asStored(visit, seq);
    }

    /**
     * {@inheritDoc}
     *
     * <p>In one transaction: the visit's {@code services} and {@code revision + 1} are written and
     * its outbox row is set back to {@code CREATED} with the new revision ({@code published_at_ms},
     * {@code confirmed_at_ms} cleared, {@code attempts} 0), so the changed visit is sent again. An
     * outbox reader must therefore advance a row's state only for the revision it sent. Setting
     * the services a visit already has changes nothing and queues nothing.
     */
    @Override
    public synchronized Visit updateServices(UUID id, Set<Service> services) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(services, "services");
        return SqliteTransaction.immediate(open(), "updating the services of visit " + id, c -> {
            Visit current = findIn(c, id).orElseThrow(() -> new StoreException("no visit " + id + " in the visit log", null));
            Visit updated = new Visit(current.id(), current.sequence(), current.stationId(), current.recordedAt(),
                    current.zone(), current.member(), current.cardSerial(), current.category(), services,
                    current.source(), current.clockSynced(), current.sinceBoot());
            if (updated.services().equals(current.services())) {
                return current;
            }
            long revision;
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE visit SET services = ?, revision = revision + 1 WHERE id = ? RETURNING revision")) {
                st.setString(1, VisitRows.services(updated.services()));
                st.setString(2, id.toString());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    revision = rs.getLong(1);
                }
            }
            OutboxRows.queue(c, current.sequence(), revision, outboxClock.instant());
            return updated;
        });
    }

    /**
     * Corrects the times of the visits recorded before the clock was synced in the boot of a
     * synced clock reading ({@link ClockSync#correct}): in one transaction, for each such visit
     * whose time since boot is not after the reading, {@code recorded_at_ms} becomes
     * {@code bootedAt + since_boot_ms}, the unsynced reading is kept in {@code raw_recorded_at_ms},
     * {@code clock_synced} becomes 1 and {@code clock_corrected} 1, {@code revision} goes up by
     * one and the outbox row is set back to {@code CREATED} with that revision (as
     * {@link #updateServices} does), so the district receives the corrected time. Sequences and
     * ids are unchanged. Visits of other boots are left as they are (flagged unsynced).
     *
     * <p>Idempotent; when there is nothing to correct it costs one indexed read and takes no
     * write lock. Blocks on storage.
     *
     * @param sync a synced clock reading
     * @return the number of visits corrected
     * @throws StoreException when the visit log cannot be read or written; nothing is then changed
     */
    public synchronized int correctUnsyncedVisits(ClockSync sync) {
        Objects.requireNonNull(sync, "sync");
        Connection c = open();
        try {
            if (!ClockCorrection.anyPending(c, sync)) {
                return 0;
            }
            return SqliteTransaction.immediate(c, "correcting the times of unsynced visits",
                    tx -> ClockCorrection.correct(tx, sync, outboxClock.instant()));
        } catch (SQLException e) {
            throw SqliteErrors.failure("correcting the times of unsynced visits", e);
        } catch (ArithmeticException e) {
            throw new StoreException("correcting the times of unsynced visits: " + e.getMessage(), e);
        }
    }

    /** @return the boot this store records visits as of */
    public BootId bootId() {
        return bootId;
    }

    @Override
    public synchronized Optional<Visit> find(UUID id) {
        Objects.requireNonNull(id, "id");
        try {
            return findIn(open(), id);
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading visit " + id, e);
        }
    }

    @Override
    public synchronized Optional<Visit> latestOf(MemberId member, Instant since) {
        Objects.requireNonNull(member, "member");
        try (PreparedStatement st = open().prepareStatement(SELECT
                + "WHERE member_id = ? AND recorded_at_ms >= ? ORDER BY recorded_at_ms DESC, seq DESC LIMIT 1")) {
            st.setString(1, member.hex());
            st.setLong(2, since.toEpochMilli());
            return readAll(st).stream().findFirst();
        } catch (SQLException e) {
            throw SqliteErrors.failure("looking up the member's latest visit", e);
        }
    }

    @Override
    public synchronized List<Visit> between(Instant from, Instant to) {
        try (PreparedStatement st = open().prepareStatement(SELECT
                + "WHERE recorded_at_ms >= ? AND recorded_at_ms < ? ORDER BY seq")) {
            st.setLong(1, from.toEpochMilli());
            st.setLong(2, to.toEpochMilli());
            return readAll(st);
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading visits between " + from + " and " + to, e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
            log.info("visit log closed: {}", file);
        } catch (SQLException e) {
            log.warn("closing the visit log {}: {}", file, e.getMessage());
        } finally {
            connection = null;
        }
    }

    /**
     * Limits the database to a number of pages ({@code PRAGMA max_page_count}, this connection
     * only): a store that reaches it behaves as on a full disk. Lets tests fill the log without
     * filling a disk. Blocks on the database.
     *
     * @param maxPages the most pages the file may have (SQLite's page size, 4 KiB by default)
     */
    public synchronized void limitPages(long maxPages) {
        VisitLogDatabase.limitPages(open(), maxPages);
    }

    private Connection open() {
        if (connection == null) {
            throw new StoreException("the visit log " + file + " is closed", null);
        }
        return connection;
    }

    private static Optional<Visit> findIn(Connection c, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + "WHERE id = ?")) {
            st.setString(1, id.toString());
            return readAll(st).stream().findFirst();
        }
    }

    private static List<Visit> readAll(PreparedStatement st) throws SQLException {
        List<Visit> visits = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                try {
                    visits.add(VisitRows.read(rs));
                } catch (RuntimeException e) {
                    throw new StoreException("unreadable visit row " + rs.getString(1) + " in the visit log: " + e, e);
                }
            }
        }
        return visits;
    }
}

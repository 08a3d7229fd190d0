package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireLoan;
import org.warmstation.visitlog.domain.Loan;
import org.warmstation.visitlog.domain.LoanStore;
import org.warmstation.visitlog.domain.UuidV7;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OwnConnection;
import org.warmstation.visitlog.sqlite.RecordRows;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;

/**
 * The station's loans in tables {@code loan} and {@code loan_return} of the visit log
 * {@code visits.db} (Flyway V6), on a connection of its own: the kiosk lends and takes back, the
 * sync agent applies the district's {@code LOANS} downlink. Each movement writes its row and its
 * LOAN record of the typed outbox ({@link RecordRows}) in one {@code BEGIN IMMEDIATE} transaction,
 * so the district gets every movement exactly once, and a refused return writes nothing.
 *
 * <p>Thread-safe: calls are serialised on the connection. Blocks on storage; never call on the UI
 * thread.
 */
public final class SqliteLoanStore implements LoanStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteLoanStore.class);
    private static final Pattern MEMBER_HEX = Pattern.compile("[0-9a-f]{16}");
    private static final String COLUMNS = "id, item, member_id, lent_at_ms, returned_at_ms, returned_elsewhere";

    private final InstantSource outboxClock;
    private final UuidV7 ids = new UuidV7();
    private final OwnConnection connection;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @param outboxClock   source of the outbox bookkeeping time
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteLoanStore(Path dataDirectory, InstantSource outboxClock) {
        this.outboxClock = Objects.requireNonNull(outboxClock, "outboxClock");
        this.connection = new OwnConnection(dataDirectory, "the loan store");
    }

    @Override
    public synchronized Loan lend(UUID id, LoanItem item, String memberId, Instant at) {
        if (memberId != null && !MEMBER_HEX.matcher(memberId).matches()) {
            throw new IllegalArgumentException("member id must be 16 lower-case hex digits");
        }
        Loan loan = new Loan(id, item, memberId, at, null, null);
        SqliteTransaction.immediate(connection.get(), "lending an item", c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO loan (id, item, member_id, lent_at_ms) VALUES (?, ?, ?, ?)")) {
                st.setString(1, id.toString());
                st.setString(2, item.name());
                st.setString(3, memberId);
                st.setLong(4, at.toEpochMilli());
                st.executeUpdate();
            }
            append(c, id, loan.lentRecord());
            return null;
        });
        log.info("loan {} lent: {} to {}", id, item, memberId == null ? "a guest" : "a member");
        return loan;
    }

    @Override
    public synchronized ReturnOutcome returnLoan(UUID loanId, Instant at) {
        Objects.requireNonNull(loanId, "loanId");
        return SqliteTransaction.immediate(connection.get(), "returning a loan", c -> {
            Loan loan = find(c, loanId);
            if (loan == null) {
                return new ReturnOutcome(ReturnStatus.NO_SUCH_LOAN, null);
            }
            if (!loan.out()) {
                return new ReturnOutcome(ReturnStatus.ALREADY_RETURNED, loan);
            }
            return new ReturnOutcome(ReturnStatus.RETURNED, close(c, loan, at));
        });
    }

    @Override
    public synchronized ReturnOutcome returnByMember(String memberId, LoanItem item, Instant at) {
        if (memberId == null || !MEMBER_HEX.matcher(memberId).matches()) {
            throw new IllegalArgumentException("member id must be 16 lower-case hex digits");
        }
        Objects.requireNonNull(item, "item");
        return SqliteTransaction.immediate(connection.get(), "returning an item", c -> {
            Loan oldest = null;
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM loan WHERE member_id = ? AND item = ? "
                    + "AND returned_at_ms IS NULL ORDER BY lent_at_ms, id LIMIT 1")) {
                st.setString(1, memberId);
                st.setString(2, item.name());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        oldest = read(rs);
                    }
                }
            }
            if (oldest != null) {
                return new ReturnOutcome(ReturnStatus.RETURNED, close(c, oldest, at));
            }
            UUID id = ids.next(at);
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO loan_return (id, item, member_id, returned_at_ms) VALUES (?, ?, ?, ?)")) {
                st.setString(1, id.toString());
                st.setString(2, item.name());
                st.setString(3, memberId);
                st.setLong(4, at.toEpochMilli());
                st.executeUpdate();
            }
            append(c, id, new WireLoan("RETURNED", null, item.name(), memberId, at));
            log.info("return {} of a {} lent at another station recorded", id, item);
            return new ReturnOutcome(ReturnStatus.RETURNED_FROM_ELSEWHERE, null);
        });
    }

    private Loan close(Connection c, Loan loan, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE loan SET returned_at_ms = ? WHERE id = ? AND returned_at_ms IS NULL")) {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, loan.id().toString());
            st.executeUpdate();
        }
        append(c, ids.next(at), new WireLoan("RETURNED", loan.id(), loan.item().name(), loan.memberId(), at));
        log.info("loan {} returned here", loan.id());
        return new Loan(loan.id(), loan.item(), loan.memberId(), loan.lentAt(), at, null);
    }

    private void append(Connection c, UUID uuid, WireLoan body) throws SQLException {
        RecordRows.append(c, RecordTypes.standard().record(uuid, RecordRows.nextSeq(c, RecordKind.LOAN), 1, body.at(), body),
                outboxClock.instant());
    }

    @Override
    public synchronized List<Loan> out() {
        try (PreparedStatement st = connection.get().prepareStatement("SELECT " + COLUMNS + " FROM loan WHERE returned_at_ms IS NULL "
                + "ORDER BY lent_at_ms, id")) {
            List<Loan> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the loans out", e);
        }
    }

    @Override
    public synchronized Loan find(UUID id) {
        try {
            return find(connection.get(), id);
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading a loan", e);
        }
    }

    private static Loan find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM loan WHERE id = ?")) {
            st.setString(1, id.toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    @Override
    public synchronized int applyStatuses(LoanStatuses statuses) {
        Objects.requireNonNull(statuses, "statuses");
        return SqliteTransaction.immediate(connection.get(), "applying the district's loan list", c -> {
            int closed = 0;
            try (PreparedStatement st = c.prepareStatement("UPDATE loan SET returned_at_ms = ?, returned_elsewhere = ? "
                    + "WHERE id = ? AND returned_at_ms IS NULL")) {
                for (LoanStatuses.Entry e : statuses.loans()) {
                    if (e.open()) {
                        continue;
                    }
                    st.setLong(1, e.returnedAt().toEpochMilli());
                    st.setString(2, e.returnedStation());
                    st.setString(3, e.loanId().toString());
                    closed += st.executeUpdate();
                }
            }
            return closed;
        });
    }

    @Override
    public synchronized void close() {
        connection.close();
    }

    private static Loan read(ResultSet rs) throws SQLException {
        try {
            long returned = rs.getLong(5);
            Instant returnedAt = rs.wasNull() ? null : Instant.ofEpochMilli(returned);
            return new Loan(UUID.fromString(rs.getString(1)), LoanItem.valueOf(rs.getString(2)), rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4)), returnedAt, rs.getString(6));
        } catch (IllegalArgumentException e) {
            throw new StoreException("unreadable loan row " + rs.getString(1) + ": " + e.getMessage(), e);
        }
    }
}

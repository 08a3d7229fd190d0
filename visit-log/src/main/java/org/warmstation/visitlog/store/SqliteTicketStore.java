package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.domain.TicketStore;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.OwnConnection;
import org.warmstation.visitlog.sqlite.RecordRows;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;

/**
 * The station's tickets in table {@code ticket} of the visit log {@code visits.db} (Flyway V4),
 * on a connection of its own: the kiosk opens tickets, the sync agent applies the district's
 * statuses. Each write is one {@code BEGIN IMMEDIATE} transaction, as the visit log's; opening a
 * ticket writes its row and its TICKET record of the typed outbox ({@link RecordRows}, the record's
 * uuid being the ticket id) in the same transaction, so the district gets every ticket exactly once.
 *
 * <p>Thread-safe: calls are serialised on the connection. Blocks on storage; never call on the UI
 * thread.
 */
public final class SqliteTicketStore implements TicketStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteTicketStore.class);
    private static final String COLUMNS = "id, opened_at_ms, problem, source, text, device, status, status_at_ms, status_by";

    private final InstantSource outboxClock;
    private final OwnConnection connection;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteTicketStore(Path dataDirectory) {
        this(dataDirectory, InstantSource.system());
    }

    /**
     * @param dataDirectory the station's data directory
     * @param outboxClock   source of the outbox bookkeeping time
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteTicketStore(Path dataDirectory, InstantSource outboxClock) {
        this.outboxClock = Objects.requireNonNull(outboxClock, "outboxClock");
        this.connection = new OwnConnection(dataDirectory, "the ticket store");
    }

    @Override
    public synchronized Ticket open(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        SqliteTransaction.immediate(connection.get(), "opening a ticket", c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO ticket (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, ticket.id().toString());
                st.setLong(2, ticket.openedAt().toEpochMilli());
                st.setString(3, ticket.problem().name());
                st.setString(4, ticket.source().name());
                st.setString(5, ticket.text());
                st.setString(6, ticket.device());
                st.setString(7, ticket.status().name());
                if (ticket.statusAt() == null) {
                    st.setNull(8, Types.INTEGER);
                } else {
                    st.setLong(8, ticket.statusAt().toEpochMilli());
                }
                st.setString(9, ticket.statusBy());
                st.executeUpdate();
            }
            RecordRows.append(c, RecordTypes.standard().record(ticket.id(), RecordRows.nextSeq(c, RecordKind.TICKET), 1,
                    ticket.openedAt(), ticket.toWire()), outboxClock.instant());
            return null;
        });
        log.info("ticket {} opened: {} by {}{}", ticket.id(), ticket.problem(), ticket.source(),
                ticket.device() == null ? "" : " (" + ticket.device() + ")");
        return ticket;
    }

    @Override
    public synchronized List<Ticket> recent() {
        try (PreparedStatement st = connection.get().prepareStatement("SELECT " + COLUMNS + " FROM ticket "
                + "ORDER BY status = 'RESOLVED', opened_at_ms DESC LIMIT " + RECENT)) {
            List<Ticket> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the tickets", e);
        }
    }

    @Override
    public synchronized int applyStatuses(TicketStatuses statuses) {
        Objects.requireNonNull(statuses, "statuses");
        return SqliteTransaction.immediate(connection.get(), "applying the district's ticket statuses", c -> {
            int changed = 0;
            try (PreparedStatement st = c.prepareStatement("UPDATE ticket SET status = ?, status_at_ms = ?, status_by = ? "
                    + "WHERE id = ? AND (status <> ? OR status_at_ms IS NOT ?)")) {
                for (TicketStatuses.Entry e : statuses.tickets()) {
                    st.setString(1, e.status().name());
                    st.setLong(2, e.changedAt().toEpochMilli());
                    st.setString(3, e.by());
                    st.setString(4, e.id().toString());
                    st.setString(5, e.status().name());
                    st.setLong(6, e.changedAt().toEpochMilli());
                    changed += st.executeUpdate();
                }
            }
            return changed;
        });
    }

    @Override
    public synchronized void close() {
        connection.close();
    }

    private static Ticket read(ResultSet rs) throws SQLException {
        try {
            long statusAt = rs.getLong(8);
            Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(statusAt);
            return new Ticket(UUID.fromString(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                    TicketProblem.valueOf(rs.getString(3)), TicketSource.valueOf(rs.getString(4)), rs.getString(5),
                    rs.getString(6), TicketStatus.valueOf(rs.getString(7)), at, rs.getString(9));
        } catch (IllegalArgumentException e) {
            throw new StoreException("unreadable ticket row " + rs.getString(1) + ": " + e.getMessage(), e);
        }
    }
}

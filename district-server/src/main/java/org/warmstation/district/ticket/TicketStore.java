package org.warmstation.district.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.protocol.wire.WireTicket;

/**
 * The district's tickets (table {@code ticket}, Flyway V9): the projection of the stations' TICKET
 * records, the console inbox's queries and status changes, and the list a station's
 * {@code TICKETS} downlink carries.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given and leaves its
 * transaction to the caller (the projection runs inside the record intake's transaction).
 */
public final class TicketStore {
    /** How long a resolved ticket stays in a station's {@code TICKETS} downlink. */
    public static final Duration RESOLVED_SHOWN = Duration.ofDays(7);
    private static final String SELECT = """
            SELECT t.ticket_id, t.station_id, s.name, t.problem, t.source, t.text, t.device, t.opened_at,
                   t.received_at, t.status, t.acknowledged_at, t.acknowledged_by, t.resolved_at, t.resolved_by
              FROM ticket t LEFT JOIN station s ON s.district_id = t.district_id AND s.station_id = t.station_id
            """;

    /** What {@link #move} came to. */
    public enum Move {
        /** The status changed. */
        MOVED,
        /** No ticket with that id in the district. */
        UNKNOWN,
        /** The ticket's status is already there or beyond (statuses only move forward). */
        NOT_FORWARD
    }

    /**
     * Stores a ticket a station sent; a ticket seen before (a record delivered again, or a newer
     * revision of it) keeps its row and its status at the district.
     *
     * @param c        connection, inside the record's transaction
     * @param district the station's district
     * @param station  the station
     * @param ticket   the ticket
     * @return whether it was new
     * @throws SQLException when the database fails
     */
    public boolean project(Connection c, int district, String station, WireTicket ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ticket (ticket_id, district_id, station_id, problem, source, text, device, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING""")) {
            ps.setObject(1, ticket.id());
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setString(4, ticket.problem());
            ps.setString(5, ticket.source());
            ps.setString(6, ticket.text());
            ps.setString(7, ticket.device());
            ps.setTimestamp(8, Timestamp.from(ticket.openedAt()));
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The inbox: newest first.
     *
     * @param c        connection
     * @param district the district
     * @param open     true: only tickets not resolved; false: all
     * @param limit    most rows
     * @return the tickets
     * @throws SQLException when the database fails
     */
    public List<TicketRow> inbox(Connection c, int district, boolean open, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE t.district_id = ?"
                + (open ? " AND t.status <> 'RESOLVED'" : "") + " ORDER BY t.opened_at DESC, t.ticket_id LIMIT ?")) {
            ps.setInt(1, district);
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    /**
     * @param c        connection
     * @param district the district
     * @param id       a ticket id
     * @return the ticket, or empty when the district has none with that id
     * @throws SQLException when the database fails
     */
    public Optional<TicketRow> find(Connection c, int district, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE t.district_id = ? AND t.ticket_id = ?")) {
            ps.setInt(1, district);
            ps.setObject(2, id);
            return rows(ps).stream().findFirst();
        }
    }

    /**
     * Moves a ticket forward (new → acknowledged → resolved, or new → resolved), recording who and
     * when; a resolve of a new ticket records the acknowledgement at the same moment.
     *
     * @param c        connection
     * @param district the district
     * @param id       the ticket
     * @param to       {@link TicketStatus#ACKNOWLEDGED} or {@link TicketStatus#RESOLVED}
     * @param by       the console user
     * @param at       district clock
     * @return what happened
     * @throws SQLException when the database fails
     */
    public Move move(Connection c, int district, UUID id, TicketStatus to, String by, Instant at) throws SQLException {
        Optional<TicketRow> row = find(c, district, id);
        if (row.isEmpty()) {
            return Move.UNKNOWN;
        }
        if (!row.get().status().canMoveTo(to)) {
            return Move.NOT_FORWARD;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE ticket SET status = ?,
                       acknowledged_at = COALESCE(acknowledged_at, ?), acknowledged_by = COALESCE(acknowledged_by, ?),
                       resolved_at = CASE WHEN ? THEN ?::timestamptz END, resolved_by = CASE WHEN ? THEN ?::text END
                 WHERE district_id = ? AND ticket_id = ? AND status = ?""")) {
            boolean resolve = to == TicketStatus.RESOLVED;
            Timestamp t = Timestamp.from(at);
            ps.setString(1, to.name());
            ps.setTimestamp(2, t);
            ps.setString(3, by);
            ps.setBoolean(4, resolve);
            ps.setTimestamp(5, t);
            ps.setBoolean(6, resolve);
            ps.setString(7, by);
            ps.setInt(8, district);
            ps.setObject(9, id);
            ps.setString(10, row.get().status().name());
            return ps.executeUpdate() == 1 ? Move.MOVED : Move.NOT_FORWARD; // NOT_FORWARD: someone else moved it meanwhile
        }
    }

    /**
     * What a station's {@code TICKETS} downlink carries: its tickets not resolved, and those
     * resolved within {@link #RESOLVED_SHOWN} before {@code now}; newest first, at most
     * {@link TicketStatuses#MAX_TICKETS}.
     *
     * @param c        connection
     * @param district the district
     * @param station  the station
     * @param now      district clock
     * @return the statuses
     * @throws SQLException when the database fails
     */
    public TicketStatuses statuses(Connection c, int district, String station, Instant now) throws SQLException {
        List<TicketStatuses.Entry> entries = new ArrayList<>();
        for (TicketRow r : recent(c, district, station, now, TicketStatuses.MAX_TICKETS)) {
            entries.add(new TicketStatuses.Entry(r.id(), r.status(), r.changedAt(), r.changedBy()));
        }
        return new TicketStatuses(entries);
    }

    /**
     * A station's open tickets and those resolved within {@link #RESOLVED_SHOWN} before
     * {@code now}, newest first: what the station's {@code TICKETS} downlink and its console page show.
     *
     * @param c        connection
     * @param district the district
     * @param station  the station
     * @param now      district clock
     * @param limit    at most this many
     * @return the tickets
     * @throws SQLException when the database fails
     */
    public List<TicketRow> recent(Connection c, int district, String station, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + """
                 WHERE t.district_id = ? AND t.station_id = ?
                   AND (t.status <> 'RESOLVED' OR t.resolved_at >= ?)
                 ORDER BY t.opened_at DESC LIMIT ?""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setTimestamp(3, Timestamp.from(now.minus(RESOLVED_SHOWN)));
            ps.setInt(4, limit);
            return rows(ps);
        }
    }

    private static List<TicketRow> rows(PreparedStatement ps) throws SQLException {
        List<TicketRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TicketRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
                        TicketStatus.valueOf(rs.getString(10)), instant(rs, 11), rs.getString(12), instant(rs, 13),
                        rs.getString(14)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

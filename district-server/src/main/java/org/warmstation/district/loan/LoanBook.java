package org.warmstation.district.loan;

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
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.WireLoan;

/**
 * The district's loans (tables {@code loan} and {@code loan_return}, Flyway V11): the projection
 * of the stations' LOAN records with the matching of each return to its loan, and the list a
 * station's {@code LOANS} downlink carries (decision 0155).
 *
 * <p>Matching: a return that names its loan closes that loan; one that does not (lent at another
 * station) closes the oldest open loan of the same district, member and item lent before it (with
 * {@link #CLOCK_SLACK} for station clocks). A return with no such loan yet waits, and the loan that
 * arrives later takes the oldest waiting return that fits, so the order of arrival does not matter.
 * A return naming a loan already returned is kept as refused ({@code ALREADY_RETURNED}), never
 * applied twice.
 *
 * <p>Stateless and thread-safe; each call uses the connection it is given and leaves its
 * transaction to the caller (the projection runs inside the record intake's transaction).
 */
public final class LoanBook {
    /** How far a return may seem to precede its loan (two stations' clocks). */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(15);
    /** How long a returned loan stays in its station's {@code LOANS} downlink. */
    public static final Duration RETURNED_SHOWN = Duration.ofDays(7);

    /**
     * Stores a lending and matches a return that arrived before it.
     *
     * @param c        connection, inside the record's transaction
     * @param district the station's district
     * @param station  the lending station
     * @param lent     the LENT body
     * @return whether a waiting return closed it (its station should then hear of it)
     * @throws SQLException when the database fails
     */
    public boolean lent(Connection c, int district, String station, WireLoan lent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO loan (loan_id, district_id, station_id, item, member_id, lent_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (loan_id) DO NOTHING""")) {
            ps.setObject(1, lent.loanId());
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setString(4, lent.item());
            ps.setString(5, lent.memberId());
            ps.setTimestamp(6, Timestamp.from(lent.at()));
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT return_uuid, station_id, returned_at FROM loan_return
                 WHERE matched_loan IS NULL AND refused IS NULL AND district_id = ?
                   AND (named_loan = ? OR (named_loan IS NULL AND member_id = ? AND item = ? AND returned_at >= ?))
                 ORDER BY named_loan IS NULL, returned_at, return_uuid LIMIT 1 FOR UPDATE""")) {
            ps.setInt(1, district);
            ps.setObject(2, lent.loanId());
            ps.setString(3, lent.memberId()); // a guest (NULL) matches only by name
            ps.setString(4, lent.item());
            ps.setTimestamp(5, Timestamp.from(lent.at().minus(CLOCK_SLACK)));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                match(c, rs.getObject(1, UUID.class), lent.loanId(), rs.getString(2), rs.getTimestamp(3));
                return true;
            }
        }
    }

    /**
     * Stores a return and closes its loan when the district has it.
     *
     * @param c          connection, inside the record's transaction
     * @param district   the station's district
     * @param station    the station where the item was handed back
     * @param returnUuid the RETURNED record's uuid
     * @param returned   the RETURNED body
     * @return the lending station whose loan it closed, or empty (it waits for its loan, was
     *         refused, or was seen before)
     * @throws SQLException when the database fails
     */
    public Optional<String> returned(Connection c, int district, String station, UUID returnUuid, WireLoan returned)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO loan_return (return_uuid, district_id, station_id, item, member_id, named_loan, returned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (return_uuid) DO NOTHING""")) {
            ps.setObject(1, returnUuid);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.setString(4, returned.item());
            ps.setString(5, returned.memberId());
            ps.setObject(6, returned.loanId());
            ps.setTimestamp(7, Timestamp.from(returned.at()));
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        String sql = returned.loanId() != null
                ? "SELECT loan_id, station_id, returned_at FROM loan WHERE loan_id = ? AND district_id = ? FOR UPDATE"
                : """
                  SELECT loan_id, station_id, returned_at FROM loan
                   WHERE returned_at IS NULL AND district_id = ? AND member_id = ? AND item = ? AND lent_at <= ?
                   ORDER BY lent_at, loan_id LIMIT 1 FOR UPDATE""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (returned.loanId() != null) {
                ps.setObject(1, returned.loanId());
                ps.setInt(2, district);
            } else {
                ps.setInt(1, district);
                ps.setString(2, returned.memberId());
                ps.setString(3, returned.item());
                ps.setTimestamp(4, Timestamp.from(returned.at().plus(CLOCK_SLACK)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty(); // waits for its loan
                }
                UUID loan = rs.getObject(1, UUID.class);
                if (rs.getTimestamp(3) != null) {
                    refuse(c, returnUuid, "ALREADY_RETURNED");
                    return Optional.empty();
                }
                match(c, returnUuid, loan, station, Timestamp.from(returned.at()));
                return Optional.of(rs.getString(2));
            }
        }
    }

    private static void match(Connection c, UUID returnUuid, UUID loan, String returnStation, Timestamp at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE loan SET returned_at = ?, returned_station = ?, return_uuid = ? WHERE loan_id = ?""")) {
            ps.setTimestamp(1, at);
            ps.setString(2, returnStation);
            ps.setObject(3, returnUuid);
            ps.setObject(4, loan);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE loan_return SET matched_loan = ? WHERE return_uuid = ?")) {
            ps.setObject(1, loan);
            ps.setObject(2, returnUuid);
            ps.executeUpdate();
        }
    }

    private static void refuse(Connection c, UUID returnUuid, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE loan_return SET refused = ? WHERE return_uuid = ?")) {
            ps.setString(1, why);
            ps.setObject(2, returnUuid);
            ps.executeUpdate();
        }
    }

    /**
     * One station's loans for the console: lent there and out now, of those overdue, returned
     * (anywhere) within the period, and returns accepted there still waiting for their loan.
     *
     * @param station     station id
     * @param name        station name, or the id when the district has no profile of it
     * @param out         loans lent there and still out
     * @param overdue     of those, lent more than the overdue period ago
     * @param returned    its loans returned within the period
     * @param waiting     returns handed in there that no loan matched yet
     * @param overdueDays the station's overdue period in days: {@code loanOverdueDays} of the newest
     *                    settings document it applied, else the default (0 on a total line)
     */
    public record StationLoans(String station, String name, long out, long overdue, long returned, long waiting,
                               int overdueDays) {
    }

    /**
     * Loans out / overdue / returned per station (stations with any loan movement), by name. A
     * loan is overdue after the station's own {@code loanOverdueDays}: that of the newest settings
     * document the station applied (decision 0221), or {@code overdue} when it applied none or
     * that document leaves it to the station.
     *
     * @param c        connection
     * @param district the district
     * @param now      district clock
     * @param overdue  how long a loan may be out where the station has no setting (the stations'
     *                 default: 3 days); whole days count
     * @param since    returns counted from this instant on
     * @return one line per station
     * @throws SQLException when the database fails
     */
    public List<StationLoans> summary(Connection c, int district, Instant now, Duration overdue, Instant since)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH st AS (
                  SELECT station_id FROM loan WHERE district_id = ?
                  UNION SELECT station_id FROM loan_return WHERE district_id = ?),
                applied AS (
                  SELECT DISTINCT ON (ss.station_id) ss.station_id, (ss.document->>'loanOverdueDays')::int AS days
                    FROM station_settings ss JOIN downlink d ON d.command_id = ss.command_id AND d.outcome = 'APPLIED'
                   WHERE ss.district_id = ? ORDER BY ss.station_id, ss.version DESC),
                days AS (
                  SELECT st.station_id, coalesce(a.days, ?) AS days FROM st LEFT JOIN applied a USING (station_id))
                SELECT st.station_id, coalesce(s.name, st.station_id),
                  (SELECT count(*) FROM loan l WHERE l.district_id = ? AND l.station_id = st.station_id
                      AND l.returned_at IS NULL),
                  (SELECT count(*) FROM loan l WHERE l.district_id = ? AND l.station_id = st.station_id
                      AND l.returned_at IS NULL AND l.lent_at < ?::timestamptz - dy.days * interval '1 day'),
                  (SELECT count(*) FROM loan l WHERE l.district_id = ? AND l.station_id = st.station_id
                      AND l.returned_at >= ?),
                  (SELECT count(*) FROM loan_return r WHERE r.district_id = ? AND r.station_id = st.station_id
                      AND r.matched_loan IS NULL AND r.refused IS NULL)
                  , dy.days
                  FROM st JOIN days dy USING (station_id)
                  LEFT JOIN station s ON s.district_id = ? AND s.station_id = st.station_id
                 ORDER BY 2, 1""")) {
            int i = 1;
            ps.setInt(i++, district);
            ps.setInt(i++, district);
            ps.setInt(i++, district);
            ps.setInt(i++, Math.toIntExact(overdue.toDays()));
            ps.setInt(i++, district);
            ps.setInt(i++, district);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setInt(i++, district);
            ps.setTimestamp(i++, Timestamp.from(since));
            ps.setInt(i++, district);
            ps.setInt(i, district);
            List<StationLoans> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StationLoans(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getInt(7)));
                }
            }
            return out;
        }
    }

    /**
     * What a station's {@code LOANS} downlink carries: its loans still out, and those returned
     * within {@link #RETURNED_SHOWN} of {@code now}, newest first, at most
     * {@link LoanStatuses#MAX_LOANS}.
     *
     * @param c        connection
     * @param district the district
     * @param station  the lending station
     * @param now      district clock
     * @return the list
     * @throws SQLException when the database fails
     */
    public LoanStatuses statuses(Connection c, int district, String station, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT loan_id, item, lent_at, returned_at, returned_station FROM loan
                 WHERE district_id = ? AND station_id = ? AND (returned_at IS NULL OR returned_at >= ?)
                 ORDER BY lent_at DESC, loan_id LIMIT ?""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            ps.setTimestamp(3, Timestamp.from(now.minus(RETURNED_SHOWN)));
            ps.setInt(4, LoanStatuses.MAX_LOANS);
            List<LoanStatuses.Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp back = rs.getTimestamp(4);
                    out.add(new LoanStatuses.Entry(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), back == null ? null : back.toInstant(), rs.getString(5)));
                }
            }
            return new LoanStatuses(out);
        }
    }
}

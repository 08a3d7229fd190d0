package org.warmstation.district.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The district's retention of member-level data (decision 0203): visit rows are kept for
 * {@code months} whole calendar months before the current one; older months keep only the report
 * rollups ({@code report_month_*}), whose member rows get random pseudonyms instead of the card ids,
 * so the reports of those months stay what they were while no card id of theirs is kept.
 *
 * <p>Stateless apart from its setting and thread-safe; blocks on the database. A purge is one
 * transaction: it happens whole or not at all.
 */
public final class Retention {
    /** The default: 13 months (a year and the month before it, for year-on-year reports). */
    public static final int DEFAULT_MONTHS = 13;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final int months;

    /**
     * @param months whole months kept member-level before the current month, 1 to 120
     * @throws IllegalArgumentException when out of range
     */
    public Retention(int months) {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("retention must be 1 to 120 months, found " + months);
        }
        this.months = months;
    }

    /**
     * What a purge did, or would do.
     *
     * @param cutoff        visits dated (station-local) before this first day of a month are purged
     * @param visits        visit rows deleted (or to delete)
     * @param memberRows    rollup member rows given pseudonyms (or to give)
     * @param pseudonymsLeft pseudonyms still linked to a member with kept visits afterwards (dry run: now)
     */
    public record Result(LocalDate cutoff, long visits, long memberRows, long pseudonymsLeft) {
    }

    /**
     * @param today the district's current date
     * @return the first day of the oldest month kept member-level
     */
    public LocalDate cutoff(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(months);
    }

    /**
     * Counts what {@link #purge} would do, changing nothing.
     *
     * @param c     connection
     * @param today the district's current date
     * @return the counts
     * @throws SQLException when the database fails
     */
    public Result dryRun(Connection c, LocalDate today) throws SQLException {
        LocalDate cutoff = cutoff(today);
        LocalDate from = purgedBefore(c).orElse(LocalDate.of(1, 1, 1));
        return new Result(cutoff, count(c, "SELECT count(*) FROM visit WHERE local_date < ? AND clock_synced", cutoff, null),
                count(c, "SELECT count(*) FROM report_month_member WHERE month >= ? AND month < ?", from, cutoff),
                count(c, "SELECT count(*) FROM retention_pseudonym", null, null));
    }

    /**
     * Purges: gives the member rows of the months before the cutoff (not yet purged) pseudonyms,
     * and the handouts and ratings of the visits before the cutoff their member's pseudonym,
     * deletes the visit rows before the cutoff, removes the card id of loans returned before it,
     * and forgets the pseudonyms of members without kept visits. One transaction; idempotent (a second run the same month finds nothing).
     *
     * @param c     connection (its auto-commit is restored)
     * @param today the district's current date
     * @return what was done
     * @throws SQLException when the database fails (nothing is changed then)
     */
    public Result purge(Connection c, LocalDate today) throws SQLException {
        LocalDate cutoff = cutoff(today);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE retention_state IN EXCLUSIVE MODE"); // one purge at a time
            }
            LocalDate from = purgedBefore(c).orElse(LocalDate.of(1, 1, 1));
            long rows = 0;
            if (from.isBefore(cutoff)) {
                update(c, """
                        INSERT INTO retention_pseudonym (member, pseudonym)
                        SELECT m.member, ('x' || replace(gen_random_uuid()::text, '-', ''))::bit(64)::bigint
                          FROM (SELECT DISTINCT member FROM report_month_member WHERE month >= ? AND month < ?) m
                        ON CONFLICT (member) DO NOTHING""", from, cutoff);
                rows = update(c, """
                        UPDATE report_month_member t SET member = p.pseudonym FROM retention_pseudonym p
                         WHERE t.month >= ? AND t.month < ? AND t.member = p.member""", from, cutoff);
            }
            for (String table : new String[] {"supply_movement", "rating"}) { // their reports join the visit
                update(c, "UPDATE " + table + " t SET purged_member = lpad(to_hex(p.pseudonym), 16, '0')"
                        + " FROM visit v JOIN retention_pseudonym p ON p.member = report_member_key(v.member_id)"
                        + " WHERE t.visit_uuid = v.visit_uuid AND v.local_date < ? AND v.clock_synced", cutoff, null);
            }
            // a visit on an unsynced clock keeps its row until its station sends the corrected time
            long visits = update(c, "DELETE FROM visit WHERE local_date < ? AND clock_synced", cutoff, null);
            // quarantined visits (decision 0193) hold member ids in their payload: they age out alike
            update(c, "DELETE FROM visit_quarantine WHERE quarantined_at < ?::date", cutoff, null);
            if (from.isBefore(cutoff)) { // once a month, when the cutoff moves
                forgetClosedLoans(c, cutoff);
            }
            if (visits > 0 || rows > 0) { // scans the visit table: only when a month aged out
                update(c, """
                        DELETE FROM retention_pseudonym p WHERE NOT EXISTS (SELECT 1 FROM visit v
                         WHERE v.member_id IS NOT NULL AND report_member_key(v.member_id) = p.member)""", null, null);
            }
            update(c, """
                    INSERT INTO retention_state (id, purged_before) VALUES (1, ?) ON CONFLICT (id) DO UPDATE
                       SET purged_before = greatest(retention_state.purged_before, excluded.purged_before),
                           purged_at = now()""", cutoff, null);
            long left = count(c, "SELECT count(*) FROM retention_pseudonym", null, null);
            c.commit();
            Result r = new Result(cutoff, visits, rows, left);
            if (visits > 0 || rows > 0) {
                LOG.info("retention: {} visit rows before {} deleted, {} member rows pseudonymised", visits, cutoff, rows);
            }
            return r;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Loans returned before the cutoff and their returns lose the borrower's card id, in the loan
     * tables and in the LOAN records' bodies; open loans keep it (a return must still find them).
     */
    private static void forgetClosedLoans(Connection c, LocalDate cutoff) throws SQLException {
        update(c, "UPDATE loan SET member_id = NULL WHERE member_id IS NOT NULL AND returned_at < ?::date",
                cutoff, null);
        update(c, "UPDATE loan_return SET member_id = NULL WHERE member_id IS NOT NULL AND returned_at < ?::date"
                + " AND (matched_loan IS NOT NULL OR refused IS NOT NULL)", cutoff, null);
        update(c, "UPDATE station_record r SET body = r.body - 'memberId'"
                + " WHERE r.kind = 'LOAN' AND r.recorded_at < ?::date AND r.body ?? 'memberId' AND NOT EXISTS"
                + " (SELECT 1 FROM loan l WHERE l.returned_at IS NULL AND l.loan_id::text = r.body->>'loanId')",
                cutoff, null);
    }

    /**
     * @param c connection
     * @return the first month still kept member-level by the last purge; empty when none ran
     * @throws SQLException when the database fails
     */
    public static Optional<LocalDate> purgedBefore(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT purged_before FROM retention_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, LocalDate.class)) : Optional.empty();
        }
    }

    private static long count(Connection c, String sql, LocalDate a, LocalDate b) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, a, b); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long update(Connection c, String sql, LocalDate a, LocalDate b) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, a, b)) {
            return ps.executeLargeUpdate();
        }
    }

    private static PreparedStatement bind(Connection c, String sql, LocalDate a, LocalDate b) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (a != null) {
            ps.setObject(1, a);
        }
        if (b != null) {
            ps.setObject(2, b);
        }
        return ps;
    }
}

package org.warmstation.district.console.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.warmstation.district.db.DistrictDatabase;

/**
 * The console's users (table {@code console_user}, migration V3): name, role, bcrypt hash and the
 * failed-login state of the lockout.
 *
 * <p>Thread-safe: each call takes its own connection from the database and blocks on it.
 */
public final class UserStore {
    /** Allowed login names: lower-case letters, digits, dot, dash, underscore; 1-40 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private final DistrictDatabase database;

    /**
     * A stored user.
     *
     * @param name         login name
     * @param role         role
     * @param passwordHash bcrypt hash
     * @param failedLogins wrong passwords since the last success or the end of the last lock
     * @param lockedUntil  end of the current or last lock, if any
     */
    public record StoredUser(String name, Role role, String passwordHash, int failedLogins, Optional<Instant> lockedUntil) {
    }

    /** @param database the district database */
    public UserStore(DistrictDatabase database) {
        this.database = database;
    }

    /**
     * @param name a login name
     * @throws IllegalArgumentException with a message when it is not allowed
     */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-40 of a-z 0-9 . _ - (starting with a letter or digit), not '"
                    + name + "'");
        }
    }

    /**
     * Adds a user.
     *
     * @param name         login name ({@link #NAME})
     * @param role         role
     * @param passwordHash bcrypt hash
     * @return false when a user of that name exists (nothing changed)
     * @throws SQLException when the database fails
     */
    public boolean add(String name, Role role, String passwordHash) throws SQLException {
        checkName(name);
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO console_user (name, role, password_hash) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, role.name());
            ps.setString(3, passwordHash);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * @param name login name
     * @return the user, empty when there is none
     * @throws SQLException when the database fails
     */
    public Optional<StoredUser> find(String name) throws SQLException {
        try (Connection c = database.connection()) {
            return find(c, name, false);
        }
    }

    /**
     * @return every user, by name
     * @throws SQLException when the database fails
     */
    public List<StoredUser> all() throws SQLException {
        List<StoredUser> users = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, role, password_hash, failed_logins, locked_until FROM console_user ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(user(rs));
            }
        }
        return users;
    }

    /**
     * Records a wrong password under a row lock: the count restarts after an ended lock, and the
     * {@code maxFailures}-th failure locks the account until {@code now + lock}.
     *
     * @param name        login name (nothing happens when unknown)
     * @param now         the time of the attempt
     * @param maxFailures failures that lock
     * @param lockFor     how long a lock lasts
     * @return the lock end when this failure locked the account
     * @throws SQLException when the database fails
     */
    public Optional<Instant> recordFailure(String name, Instant now, int maxFailures, java.time.Duration lockFor)
            throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                Optional<StoredUser> u = find(c, name, true);
                Optional<Instant> lockedUntil = Optional.empty();
                if (u.isPresent()) {
                    boolean lockEnded = u.get().lockedUntil().map(t -> !now.isBefore(t)).orElse(false);
                    int failures = (lockEnded ? 0 : u.get().failedLogins()) + 1;
                    Instant until = failures >= maxFailures ? now.plus(lockFor) : null;
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE console_user SET failed_logins = ?, locked_until = ? WHERE name = ?")) {
                        ps.setInt(1, until != null ? 0 : failures);
                        ps.setTimestamp(2, until == null ? (lockEnded ? null : timestamp(u.get().lockedUntil()))
                                : Timestamp.from(until));
                        ps.setString(3, name);
                        ps.executeUpdate();
                    }
                    lockedUntil = Optional.ofNullable(until);
                }
                c.commit();
                return lockedUntil;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Clears the failure count and any lock (after a successful login, or an admin's unlock).
     *
     * @param name login name
     * @return whether the user exists
     * @throws SQLException when the database fails
     */
    public boolean clearFailures(String name) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE console_user SET failed_logins = 0, locked_until = NULL WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    private static Timestamp timestamp(Optional<Instant> t) {
        return t.map(Timestamp::from).orElse(null);
    }

    private static Optional<StoredUser> find(Connection c, String name, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, role, password_hash, failed_logins, locked_until FROM console_user WHERE name = ?"
                        + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static StoredUser user(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp(5);
        return new StoredUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                Optional.ofNullable(locked).map(Timestamp::toInstant));
    }
}

package org.warmstation.district.console.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;

/**
 * Login sessions (table {@code console_session}, migration V3). The cookie carries a random id;
 * the table keeps only its SHA-256, so a database dump gives no usable session. Each session has
 * its own CSRF token. A session lasts a fixed time from login; reading one writes nothing.
 *
 * <p>Thread-safe: each call takes its own connection and blocks on it.
 */
public final class SessionStore {
    private final DistrictDatabase database;

    /**
     * A live session.
     *
     * @param user      whose
     * @param csrfToken the token every POST of this session must carry
     * @param expiresAt when it ends
     */
    public record Session(ConsoleUser user, String csrfToken, Instant expiresAt) {
    }

    /**
     * A session just created.
     *
     * @param id      the secret id for the cookie
     * @param session the session
     */
    public record Created(String id, Session session) {
    }

    /** @param database the district database */
    public SessionStore(DistrictDatabase database) {
        this.database = database;
    }

    /**
     * Creates a session (and deletes expired ones).
     *
     * @param user     who logged in
     * @param now      login time
     * @param lifetime how long it lasts
     * @return the new session and its id
     * @throws SQLException when the database fails
     */
    public Created create(ConsoleUser user, Instant now, Duration lifetime) throws SQLException {
        String id = Tokens.random();
        Session s = new Session(user, Tokens.random(), now.plus(lifetime));
        try (Connection c = database.connection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM console_session WHERE expires_at <= ?")) {
                del.setTimestamp(1, Timestamp.from(now));
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO console_session (id_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.sha256(id));
                ps.setString(2, user.name());
                ps.setString(3, s.csrfToken());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(s.expiresAt()));
                ps.executeUpdate();
            }
        }
        return new Created(id, s);
    }

    /**
     * @param id  the cookie's session id
     * @param now the current time
     * @return the session, empty when unknown or expired
     * @throws SQLException when the database fails
     */
    public Optional<Session> find(String id, Instant now) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT u.name, u.role, s.csrf_token, s.expires_at FROM console_session s"
                        + " JOIN console_user u ON u.name = s.user_name WHERE s.id_hash = ? AND s.expires_at > ?")) {
            ps.setString(1, Tokens.sha256(id));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Session(new ConsoleUser(rs.getString(1), Role.valueOf(rs.getString(2))),
                        rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        }
    }

    /**
     * Ends a session (logout).
     *
     * @param id the cookie's session id
     * @throws SQLException when the database fails
     */
    public void delete(String id) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM console_session WHERE id_hash = ?")) {
            ps.setString(1, Tokens.sha256(id));
            ps.executeUpdate();
        }
    }
}

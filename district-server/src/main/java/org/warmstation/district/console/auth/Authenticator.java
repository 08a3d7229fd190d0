package org.warmstation.district.console.auth;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-request login state: finds the session of the request's cookie (once per request, cached in
 * the request), gives the CSRF token forms must carry, and writes the console's cookies — all
 * {@code HttpOnly; SameSite=Strict; Path=/}, and {@code Secure} when the console is configured
 * for TLS or the request came over HTTPS (directly or per {@code X-Forwarded-Proto}).
 *
 * <p>Before login, forms carry a per-browser token that is also in the {@value #PRE_CSRF_COOKIE}
 * cookie (double submit); after login, the session's own token.
 *
 * <p>Thread-safe; the lookups block on the database.
 */
public final class Authenticator {
    /** The session cookie. */
    public static final String SESSION_COOKIE = "ws_session";
    /** The pre-login CSRF cookie. */
    public static final String PRE_CSRF_COOKIE = "ws_csrf";
    /** Form field (or header {@value #CSRF_HEADER}) carrying the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** Header that may carry the CSRF token instead of the form field (for scripts). */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String SESSION_ATTR = "console.session";
    private static final String PRE_CSRF_ATTR = "console.preCsrf";

    private final SessionStore sessions;
    private final Clock clock;
    private final boolean alwaysSecure;

    /**
     * @param sessions     the session store
     * @param clock        the console clock (session expiry)
     * @param alwaysSecure mark every cookie Secure (console behind a TLS proxy)
     */
    public Authenticator(SessionStore sessions, Clock clock, boolean alwaysSecure) {
        this.sessions = sessions;
        this.clock = clock;
        this.alwaysSecure = alwaysSecure;
    }

    /**
     * @param ctx the request
     * @return its live session, empty when anonymous (no cookie, unknown or expired)
     * @throws SQLException when the database fails
     */
    public Optional<SessionStore.Session> session(Context ctx) throws SQLException {
        Optional<SessionStore.Session> cached = ctx.attribute(SESSION_ATTR);
        if (cached != null) {
            return cached;
        }
        String id = ctx.cookie(SESSION_COOKIE);
        Optional<SessionStore.Session> s = id == null || id.isBlank() ? Optional.empty() : sessions.find(id, clock.instant());
        ctx.attribute(SESSION_ATTR, s);
        return s;
    }

    /**
     * @param ctx the request
     * @return the logged-in user, empty when anonymous
     * @throws SQLException when the database fails
     */
    public Optional<ConsoleUser> user(Context ctx) throws SQLException {
        return session(ctx).map(SessionStore.Session::user);
    }

    /**
     * The token a form of this response must carry; before login this may set the pre-login
     * cookie (a cookie only: nothing is written to the database).
     *
     * @param ctx the request
     * @return the token
     * @throws SQLException when the database fails
     */
    public String csrfToken(Context ctx) throws SQLException {
        Optional<SessionStore.Session> s = session(ctx);
        if (s.isPresent()) {
            return s.get().csrfToken();
        }
        String pre = ctx.attribute(PRE_CSRF_ATTR);
        if (pre == null) {
            pre = ctx.cookie(PRE_CSRF_COOKIE);
            if (pre == null || pre.length() != 43) {
                pre = Tokens.random();
                setCookie(ctx, PRE_CSRF_COOKIE, pre, null);
            }
            ctx.attribute(PRE_CSRF_ATTR, pre);
        }
        return pre;
    }

    /**
     * @param ctx a state-changing request
     * @return whether it carries the right CSRF token (session token when logged in, else the
     *         pre-login cookie's, which must then be present)
     * @throws SQLException when the database fails
     */
    public boolean csrfValid(Context ctx) throws SQLException {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        Optional<SessionStore.Session> s = session(ctx);
        String expected = s.isPresent() ? s.get().csrfToken() : ctx.cookie(PRE_CSRF_COOKIE);
        return Tokens.same(sent, expected);
    }

    /**
     * Starts a session for a user who just logged in: stores it and sets the session cookie.
     *
     * @param ctx      the login request
     * @param user     who
     * @param lifetime how long the session lasts
     * @throws SQLException when the database fails
     */
    public void startSession(Context ctx, ConsoleUser user, Duration lifetime) throws SQLException {
        SessionStore.Created created = sessions.create(user, clock.instant(), lifetime);
        setCookie(ctx, SESSION_COOKIE, created.id(), lifetime);
        ctx.attribute(SESSION_ATTR, Optional.of(created.session()));
    }

    /**
     * Ends the request's session, if any, and clears the cookie.
     *
     * @param ctx the logout request
     * @throws SQLException when the database fails
     */
    public void endSession(Context ctx) throws SQLException {
        String id = ctx.cookie(SESSION_COOKIE);
        if (id != null && !id.isBlank()) {
            sessions.delete(id);
        }
        setCookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
        ctx.attribute(SESSION_ATTR, Optional.empty());
    }

    /**
     * Sets a console cookie (HttpOnly, SameSite=Strict, Path=/, Secure per the rule above).
     *
     * @param ctx    the response
     * @param name   cookie name
     * @param value  value (URL-safe characters only)
     * @param maxAge lifetime, or null for a browser-session cookie; zero deletes it
     */
    public void setCookie(Context ctx, String name, String value, Duration maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge != null) {
            c.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (secure(ctx)) {
            c.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    /**
     * @param ctx the request
     * @return whether cookies must be marked Secure
     */
    public boolean secure(Context ctx) {
        if (alwaysSecure || "https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        String forwarded = ctx.header("X-Forwarded-Proto");
        return forwarded != null && forwarded.strip().toLowerCase(Locale.ROOT).startsWith("https");
    }
}

package org.warmstation.district.console;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.warmstation.district.console.auth.Authenticator;
import org.warmstation.district.console.auth.ConsoleUser;

/**
 * Wraps every route's handler in the checks that run before it: the route's {@link Access}
 * (anonymous: a page redirects to the login page, data gets 401; an analyst on an admin route gets
 * 403) and, for every POST, the CSRF token (403 without the right one). Also refuses oversized
 * query strings (414) and broken percent-encoding in them (400) before any route runs.
 *
 * <p>Thread-safe.
 */
final class RequestGuard {
    /** Longest query string accepted, in characters. */
    static final int MAX_QUERY_CHARS = 2048;

    private final Authenticator auth;

    RequestGuard(Authenticator auth) {
        this.auth = auth;
    }

    /** Runs before every request (routes, static files, unknown paths). */
    void beforeAll(Context ctx) {
        String q = ctx.queryString();
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new ConsoleException(414, "error.queryTooLong", q.length(), MAX_QUERY_CHARS);
        }
        if (q != null) {
            try {
                URLDecoder.decode(q, StandardCharsets.UTF_8); // Javalin would silently drop a broken parameter
            } catch (IllegalArgumentException e) {
                throw ConsoleException.badRequest("error.badEncoding");
            }
        }
    }

    Handler wrap(Route route) {
        return ctx -> {
            if (route.kind() == Route.Kind.DATA) {
                ctx.attribute(ErrorPages.DATA_ATTR, Boolean.TRUE);
            }
            if (route.access() != Access.PUBLIC) {
                Optional<ConsoleUser> user = auth.user(ctx);
                if (user.isEmpty()) {
                    if (route.kind() == Route.Kind.PAGE) {
                        String next = route.writes() ? "/" : ctx.path(); // always a next=: tests tell this redirect by it
                        ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                        return;
                    }
                    throw new ConsoleException(401, "error.unauthorized");
                }
                if (route.access() == Access.ADMIN && !user.get().admin()) {
                    throw new ConsoleException(403, "error.forbidden");
                }
            }
            if (route.writes() && !auth.csrfValid(ctx)) {
                throw new ConsoleException(403, "error.csrf");
            }
            ctx.header("Cache-Control", "no-store");
            route.handler().handle(ctx);
        };
    }
}

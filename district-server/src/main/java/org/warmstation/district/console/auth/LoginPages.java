package org.warmstation.district.console.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;

/**
 * {@code GET /login} (the form), {@code POST /login} (checks the password with the lockout, starts
 * a session, redirects to {@code next}) and {@code POST /logout}. A refused login answers 401 with
 * the form and a message; a locked account says until when.
 */
public final class LoginPages implements ConsolePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ConsoleServices services;
    private final Authenticator auth;
    private final Logins logins;

    /**
     * @param services renderer, settings, clock
     * @param auth     request login state
     * @param logins   password check with lockout
     */
    public LoginPages(ConsoleServices services, Authenticator auth, Logins logins) {
        this.services = services;
        this.auth = auth;
        this.logins = logins;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/login", Access.PUBLIC, this::form);
        routes.post("/login", Access.PUBLIC, this::login);
        routes.post("/logout", Access.ANALYST, this::logout);
    }

    private void form(Context ctx) throws SQLException {
        if (auth.user(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, null, null, "");
    }

    private void login(Context ctx) throws SQLException {
        String name = value(ctx.formParam("username"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        Logins.Result result = logins.login(name, password);
        switch (result) {
            case Logins.Success s -> {
                auth.startSession(ctx, s.user(), services.settings().sessionLifetime());
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            }
            case Logins.Locked l -> {
                ctx.status(HttpStatus.UNAUTHORIZED);
                String until = TIME.format(l.until().atZone(services.clock().getZone()));
                show(ctx, "login.locked", until, name);
            }
            case Logins.Refused r -> {
                ctx.status(HttpStatus.UNAUTHORIZED);
                show(ctx, "login.refused", null, name);
            }
        }
    }

    private void logout(Context ctx) throws SQLException {
        auth.endSession(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, String messageKey, String until, String name) throws SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("message", messageKey);
        model.put("until", until);
        model.put("username", name);
        String next = ctx.method().toString().equals("GET") ? ctx.queryParam("next") : ctx.formParam("next");
        model.put("next", safeNext(next));
        services.renderer().render(ctx, "login", model);
    }

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * @param next a requested target
     * @return it when it is a path on this site, else {@code /}
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 512 || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}

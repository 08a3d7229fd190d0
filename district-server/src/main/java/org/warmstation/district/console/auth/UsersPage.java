package org.warmstation.district.console.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;

/**
 * Admin only: {@code GET /admin/users} lists the accounts with their lock state, {@code POST
 * /admin/users/{name}/unlock} ends a lock early. Accounts are created on the command line
 * ({@code district-server user add}), so no password ever passes through a web form but the login.
 */
public final class UsersPage implements ConsolePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsoleServices services;
    private final UserStore users;

    /**
     * One row of the list.
     *
     * @param name   login
     * @param role   {@code analyst} or {@code admin}
     * @param locked whether locked now
     * @param until  lock end (local time), or empty
     */
    public record Row(String name, String role, boolean locked, String until) {
    }

    /**
     * @param services renderer, clock
     * @param users    the user store
     */
    public UsersPage(ConsoleServices services, UserStore users) {
        this.services = services;
        this.users = users;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/admin/users", Access.ADMIN, this::list);
        routes.post("/admin/users/{name}/unlock", Access.ADMIN, this::unlock);
    }

    private void list(Context ctx) throws SQLException {
        Instant now = services.clock().instant();
        ZoneId zone = services.clock().getZone();
        List<Row> rows = users.all().stream().map(u -> {
            boolean locked = u.lockedUntil().map(now::isBefore).orElse(false);
            return new Row(u.name(), u.role().name().toLowerCase(java.util.Locale.ROOT), locked,
                    locked ? TIME.format(u.lockedUntil().get().atZone(zone)) : "");
        }).toList();
        services.renderer().render(ctx, "users", Map.of("nav", "users", "rows", rows,
                "unlocked", ctx.queryParam("unlocked") == null ? "" : ctx.queryParam("unlocked")));
    }

    private void unlock(Context ctx) throws SQLException {
        String name = ctx.pathParam("name");
        if (!UserStore.NAME.matcher(name).matches() || !users.clearFailures(name)) {
            throw ConsoleException.notFound("error.userUnknown", name);
        }
        ctx.redirect("/admin/users?unlocked=" + name, HttpStatus.SEE_OTHER);
    }
}

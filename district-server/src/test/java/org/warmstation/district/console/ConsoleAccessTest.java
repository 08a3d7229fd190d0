package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.console.testing.DatabaseFingerprint;

/**
 * Every route of the route table, tried anonymously, as an analyst and as an admin: non-public
 * routes refuse the anonymous request (pages redirect to the login page, data answers 401), admin
 * routes refuse the analyst (403); POSTs without the CSRF token are refused.
 */
class ConsoleAccessTest {
    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension();

    /** A concrete path for a route pattern: each {@code {param}} becomes {@code sample}. */
    static String sample(Route r) {
        return r.path().replaceAll("\\{[^}]*}|<[^>]*>", "sample");
    }

    private static ConsoleHttp.Response call(ConsoleHttp http, Route r) throws IOException, InterruptedException {
        return r.writes() ? http.post(sample(r), Map.of()) : http.get(sample(r));
    }

    private static boolean sentToLogin(ConsoleHttp.Response res) {
        return res.status() == 303 && res.location().orElse("").startsWith("/login?next=");
    }

    private List<Route> routes(Access access) {
        return console.server().routes().stream().filter(r -> r.access() == access).toList();
    }

    @Test
    void everyNonPublicRouteRefusesAnAnonymousRequest() throws Exception {
        List<Route> guarded = console.server().routes().stream().filter(r -> r.access() != Access.PUBLIC).toList();
        assertFalse(guarded.isEmpty());
        for (Route r : guarded) {
            ConsoleHttp.Response res = call(console.http(), r);
            if (r.kind() == Route.Kind.DATA) {
                assertEquals(401, res.status(), r + " anonymously: " + res.body());
            } else {
                assertTrue(sentToLogin(res), r + " anonymously answered " + res.status() + " " + res.location());
            }
        }
    }

    @Test
    void publicPagesAnswerAnonymousRequests() throws Exception {
        for (Route r : routes(Access.PUBLIC)) {
            if (r.writes()) {
                continue; // POST /login answers 401 to an empty form: tested in ConsoleLoginTest
            }
            ConsoleHttp.Response res = call(console.http(), r);
            // the package download (issue 15) with sample names: no such release, but no login asked
            int expected = r.path().equals("/updates/{version}/{file}") ? 404 : 200;
            assertEquals(expected, res.status(), r + " anonymously: " + res.body());
        }
    }

    @Test
    void analystIsRefusedEveryAdminRouteAndAdmittedToTheOthers() throws Exception {
        for (Route r : console.server().routes()) {
            if (r.path().equals("/login")) {
                continue; // a logged-in user's login form and login post redirect
            }
            ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            ConsoleHttp.Response res = call(analyst, r);
            if (r.access() == Access.ADMIN) {
                assertEquals(403, res.status(), r + " as analyst: " + res.body());
            } else {
                assertFalse(res.status() == 401 || res.status() == 403 || sentToLogin(res),
                        r + " as analyst answered " + res.status());
                assertTrue(res.status() < 500, r + " as analyst: " + res.status() + " " + res.body());
            }
        }
    }

    @Test
    void adminIsAdmittedToEveryRoute() throws Exception {
        for (Route r : console.server().routes()) {
            if (r.path().equals("/login")) {
                continue;
            }
            ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            ConsoleHttp.Response res = call(admin, r);
            assertFalse(res.status() == 401 || res.status() == 403 || sentToLogin(res), r + " as admin answered " + res.status());
            assertTrue(res.status() < 500, r + " as admin: " + res.status() + " " + res.body());
        }
    }

    @Test
    void tableHasRoutesOfEveryAccessLevel() {
        for (Access a : Access.values()) {
            assertFalse(routes(a).isEmpty(), "no " + a + " route");
        }
    }

    @Test
    void getRoutesWriteNothing() throws Exception {
        ConsoleHttp anonymous = console.http();
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        Map<String, String> before = DatabaseFingerprint.of(console.database());
        int gets = 0;
        for (Route r : console.server().routes()) {
            if (r.writes()) {
                continue;
            }
            for (ConsoleHttp h : List.of(anonymous, analyst, admin)) {
                assertTrue(h.get(sample(r)).status() < 500, r.toString());
                assertTrue(h.get(sample(r) + "?lang=en&from=2026-12-01&to=2026-12-31").status() < 500, r.toString());
                gets += 2;
            }
        }
        assertTrue(gets > 0);
        assertEquals(before, DatabaseFingerprint.of(console.database()), "after " + gets + " GETs");
    }

    @Test
    void browserLibrariesAndStylesheetAreServedWithoutLogin() throws Exception {
        ConsoleHttp anonymous = console.http();
        for (String path : List.of("/webjars/echarts/5.3.1/dist/echarts.min.js", "/webjars/leaflet/1.9.4/dist/leaflet.js",
                "/webjars/leaflet/1.9.4/dist/leaflet.css", "/console/static/console.css")) {
            ConsoleHttp.Response res = anonymous.get(path);
            assertEquals(200, res.status(), path);
            assertTrue(res.body().length() > 1000, path);
        }
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response res = analyst.postWithoutCsrf("/logout", Map.of());
        assertEquals(403, res.status());
        assertTrue(res.body().contains("CSRF"), res.body());
        assertEquals(200, analyst.get("/").status(), "still logged in");
        ConsoleHttp.Response forged = analyst.postWithoutCsrf("/logout", Map.of("_csrf", "forged-token"));
        assertEquals(403, forged.status());
        assertEquals(200, analyst.get("/").status(), "still logged in");
        assertEquals(303, analyst.post("/logout", Map.of()).status());
        assertTrue(sentToLogin(analyst.get("/")), "logged out");
    }

    @Test
    void everyPostOfTheTableRefusesAMissingCsrfToken() throws Exception {
        for (Route r : console.server().routes()) {
            if (!r.writes()) {
                continue;
            }
            ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            ConsoleHttp.Response res = admin.postWithoutCsrf(sample(r), Map.of());
            assertEquals(403, res.status(), r + " without CSRF token: " + res.body());
        }
        ConsoleHttp anonymous = console.http();
        assertEquals(403, anonymous.postWithoutCsrf("/login",
                Map.of("username", ConsoleExtension.ANALYST, "password", ConsoleExtension.ANALYST_PASSWORD)).status());
    }
}

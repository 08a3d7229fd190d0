package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;

/** Login, session cookie attributes, lockout after 5 wrong passwords (on the console's mutable clock). */
class ConsoleLoginTest {
    private static final String LOCKED_USER = "lockme";
    private static final String LOCKED_PASSWORD = "lockme-password-1";

    private static final String UNLOCKED_USER = "unlockme";

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        new UserStore(db).add(LOCKED_USER, Role.ANALYST, new PasswordHasher(4).hash(LOCKED_PASSWORD));
        new UserStore(db).add(UNLOCKED_USER, Role.ANALYST, new PasswordHasher(4).hash(LOCKED_PASSWORD));
    });

    @Test
    void adminUnlocksALockedAccount() throws Exception {
        ConsoleHttp http = console.http();
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, http.login(UNLOCKED_USER, "wrong-password-" + i).status());
        }
        assertEquals(401, http.login(UNLOCKED_USER, LOCKED_PASSWORD).status(), "locked");
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        ConsoleHttp.Response list = admin.get("/admin/users?lang=en");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("locked until"), list.body());
        ConsoleHttp.Response unlock = admin.post("/admin/users/" + UNLOCKED_USER + "/unlock", Map.of());
        assertEquals(303, unlock.status());
        assertEquals(303, http.login(UNLOCKED_USER, LOCKED_PASSWORD).status(), "unlocked");
        assertEquals(404, admin.post("/admin/users/nobody/unlock", Map.of()).status());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        ConsoleHttp.Response res = console.http().login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        assertEquals(303, res.status());
        String cookie = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ws_session=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(!cookie.contains("Secure"), "plain HTTP without a proxy: " + cookie);
    }

    @Test
    void sessionCookieIsSecureBehindATlsProxy() throws Exception {
        ConsoleHttp http = console.http();
        String token = http.csrfToken();
        ConsoleHttp.Response res = http.postWithoutCsrf("/login", Map.of("username", ConsoleExtension.ADMIN,
                "password", ConsoleExtension.ADMIN_PASSWORD, "_csrf", token));
        assertEquals(303, res.status());
        // the same login with the proxy's header
        java.net.http.HttpResponse<String> viaProxy = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(console.url() + "/login"))
                        .header("X-Forwarded-Proto", "https").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String pre = viaProxy.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ws_csrf=")).findFirst()
                .orElseThrow();
        assertTrue(pre.contains("Secure"), pre);
    }

    @Test
    void languageChoiceIsRememberedInACookie() throws Exception {
        ConsoleHttp http = console.http();
        assertTrue(http.get("/login").body().contains("区总工会登录"), "Chinese by default");
        ConsoleHttp.Response en = http.get("/login?lang=en");
        assertTrue(en.body().contains("District office login"), en.body());
        assertTrue(en.body().contains("<html lang=\"en\""), "html lang attribute");
        assertTrue(http.get("/login").body().contains("District office login"), "remembered without the parameter");
        assertTrue(http.get("/login?lang=zh").body().contains("区总工会登录"));
        assertTrue(http.get("/login").body().contains("区总工会登录"));
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        ConsoleHttp.Response res = console.http().login(ConsoleExtension.ANALYST, "not-the-password");
        assertEquals(401, res.status());
        assertTrue(res.body().contains("用户名或密码错误"), res.body());
        ConsoleHttp.Response unknown = console.http().login("nobody", "not-the-password");
        assertEquals(401, unknown.status());
        assertTrue(unknown.body().contains("用户名或密码错误"), unknown.body());
    }

    @Test
    void sixthAttemptIsRefusedEvenWithTheRightPasswordUntilTheLockEnds() throws Exception {
        ConsoleHttp http = console.http();
        for (int i = 1; i <= 4; i++) {
            ConsoleHttp.Response res = http.login(LOCKED_USER, "wrong-password-" + i);
            assertEquals(401, res.status());
            assertTrue(res.body().contains("用户名或密码错误"), "attempt " + i);
        }
        ConsoleHttp.Response fifth = http.login(LOCKED_USER, "wrong-password-5");
        assertEquals(401, fifth.status());
        assertTrue(fifth.body().contains("账户已锁定"), fifth.body());
        ConsoleHttp.Response sixth = http.login(LOCKED_USER, LOCKED_PASSWORD);
        assertEquals(401, sixth.status(), "right password during the lock");
        assertTrue(sixth.body().contains("账户已锁定"), sixth.body());

        console.clock().advance(Duration.ofMinutes(14));
        assertEquals(401, http.login(LOCKED_USER, LOCKED_PASSWORD).status(), "still locked after 14 min");
        console.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(303, http.login(LOCKED_USER, LOCKED_PASSWORD).status(), "lock over after 15 min");
        assertEquals(200, http.get("/").status());
    }

    @Test
    void sessionEndsAfterItsLifetime() throws Exception {
        ConsoleHttp http = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        assertEquals(200, http.get("/").status());
        console.clock().advance(console.server().services().settings().sessionLifetime().plusSeconds(1));
        assertEquals(303, http.get("/").status());
    }

    @Test
    void loginRedirectsOnlyToPathsOfThisSite() throws Exception {
        ConsoleHttp http = console.http();
        String token = http.csrfToken();
        ConsoleHttp.Response res = http.postWithoutCsrf("/login", Map.of("username", ConsoleExtension.ANALYST,
                "password", ConsoleExtension.ANALYST_PASSWORD, "_csrf", token, "next", "//evil.example/"));
        assertEquals(303, res.status());
        assertEquals("/", res.location().orElseThrow());
    }
}

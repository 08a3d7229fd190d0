package org.warmstation.district.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServer;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.ConsoleSettings;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.console.pages.ConsolePages;
import org.warmstation.district.db.DistrictDatabase;

/**
 * A running console for a test class: a real embedded PostgreSQL (fresh data directory) with the
 * district schema, one analyst ({@link #ANALYST}) and one admin ({@link #ADMIN}), and the console on
 * 127.0.0.1 at a free port with a {@link MutableClock}. Use as
 * <pre>{@code
 * @RegisterExtension
 * static final ConsoleExtension console = new ConsoleExtension();
 * }</pre>
 * optionally with {@link #withPages}, {@link #withSettings} or {@link #withSetup} (e.g. to load
 * visits before the console starts). Started once per class, stopped after it.
 */
public final class ConsoleExtension implements BeforeAllCallback, AfterAllCallback {
    /** The district id served. */
    public static final int DISTRICT = 110105;
    /** The analyst's login. */
    public static final String ANALYST = "analyst";
    /** The admin's login. */
    public static final String ADMIN = "admin";
    /** The analyst's password. */
    public static final String ANALYST_PASSWORD = "analyst-password-1";
    /** The admin's password. */
    public static final String ADMIN_PASSWORD = "admin-password-1";

    /** Work on the database before the console starts. */
    @FunctionalInterface
    public interface Setup {
        /**
         * @param database the open database
         * @throws Exception to fail the test class
         */
        void run(DistrictDatabase database) throws Exception;
    }

    private Function<ConsoleServices, List<ConsolePage>> pages = ConsolePages::standard;
    private UnaryOperator<ConsoleSettings> settings = UnaryOperator.identity();
    private Setup setup = db -> { };
    private final MutableClock clock = new MutableClock(Instant.now(), ZoneId.of("Asia/Shanghai"));
    private Path dir;
    private DistrictDatabase database;
    private ConsoleServer server;

    /**
     * @param p the pages to serve instead of the standard ones
     * @return this
     */
    public ConsoleExtension withPages(Function<ConsoleServices, List<ConsolePage>> p) {
        this.pages = p;
        return this;
    }

    /**
     * @param s changes to the default settings (127.0.0.1, free port, k = 5)
     * @return this
     */
    public ConsoleExtension withSettings(UnaryOperator<ConsoleSettings> s) {
        this.settings = s;
        return this;
    }

    /**
     * @param s work on the database before the console starts
     * @return this
     */
    public ConsoleExtension withSetup(Setup s) {
        this.setup = s;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("console-test");
        database = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        UserStore users = new UserStore(database);
        PasswordHasher fast = new PasswordHasher(4);
        users.add(ANALYST, Role.ANALYST, fast.hash(ANALYST_PASSWORD));
        users.add(ADMIN, Role.ADMIN, fast.hash(ADMIN_PASSWORD));
        setup.run(database);
        server = ConsoleServer.start(settings.apply(ConsoleSettings.of("127.0.0.1", 0, DISTRICT)), database, clock, pages);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:40123} */
    public String url() {
        return server.url();
    }

    /** @return the running console */
    public ConsoleServer server() {
        return server;
    }

    /** @return the database */
    public DistrictDatabase database() {
        return database;
    }

    /** @return the console's clock, to move in tests */
    public MutableClock clock() {
        return clock;
    }

    /** @return a new cookie-keeping HTTP client, not logged in */
    public ConsoleHttp http() {
        return new ConsoleHttp(url());
    }

    /**
     * @param name     login
     * @param password password
     * @return a new HTTP client logged in as that user
     * @throws IOException          when the console does not answer
     * @throws InterruptedException when interrupted
     * @throws AssertionError       when the login is refused
     */
    public ConsoleHttp loggedIn(String name, String password) throws IOException, InterruptedException {
        ConsoleHttp h = http();
        ConsoleHttp.Response r = h.login(name, password);
        if (r.status() != 303) {
            throw new AssertionError("login of " + name + " refused: " + r.status());
        }
        return h;
    }
}

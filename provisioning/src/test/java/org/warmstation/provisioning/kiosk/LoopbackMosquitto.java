package org.warmstation.provisioning.kiosk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto for the kiosk wiring tests, on a free port of 127.0.0.1 only, anonymous, with a
 * generated config in the test's folder (a minimal copy of sync-agent's MosquittoProcess test
 * fixture, which is not in a test-jar). Needs the Debian package {@code mosquitto}.
 */
final class LoopbackMosquitto implements AutoCloseable {
    private final Process process;
    private final int port;

    private LoopbackMosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LoopbackMosquitto start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "user " + System.getProperty("user.name") + "\nlistener " + port + " 127.0.0.1\n"
                + "allow_anonymous true\npersistence false\nlog_dest file " + dir.resolve("mosquitto.log") + "\n");
        String bin = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        Process p = new ProcessBuilder(bin, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new LoopbackMosquitto(p, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.out")));
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

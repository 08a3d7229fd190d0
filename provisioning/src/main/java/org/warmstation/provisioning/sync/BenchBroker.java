package org.warmstation.provisioning.sync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A Mosquitto started for the benchmark on a free port of 127.0.0.1, config and log in a temp folder. */
final class BenchBroker implements AutoCloseable {
    private final Process process;
    private final int port;

    private BenchBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param dir folder for config and log
     * @return the running broker
     * @throws IOException when mosquitto is missing or does not listen within 10 s
     */
    static BenchBroker start(Path dir) throws IOException {
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new BenchBroker(p, port);
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        p.destroyForcibly();
        throw new IOException("mosquitto did not start (is the Debian package 'mosquitto' installed?): "
                + Files.readString(dir.resolve("mosquitto.out")));
    }

    /** @return the broker URI */
    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

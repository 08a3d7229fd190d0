package org.warmstation.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes a running Mosquitto re-read its password and ACL files (decision 0182): sends SIGHUP to the
 * process whose id Mosquitto wrote into its {@code pid_file}. Needs the right to signal that process
 * (same user, or root); a district server that has not that right leaves the reload to the systemd
 * path unit shipped in {@code docs/deploy} ({@link #NONE}). Blocks until {@code kill} returns.
 */
@FunctionalInterface
public interface BrokerReload {
    /** No reload from here (a systemd path unit watches the password file instead). */
    BrokerReload NONE = () -> { };

    /**
     * Asks the broker to reload.
     *
     * @throws IOException when the signal cannot be sent
     */
    void reload() throws IOException;

    /**
     * @param pidFile the broker's {@code pid_file}
     * @return a reload that signals the process named in that file (read at each reload, so a
     *         restarted broker is found)
     */
    static BrokerReload signalling(Path pidFile) {
        return () -> {
            String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            if (!pid.matches("[0-9]{1,10}")) {
                throw new IOException("no process id in " + pidFile + ": '" + pid + "'");
            }
            signalHup(Long.parseLong(pid));
        };
    }

    /**
     * Sends SIGHUP to a process with {@code kill -HUP}.
     *
     * @param pid the process id
     * @throws IOException when kill fails or does not end within 10 s
     */
    static void signalHup(long pid) throws IOException {
        Process p = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("kill -HUP " + pid + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + pid, e);
        }
    }
}

package org.warmstation.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The installed kiosk running headless in a {@link DebianRoot} as the kiosk user, and what systemd
 * does for it there: a {@code systemctl} in {@code /usr/local/sbin} of the root (the root has no
 * running systemd) only leaves a mark, and {@link #restartWhenAsked} restarts the kiosk when it
 * finds one, as {@code systemctl restart warm-station-kiosk} would. Each start logs into its own
 * file in the build folder.
 */
final class KioskInRoot implements AutoCloseable {
    private static final String MARK = "/tmp/systemctl-restart";

    private final DebianRoot root;
    private final Path logs;
    private Process kiosk;
    private int starts;
    private int restarts;

    KioskInRoot(DebianRoot root, Path logs) throws IOException {
        this.root = root;
        this.logs = logs;
        Path shim = root.path("/usr/local/sbin/systemctl");
        Files.createDirectories(shim.getParent());
        Files.writeString(shim, "#!/bin/sh\n# the test root's systemctl: the test restarts the kiosk\necho \"$*\" >> /tmp/systemctl.log\n"
                + "touch " + MARK + "\n");
        shim.toFile().setExecutable(true, false);
    }

    /** Starts the kiosk (stopping one that runs). */
    synchronized void start() throws IOException, InterruptedException {
        stop();
        starts++;
        kiosk = new ProcessBuilder(root.commandLine("timeout", "900", "setpriv", "--reuid=warm-station",
                "--regid=warm-station", "--init-groups", "env", "DISPLAY=:99", "/usr/bin/warm-station", "kiosk", "--config",
                "/etc/warm-station/station.properties"))
                .redirectErrorStream(true).redirectOutput(log().toFile()).start();
    }

    /** @return the current start's log file */
    Path log() {
        return logs.resolve("kiosk-update-" + starts + ".log");
    }

    /** @return the current start's log text */
    String output() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

    /** @return the kiosk's JVM (a descendant of the chroot's unshare), if it runs */
    synchronized java.util.Optional<ProcessHandle> jvm() {
        if (kiosk == null) {
            return java.util.Optional.empty();
        }
        return kiosk.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
    }

    /** @return whether the kiosk process runs */
    synchronized boolean alive() {
        return kiosk != null && kiosk.isAlive();
    }

    /** @return how often the installer asked for a restart so far */
    synchronized int restarts() {
        return restarts;
    }

    /** Restarts the kiosk when the root's systemctl was called; call often. */
    synchronized void restartWhenAsked() throws IOException, InterruptedException {
        if (Files.deleteIfExists(root.path(MARK))) {
            restarts++;
            start();
        }
    }

    synchronized void stop() throws InterruptedException {
        if (kiosk != null) {
            kiosk.destroy();
            if (!kiosk.waitFor(30, TimeUnit.SECONDS)) {
                kiosk.descendants().forEach(ProcessHandle::destroyForcibly);
                kiosk.destroyForcibly();
                kiosk.waitFor(10, TimeUnit.SECONDS);
            }
            kiosk = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

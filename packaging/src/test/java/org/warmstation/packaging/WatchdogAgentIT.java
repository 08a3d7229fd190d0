package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged watchdog agent in a child JVM started like {@code /usr/bin/warm-station} starts the
 * kiosk (the jars of the built package tree, {@code -javaagent:}), with systemd's environment
 * ({@code NOTIFY_SOCKET} on a real Unix datagram socket, {@code WATCHDOG_USEC}): it pings while
 * the JavaFX thread answers and stops once it hangs.
 */
class WatchdogAgentIT {
    @TempDir
    Path dir;

    @Test
    void agentPingsSystemdWhileTheFxThreadAnswersAndStopsWhenItHangs() throws Throwable {
        // the amd64 package's tree (build-deb.sh: deb-tree-ARCH), the one whose JavaFX runs on this machine
        PackageContents.Arch arch = PackageContents.Arch.AMD64;
        Path tree = Path.of(System.getProperty("deb.directory", "target"), "deb-tree-" + arch.debian + "/usr/share/warm-station");
        Path socketPath = dir.resolve("notify");
        try (NotifySocket socket = new NotifySocket(socketPath)) {
            String classpath = tree.resolve("lib") + "/*:" + tree.resolve("javafx/" + arch.javafxFolder) + "/*:"
                    + Path.of(HangingKiosk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                    "-javaagent:" + tree.resolve("lib/warm-station-watchdog.jar"), "-cp", classpath,
                    HangingKiosk.class.getName(), "3000", "60000").redirectErrorStream(true);
            builder.environment().put("NOTIFY_SOCKET", socketPath.toString());
            builder.environment().put("WATCHDOG_USEC", "600000"); // ping every 200 ms
            Process kiosk = builder.start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                CompletableFuture<Void> hung = CompletableFuture.runAsync(() -> {
                    try {
                        for (String line; (line = out.readLine()) != null; ) {
                            synchronized (lines) {
                                lines.add(line);
                            }
                            if (line.equals("HUNG")) {
                                return;
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                hung.get(120, TimeUnit.SECONDS);
                List<String> beforeHang = socket.receive();
                assertTrue(beforeHang.contains("STATUS=kiosk starting"), beforeHang.toString());
                assertTrue(beforeHang.stream().filter("WATCHDOG=1"::equals).count() >= 3,
                        "pings while the kiosk ran: " + beforeHang + "\n" + lines);
                Thread.sleep(2000); // a probe already under way when the thread hung ends within 200 ms
                socket.receive();
                Thread.sleep(3000);
                assertEquals(List.of(), socket.receive(), "no ping while the JavaFX thread hangs");
                assertTrue(kiosk.isAlive(), "the agent only stops pinging; systemd does the killing");
            } finally {
                kiosk.destroyForcibly();
                kiosk.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}

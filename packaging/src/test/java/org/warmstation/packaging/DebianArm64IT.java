package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.terminal.StationCli;

/**
 * The arm64 proof (issue 15): the built {@code warm-station-terminal_VERSION_arm64.deb} installed
 * with dpkg into a Debian 13 arm64 root ({@link DebianRoot#freshArm64Copy}, Debian's own arm64
 * packages, openjdk-25 among them, unpacked by {@link Arm64Base}; every program in it runs through
 * {@code qemu-user-static} registered with binfmt_misc), its kiosk started headless (JavaFX's
 * headless platform, Pi4J's mock platform: no GPIO here) as the kiosk user against a Mosquitto on
 * this machine, a member card checked in from its printed image (the folder scanner: image file,
 * ZXing, card verification, SQLite visit log via sqlite-jdbc's aarch64 library, outbox), and the
 * visit seen arriving at the broker. The figures of each step are printed.
 *
 * <p>What it proves and what is narrower than a real install is printed at the end ({@link #PROVED},
 * {@link #NARROWER}): the arm64 dpkg (emulated) checks our package's {@code Architecture: arm64}
 * and runs its maintainer scripts (adduser included), but Debian's own packages in the root were
 * unpacked, not configured (decision 0235), so dpkg installs ours with {@code --force-depends}; the
 * dependency resolution of {@code Depends:} and the other maintainer scripts are shown on amd64 by
 * {@link DebianPackageIT}.
 *
 * <p>Needs root, debootstrap, and arm64 programs running here ({@link ForeignArch}); without them
 * the class is skipped outside CI and fails in CI with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianArm64IT {
    private static final String STATION = "CY-0042";
    private static final int DISTRICT = 110105;
    /** What a pass shows (printed at the end). */
    static final String PROVED = "arm64 proof: in a Debian 13 arm64 root (Debian's arm64 packages unpacked; every"
            + " program emulated by qemu-user-static through binfmt_misc) the arm64 dpkg accepted the package's"
            + " Architecture: arm64 and ran its maintainer scripts (postinst made the kiosk user with adduser), and its"
            + " kiosk ran as that user on Debian's openjdk-25 for arm64 with JavaFX linux-aarch64 (headless platform)"
            + " and sqlite-jdbc's aarch64 library, checked in a member card from its image and sent the visit to Mosquitto.";
    /** What a pass does not show (printed at the end). */
    static final String NARROWER = "narrower than a real install: Debian's own packages in the root were unpacked with"
            + " dpkg-deb, not configured (no maintainer script of theirs ran on arm64; dpkg's database does not list"
            + " them, so ours went in with --force-depends: Depends: and apt's resolution are shown on amd64 by"
            + " DebianPackageIT); no systemd, cage or XWayland drawing, camera, or Pi4J's gpiod plugin on real GPIO"
            + " (the mock platform ran: no /dev/gpiochip in the root).";

    Path buildDir;
    DebianRoot root;
    MosquittoBroker broker;
    long started;

    @BeforeAll
    void installIntoAFreshArm64Root() throws Exception {
        started = System.nanoTime();
        buildDir = Path.of(System.getProperty("deb.directory", "target"));
        Path deb = buildDir.resolve(PackageContents.Arch.ARM64.debName(System.getProperty("deb.version", "0.1.0-SNAPSHOT")));
        String missing = DebianPackageIT.missingRootOrDebootstrap();
        if (missing == null) {
            String why = ForeignArch.arm64Runs();
            missing = why == null ? null : "arm64 programs to run here: " + why;
        }
        if (missing != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("the arm64 package test needs " + missing);
            }
            Assumptions.abort("the arm64 package test needs " + missing + "; skipped outside CI");
        }
        assertTrue(Files.isRegularFile(deb), "the package was built in `package`: " + deb);
        root = DebianRoot.freshArm64Copy(buildDir.resolve("debian-root"), "arm64-test");
        System.out.printf("arm64: debian root ready after %.0f s%n", seconds());
        Files.copy(deb, root.path("/tmp/warm-station-terminal.deb"));
        broker = MosquittoBroker.startEphemeral(Files.createDirectories(buildDir.resolve("arm64-broker")));
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (root != null) {
            long deleteStart = System.nanoTime();
            root.delete();
            System.out.printf("arm64: root copy deleted in %.0f s%n", (System.nanoTime() - deleteStart) / 1e9);
        }
        System.out.printf("arm64: package test took %.0f s%n", seconds());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Test
    @Order(1)
    void packageInstallsWithDpkgInTheArm64Root() throws Exception {
        assertEquals("aarch64", root.run("uname", "-m").orFail().output().strip(), "the root's programs run as arm64");
        assertEquals("arm64", root.run("dpkg", "--print-architecture").orFail().output().strip());
        long dpkgStart = System.nanoTime();
        // --force-depends: Debian's packages in the root are unpacked, not in dpkg's database (Arm64Base)
        Shell.Result install = Shell.run(null, Duration.ofMinutes(15),
                root.commandLine("dpkg", "-i", "--force-depends", "/tmp/warm-station-terminal.deb"));
        assertEquals(0, install.exit(), install.output());
        System.out.printf("arm64: dpkg -i (emulated, postinst with adduser) in %.0f s%n", (System.nanoTime() - dpkgStart) / 1e9);
        assertEquals("arm64", root.run("dpkg-query", "-W", "-f", "${Architecture}", DebianPackageIT.PACKAGE)
                .orFail().output().strip());
        assertTrue(root.run("getent", "passwd", "warm-station").exit() == 0, "postinst made the kiosk user");
        assertTrue(root.run("sh", "-c", "ls /usr/lib/jvm/java-25-openjdk-arm64/bin/java").exit() == 0,
                "Debian's openjdk-25 for arm64 is in the root");
        System.out.printf("arm64: package installed with dpkg after %.0f s%n", seconds());
    }

    @Test
    @Order(2)
    void kioskOnArm64ChecksInACardFromItsImageAndTheVisitReachesTheBroker() throws Exception {
        // the district's keys and a printed member card, made on this machine (plain files)
        assertEquals(0, StationCli.commandLine().execute("district", "init", "--district", String.valueOf(DISTRICT),
                "--dir", root.path("/tmp/keys").toString()));
        assertEquals(0, StationCli.commandLine().execute("card", "issue", "--key",
                root.path("/tmp/keys/district-" + DISTRICT + ".key").toString(), "--category", "快递员",
                "--valid-from", "2026-01-01", "--valid-until", "2099-12-31", "--union", "北京市朝阳区总工会",
                "--out", root.path("/tmp/cards").toString()));
        root.sh("chmod -R a+rX /tmp/keys /tmp/cards && rm -f /tmp/cards/*.pdf").orFail();
        // the technician's station init, on arm64, as the kiosk user (setpriv as for the kiosk: runuser needs
        // the PAM configuration pam-auth-update writes, which no maintainer script wrote here)
        long initStart = System.nanoTime();
        Shell.Result init = Shell.run(null, Duration.ofMinutes(10), root.commandLine("setpriv", "--reuid=warm-station",
                "--regid=warm-station", "--init-groups", "warm-station", "station", "init", "--id", STATION, "--name", "望京街道暖心驿站", "--district",
                String.valueOf(DISTRICT), "--lat", "39.9961", "--lon", "116.4700", "--broker", broker.url(), "--insecure-lab", "--trust",
                "/tmp/keys/trust-list.txt", "--data-dir", "/var/lib/warm-station", "--out",
                "/etc/warm-station/station.properties"));
        assertEquals(0, init.exit(), init.output());
        System.out.printf("arm64: station init (emulated) in %.0f s; station configured after %.0f s%n",
                (System.nanoTime() - initStart) / 1e9, seconds());
        Files.writeString(root.path("/etc/warm-station/station.properties"),
                "scanner.source=folder\nscanner.folder=/tmp/cards\n", java.nio.file.StandardOpenOption.APPEND);
        Path env = root.path("/etc/warm-station/warm-station.env");
        // JavaFX's headless platform instead of cage and XWayland; C1 only: C2's compiles cost most under emulation
        Files.writeString(env, Files.readString(env).replace("JAVA_OPTS=\"-Xmx512m\"",
                "JAVA_OPTS=\"-Xmx512m -Dglass.platform=Headless -Dprism.order=sw -XX:TieredStopAtLevel=1\""));

        Topics topics = new Topics(DISTRICT, STATION);
        BlockingQueue<byte[]> visits = new LinkedBlockingQueue<>();
        Path log = buildDir.resolve("kiosk-in-arm64-root.log");
        MqttClient district = new MqttClient(broker.url(), "arm64-test-district", new MemoryPersistence());
        try {
            district.connect();
            // (MqttClient.subscribe(String, int, listener) of Paho 1.2.5 calls itself until the stack overflows)
            district.subscribe(new MqttSubscription[] {new MqttSubscription(topics.topic(Topics.Kind.VISITS), 1)},
                    new IMqttMessageListener[] {(topic, message) -> visits.add(message.getPayload())});
            long kioskStart = System.nanoTime();
            Process kiosk = new ProcessBuilder(root.commandLine("timeout", "900", "setpriv", "--reuid=warm-station",
                    "--regid=warm-station", "--init-groups", "/usr/bin/warm-station", "kiosk", "--config",
                    "/etc/warm-station/station.properties"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                byte[] payload = visits.poll(10, TimeUnit.MINUTES);
                String output = Files.readString(log);
                assertTrue(payload != null, "no visit at the broker within 10 minutes:\n" + Shell.tail(output));
                VisitBatch batch = Wire.decode(payload, VisitBatch.class);
                assertEquals(STATION, batch.station());
                assertEquals("CARD", batch.visits().getFirst().source(), "a member's card visit: " + batch.visits());
                assertTrue(batch.visits().getFirst().cardSerial() > 0, batch.visits().toString());
                assertTrue(output.contains("kiosk shown"), Shell.tail(output));
                System.out.printf("arm64: visit of card %d at the broker %.0f s after the kiosk started (%.0f s in all)%n",
                        batch.visits().getFirst().cardSerial(), (System.nanoTime() - kioskStart) / 1e9, seconds());
            } finally {
                // the proof is done; the emulated JVM's orderly shutdown took a minute here, so it gets 10 s
                long stopStart = System.nanoTime();
                kiosk.destroy();
                if (!kiosk.waitFor(10, TimeUnit.SECONDS)) {
                    kiosk.descendants().forEach(ProcessHandle::destroyForcibly);
                    kiosk.destroyForcibly();
                    kiosk.waitFor(10, TimeUnit.SECONDS);
                }
                System.out.printf("arm64: kiosk stopped in %.0f s%n", (System.nanoTime() - stopStart) / 1e9);
            }
        } finally {
            if (district.isConnected()) {
                district.disconnect();
            }
            district.close();
        }
        System.out.println(PROVED);
        System.out.println(NARROWER);
    }
}

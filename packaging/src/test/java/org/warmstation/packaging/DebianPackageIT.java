package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installs the built {@code warm-station-terminal_VERSION_amd64.deb} into a real Debian 13 root
 * (debootstrap minbase + the Java 25 runtime + systemd, see {@link DebianRoot}) and checks what a
 * technician relies on: files, user, directories, the systemd unit ({@code systemd-analyze
 * verify}), the launcher, a recorded visit, upgrade, removal and purge keeping data and config.
 *
 * <p>The graphical dependencies (cage, xwayland, GTK, fonts, the full JRE) are not installed in
 * the root, to keep the test within minutes: the package goes in with {@code dpkg --force-depends},
 * and {@code apt-get install --simulate} proves that every dependency resolves in Debian 13.
 *
 * <p>The tests run in order on one root: each step starts from the state the previous one left,
 * as on a terminal. Needs root and debootstrap; on a developer machine without them the class is
 * skipped, in CI ({@code CI} set) it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {
    static final String PACKAGE = "warm-station-terminal";
    static final String UNIT = "/usr/lib/systemd/system/warm-station-kiosk.service";

    Path buildDir;
    Path deb;
    DebianRoot root;
    long started;

    @BeforeAll
    void copyIntoAFreshDebianRoot() throws Exception {
        started = System.nanoTime();
        buildDir = Path.of(System.getProperty("deb.directory", "target"));
        String version = System.getProperty("deb.version", "0.1.0-SNAPSHOT").replace('-', '~');
        deb = buildDir.resolve(PACKAGE + "_" + version + "_amd64.deb");
        requireRootAndDebootstrap();
        assertTrue(Files.isRegularFile(deb), "the package was built in `package`: " + deb);

        root = DebianRoot.freshCopy(buildDir.resolve("debian-root"), "install-test");
        System.out.printf("debian root ready after %.0f s%n", seconds());
        Files.copy(deb, root.path("/tmp/warm-station-terminal.deb"));
    }

    private static void requireRootAndDebootstrap() throws Exception {
        String missing = missingRootOrDebootstrap();
        if (missing != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("the package install test needs " + missing);
            }
            Assumptions.abort("the package install test needs " + missing + "; skipped outside CI");
        }
    }

    /** @return what the Debian root tests need and this machine lacks (root, debootstrap, dpkg-deb), or null */
    static String missingRootOrDebootstrap() throws Exception {
        boolean isRoot = "0".equals(Shell.run(null, Duration.ofSeconds(30), List.of("id", "-u")).output().strip());
        boolean haveDebootstrap = Shell.run(null, Duration.ofSeconds(30),
                List.of("sh", "-c", "command -v debootstrap || test -x /usr/sbin/debootstrap")).exit() == 0;
        boolean haveDpkgDeb = Shell.run(null, Duration.ofSeconds(30), List.of("sh", "-c", "command -v dpkg-deb")).exit() == 0;
        return !isRoot ? "root (chroot, mounts)"
                : !haveDebootstrap ? "debootstrap (apt-get install debootstrap)"
                : !haveDpkgDeb ? "dpkg-deb (a Debian system)" : null;
    }

    @AfterAll
    void deleteTheCopy() throws Exception {
        if (root != null) {
            root.delete();
        }
        System.out.printf("debian package test took %.0f s%n", seconds());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Test
    @Order(1)
    void everyDependencyResolvesInDebian13() throws Exception {
        Shell.Result simulate = root.run("apt-get", "install", "--simulate", "-q", "/tmp/warm-station-terminal.deb");
        assertEquals(0, simulate.exit(), simulate.output());
        // (fontconfig and the font are in the test root already: they do not show here)
        for (String needed : List.of("openjdk-25-jre", "cage", "xwayland", "libgtk-3-0t64")) {
            assertTrue(simulate.output().contains("Inst " + needed + " "), needed + " would be installed:\n"
                    + Shell.tail(simulate.output()));
        }
    }

    @Test
    @Order(2)
    void packageInstallsLauncherJarsForBothPlatformsUnitAndConfig() throws Exception {
        Shell.Result install = root.run("dpkg", "-i", "--force-depends", "/tmp/warm-station-terminal.deb");
        assertEquals(0, install.exit(), install.output());
        assertTrue(install.output().contains("Setting up " + PACKAGE), install.output());
        assertTrue(Files.isExecutable(root.path("/usr/bin/warm-station")));
        assertTrue(Files.isExecutable(root.path("/usr/lib/warm-station/kiosk-session")));
        assertTrue(Files.isExecutable(root.path("/usr/lib/warm-station/door-safe")));
        assertTrue(Files.isRegularFile(root.path(UNIT)));
        List<String> lib = list(root.path("/usr/share/warm-station/lib"));
        assertTrue(lib.contains("kiosk-app-0.1.0-SNAPSHOT.jar") && lib.contains("provisioning-0.1.0-SNAPSHOT.jar")
                && lib.contains("terminal-0.1.0-SNAPSHOT.jar")
                && lib.contains("warm-station-watchdog.jar") && lib.stream().anyMatch(n -> n.startsWith("sqlite-jdbc")), lib.toString());
        assertTrue(lib.stream().noneMatch(n -> n.startsWith("javafx")), "JavaFX only in the per-platform folders: " + lib);
        // the amd64 package holds amd64's JavaFX only (DebianPackageContentIT checks both packages' native parts)
        assertEquals(List.of("linux-x86_64"), list(root.path("/usr/share/warm-station/javafx")));
        List<String> fx = list(root.path("/usr/share/warm-station/javafx/linux-x86_64"));
        assertEquals(4, fx.size(), fx.toString());
        Path graphics = root.path("/usr/share/warm-station/javafx/linux-x86_64").resolve(fx.stream()
                .filter(n -> n.startsWith("javafx-graphics-")).findFirst().orElseThrow());
        assertEquals(List.of(Elf.Machine.X86_64), Elf.machinesIn(graphics, "libglass.so"), "ELF for this machine");
        String conffiles = Files.readString(root.path("/var/lib/dpkg/info/" + PACKAGE + ".conffiles"));
        assertEquals(List.of("/etc/warm-station/warm-station.env", "/etc/pam.d/warm-station-kiosk",
                "/etc/systemd/system.conf.d/warm-station-watchdog.conf"), conffiles.lines().toList());
        assertTrue(Files.isSymbolicLink(root.path("/etc/systemd/system/multi-user.target.wants/warm-station-kiosk.service")),
                "the unit is enabled");
    }

    @Test
    @Order(3)
    void systemUserOwnsThePrivateDataDirectoryAndMayWriteTheConfigFolder() throws Exception {
        String[] passwd = root.run("getent", "passwd", "warm-station").orFail().output().strip().split(":");
        assertTrue(Integer.parseInt(passwd[2]) < 1000, "a system user: " + Arrays.toString(passwd));
        assertEquals("/var/lib/warm-station", passwd[5]);
        assertEquals("/usr/sbin/nologin", passwd[6]);
        assertTrue(root.run("id", "-nG", "warm-station").orFail().output().contains("video"));
        assertEquals("warm-station warm-station 750", root.run("stat", "-c", "%U %G %a", "/var/lib/warm-station")
                .orFail().output().strip());
        assertEquals("root warm-station 2770", root.run("stat", "-c", "%U %G %a", "/etc/warm-station").orFail().output().strip());
    }

    @Test
    @Order(4)
    void unitPassesSystemdAnalyzeVerifyAndABrokenCopyDoesNot() throws Exception {
        // the target's systemd (Debian 13) inside the root
        Shell.Result inside = root.run("systemd-analyze", "verify", UNIT);
        assertEquals(0, inside.exit(), inside.output());
        assertFalse(inside.output().contains("warm-station"), inside.output());
        // this machine's systemd, reading the root
        Shell.Result host = Shell.run(null, Duration.ofMinutes(2),
                List.of("systemd-analyze", "verify", "--root=" + root.directory(), UNIT));
        assertEquals(0, host.exit(), host.output());
        // the check can fail: the same unit pointing at a missing program
        Files.writeString(root.path("/etc/systemd/system/broken-kiosk.service"), Files.readString(root.path(UNIT))
                .replace("ExecStart=/usr/lib/warm-station/kiosk-session", "ExecStart=/usr/lib/warm-station/missing"));
        Shell.Result broken = root.run("systemd-analyze", "verify", "/etc/systemd/system/broken-kiosk.service");
        assertNotEquals(0, broken.exit(), broken.output());
        Files.delete(root.path("/etc/systemd/system/broken-kiosk.service"));

        String unit = Files.readString(root.path(UNIT));
        assertTrue(unit.contains("\nRestart=always\n"), unit);
        assertTrue(unit.contains("\nWants=network-online.target time-sync.target\n"), unit);
        assertTrue(unit.lines().noneMatch(l -> l.startsWith("Requires=") || l.startsWith("Requisite=")
                || l.startsWith("BindsTo=")), "the kiosk must run offline");
        assertTrue(unit.contains("\nWatchdogSec=15s\n") && unit.contains("\nNotifyAccess=all\n"), unit);
        assertTrue(unit.contains("\nUser=warm-station\n"), unit);
        assertTrue(unit.contains("\nExecStopPost=/usr/lib/warm-station/door-safe\n"), "the door relay is released after every stop");
    }

    @Test
    @Order(5)
    void technicianConfiguresTheStationAndTheKioskUserRecordsAVisit() throws Exception {
        Shell.Result noDoorYet = root.run("runuser", "-u", "warm-station", "--", "/usr/lib/warm-station/door-safe");
        assertEquals(0, noDoorYet.exit(), noDoorYet.output());
        assertTrue(noDoorYet.output().contains("no station config at /etc/warm-station/station.properties"), noDoorYet.output());
        Shell.Result unconfigured = root.run("runuser", "-u", "warm-station", "--", "/usr/lib/warm-station/kiosk-session");
        assertEquals(2, unconfigured.exit(), unconfigured.output());
        assertTrue(unconfigured.output().contains("warm-station station init"), unconfigured.output());
        root.sh("warm-station district init --district 110105 --dir /tmp/keys && chmod -R a+rX /tmp/keys").orFail();
        // with only the district's trust list the session starts the kiosk's enrollment screen
        // (here it gets as far as the compositor, which this root lacks)
        root.sh("install -m 644 /tmp/keys/trust-list.txt /etc/warm-station/trust-list.txt").orFail();
        Shell.Result enrolling = root.run("runuser", "-u", "warm-station", "--", "/usr/lib/warm-station/kiosk-session");
        assertEquals(3, enrolling.exit(), enrolling.output());
        assertTrue(enrolling.output().contains("cage is not installed"), enrolling.output());
        Shell.Result init = root.run("runuser", "-u", "warm-station", "--", "warm-station", "station", "init",
                "--id", "CY-0042", "--name", "望京街道暖心驿站", "--district", "110105", "--lat", "39.9961",
                "--lon", "116.4700", "--broker", "tcp://127.0.0.1:1883", "--trust", "/tmp/keys/trust-list.txt",
                "--data-dir", "/var/lib/warm-station", "--out", "/etc/warm-station/station.properties");
        assertEquals(0, init.exit(), init.output());
        assertEquals("warm-station 600", root.run("stat", "-c", "%U %a", "/etc/warm-station/station.properties")
                .orFail().output().strip());
        // configured, the session gets as far as the compositor, which this root lacks (--force-depends)
        Shell.Result session = root.run("runuser", "-u", "warm-station", "--", "/usr/lib/warm-station/kiosk-session");
        assertEquals(3, session.exit(), session.output());
        assertTrue(session.output().contains("cage is not installed"), session.output());

        // the unit's ExecStopPost as the kiosk user: no door in this config; one on the mock platform (not a Pi)
        Shell.Result noDoor = root.run("runuser", "-u", "warm-station", "--", "/usr/lib/warm-station/door-safe");
        assertEquals(0, noDoor.exit(), noDoor.output());
        assertTrue(noDoor.output().contains("configures no door relay"), noDoor.output());
        Files.writeString(root.path("/tmp/door.properties"), "hardware.door.pin=23\nhardware.door.activeLow=true\n");
        Shell.Result door = root.run("runuser", "-u", "warm-station", "--", "warm-station", "door-safe", "--config",
                "/tmp/door.properties");
        assertEquals(0, door.exit(), door.output());
        assertTrue(door.output().contains("BCM 23 driven HIGH (relay off) and released on the MOCK platform"), door.output());

        Path probe = root.path("/tmp/probe/org/warmstation/packaging");
        Files.createDirectories(probe);
        Files.copy(Path.of(VisitProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/warmstation/packaging/VisitProbe.class"), probe.resolve("VisitProbe.class"));
        root.sh("chmod -R a+rX /tmp/probe").orFail();
        Shell.Result visit = probeAsKioskUser("record");
        assertEquals(0, visit.exit(), visit.output());
        assertTrue(visit.output().contains("visits=1"), visit.output());
        assertTrue(Files.isRegularFile(root.path("/var/lib/warm-station/visits.db")));
    }

    private Shell.Result probeAsKioskUser(String mode) throws Exception {
        return root.sh("runuser -u warm-station -- /usr/lib/jvm/java-25-openjdk-*/bin/java --enable-native-access=ALL-UNNAMED"
                + " -cp '/usr/share/warm-station/lib/*:/tmp/probe' org.warmstation.packaging.VisitProbe " + mode
                + " /var/lib/warm-station");
    }

    @Test
    @Order(6)
    void installedKioskStartsAsTheKioskUserAndFeedsTheSystemdWatchdog() throws Throwable {
        // as systemd would start it, but without cage: JavaFX's headless platform instead of XWayland
        Path env = root.path("/etc/warm-station/warm-station.env");
        String technicianSettings = Files.readString(env);
        Files.writeString(env, technicianSettings.replace("JAVA_OPTS=\"-Xmx512m\"",
                "JAVA_OPTS=\"-Xmx512m -Dglass.platform=Headless -Dprism.order=sw\""));
        Files.writeString(root.path("/etc/warm-station/station.properties"), "scanner.source=none\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path socketPath = root.path("/tmp/notify");
        assertTrue(socketPath.toString().length() < 108, "a Unix socket path is shorter than 108 bytes: " + socketPath);
        Path log = buildDir.resolve("kiosk-in-root.log");
        try (NotifySocket socket = new NotifySocket(socketPath)) {
            root.run("chmod", "666", "/tmp/notify").orFail();
            Process kiosk = new ProcessBuilder(root.commandLine("timeout", "300", "setpriv", "--reuid=warm-station",
                    "--regid=warm-station", "--init-groups", "env", "DISPLAY=:99", "NOTIFY_SOCKET=/tmp/notify",
                    "WATCHDOG_USEC=3000000", "/usr/bin/warm-station", "kiosk", "--config",
                    "/etc/warm-station/station.properties"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            List<String> received = new java.util.ArrayList<>();
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                // three pings, and the window shown (on a loaded machine the pings can come first)
                while ((received.stream().filter("WATCHDOG=1"::equals).count() < 3
                                || !Files.readString(log).contains("kiosk shown"))
                        && kiosk.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    received.addAll(socket.receive());
                }
                String output = Files.readString(log);
                assertTrue(kiosk.isAlive(), "the kiosk keeps running:\n" + Shell.tail(output));
                assertTrue(received.contains("STATUS=kiosk starting"), received.toString());
                assertTrue(received.stream().filter("WATCHDOG=1"::equals).count() >= 3, received + "\n" + Shell.tail(output));
                assertTrue(output.contains("kiosk shown"), Shell.tail(output));
            } finally {
                kiosk.destroy();
                if (!kiosk.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    kiosk.descendants().forEach(ProcessHandle::destroyForcibly);
                    kiosk.destroyForcibly();
                }
                Files.writeString(env, technicianSettings);
            }
        }
        assertTrue(probeAsKioskUser("count").orFail().output().contains("visits=1"), "the kiosk opened the same visit log");
    }

    @Test
    @Order(7)
    void upgradeKeepsVisitsStationConfigAndChangedConffiles() throws Exception {
        String config = Files.readString(root.path("/etc/warm-station/station.properties"));
        String uid = root.run("id", "-u", "warm-station").orFail().output();
        Path env = root.path("/etc/warm-station/warm-station.env");
        Files.writeString(env, Files.readString(env).replace("JAVA_OPTS=\"-Xmx512m\"", "JAVA_OPTS=\"-Xmx384m\""));

        Path next = upgradedPackage();
        Files.copy(next, root.path("/tmp/next.deb"));
        Shell.Result upgrade = root.run("dpkg", "-i", "--force-depends", "/tmp/next.deb");
        assertEquals(0, upgrade.exit(), upgrade.output());
        assertTrue(root.run("dpkg-query", "-W", "-f", "${Version}", PACKAGE).orFail().output().endsWith("+upgrade1"));

        assertTrue(probeAsKioskUser("count").orFail().output().contains("visits=1"));
        assertEquals(config, Files.readString(root.path("/etc/warm-station/station.properties")));
        assertTrue(Files.readString(env).contains("JAVA_OPTS=\"-Xmx384m\""), "the technician's change is kept");
        assertEquals(uid, root.run("id", "-u", "warm-station").orFail().output());
        // maintainer scripts are idempotent: configure once more, nothing changes or fails
        Shell.Result again = root.run("dpkg", "-i", "--force-depends", "/tmp/next.deb");
        assertEquals(0, again.exit(), again.output());
        String groups = root.run("id", "-nG", "warm-station").orFail().output().strip();
        assertEquals(Arrays.stream(groups.split(" ")).distinct().count(), groups.split(" ").length, groups);
        assertTrue(probeAsKioskUser("record").orFail().output().contains("visits=2"));
    }

    /** The built package with version {@code VERSION+upgrade1}: what the next release looks like to dpkg. */
    private Path upgradedPackage() throws Exception {
        Path tree = buildDir.resolve("deb-upgrade-tree");
        Shell.run(null, Duration.ofMinutes(1), List.of("rm", "-rf", tree.toString())).orFail();
        Shell.run(null, Duration.ofMinutes(2), List.of("dpkg-deb", "-R", deb.toString(), tree.toString())).orFail();
        Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: (.*)$", "Version: $1+upgrade1"));
        Path next = buildDir.resolve("upgrade.deb");
        Shell.run(null, Duration.ofMinutes(3), List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build",
                tree.toString(), next.toString())).orFail();
        return next;
    }

    @Test
    @Order(8)
    void removalAndPurgeLeaveTheVisitLogInPlace() throws Exception {
        Shell.Result remove = root.run("dpkg", "-r", PACKAGE);
        assertEquals(0, remove.exit(), remove.output());
        assertFalse(Files.exists(root.path("/usr/bin/warm-station")));
        assertFalse(Files.exists(root.path("/usr/share/warm-station")));
        assertTrue(Files.isRegularFile(root.path("/var/lib/warm-station/visits.db")));
        assertTrue(Files.isRegularFile(root.path("/etc/warm-station/warm-station.env")), "conffiles stay until purge");

        Shell.Result purge = root.run("dpkg", "-P", PACKAGE);
        assertEquals(0, purge.exit(), purge.output());
        assertTrue(purge.output().contains("are kept"), purge.output());
        assertTrue(Files.isRegularFile(root.path("/var/lib/warm-station/visits.db")));
        assertTrue(Files.isRegularFile(root.path("/etc/warm-station/station.properties")));
        assertFalse(Files.exists(root.path("/etc/warm-station/warm-station.env")));

        // installing again finds the user and the data: the visits are still there
        Shell.Result reinstall = root.run("dpkg", "-i", "--force-depends", "/tmp/warm-station-terminal.deb");
        assertEquals(0, reinstall.exit(), reinstall.output());
        assertTrue(probeAsKioskUser("count").orFail().output().contains("visits=2"));
    }

    private static List<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport.State;

/**
 * Issue 15's update E2E in a Debian 13 root (amd64, {@link DebianRoot}): the built package runs
 * headless as the kiosk user against a local Mosquitto; this test plays the district (signed
 * {@code UPDATE} downlinks, the package download) and systemd (runs {@code warm-station update
 * apply} as root when the kiosk asks, restarts the kiosk when the installer calls systemctl).
 * Bad offers — bad signature, a downlink key's signature, a lower version, a wrong hash — are
 * refused with the running version untouched; a new version is downloaded (the first response cut
 * short, resumed with Range), installed, and reports healthy; a version whose kiosk does not start
 * is rolled back to the kept package by itself; a full disk (a 2 MB tmpfs over the kiosk's update
 * folder) is refused. Needs root and debootstrap (skipped outside CI
 * without them, as {@link DebianPackageIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdateE2eIT {
    private static final int DISTRICT = 110105;
    private static final String STATION = "CY-0042";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String PACKAGES = "/var/cache/warm-station/packages/";

    private final DistrictKey downlinkKey = DistrictKey.generate(DISTRICT);
    private final DistrictKey updateKey = DistrictKey.generate(DISTRICT);
    private Path buildDir;
    private Path deb;
    private String v1;
    private DebianRoot root;
    private MosquittoBroker broker;
    private StationWatch district;
    private DebServer server;
    private KioskInRoot kiosk;
    private long started;
    private Instant issued = Instant.now().minusSeconds(3600);

    @BeforeAll
    void stationRunsVersionOneInADebianRoot() throws Exception {
        started = System.nanoTime();
        buildDir = Path.of(System.getProperty("deb.directory", "target"));
        v1 = System.getProperty("deb.version", "0.1.0-SNAPSHOT").replace('-', '~');
        deb = buildDir.resolve(DebianPackageIT.PACKAGE + "_" + v1 + "_amd64.deb");
        String missing = DebianPackageIT.missingRootOrDebootstrap();
        if (missing != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("the update E2E needs " + missing);
            }
            Assumptions.abort("the update E2E needs " + missing + "; skipped outside CI");
        }
        assertTrue(Files.isRegularFile(deb), "the package was built in `package`: " + deb);
        root = DebianRoot.freshCopy(buildDir.resolve("debian-root"), "update-test");
        Files.copy(deb, root.path("/tmp/v1.deb"));
        root.run("dpkg", "-i", "--force-depends", "/tmp/v1.deb").orFail();
        // the technician keeps the installed version's package for the first rollback (docs/install.md)
        root.sh("cp /tmp/v1.deb " + PACKAGES + "warm-station-terminal_" + v1 + ".deb").orFail();

        TrustList trust = new TrustList(Instant.now().minusSeconds(86_400), List.of(
                downlinkKey.trustedKey(EnumSet.of(KeyPurpose.DOWNLINK)), updateKey.trustedKey(EnumSet.of(KeyPurpose.UPDATE))), 2);
        Files.writeString(root.path("/etc/warm-station/trust-list.txt"), trust.format());
        root.sh("chgrp warm-station /etc/warm-station/trust-list.txt && chmod 664 /etc/warm-station/trust-list.txt").orFail();
        broker = MosquittoBroker.startEphemeral(buildDir.resolve("update-e2e-mosquitto"));
        root.run("runuser", "-u", "warm-station", "--", "warm-station", "station", "init", "--id", STATION, "--name",
                "望京街道暖心驿站", "--district", Integer.toString(DISTRICT), "--lat", "39.9961", "--lon", "116.4700",
                "--broker", broker.url(), "--trust", "/etc/warm-station/trust-list.txt", "--data-dir",
                "/var/lib/warm-station", "--out", "/etc/warm-station/station.properties").orFail();
        Files.writeString(root.path("/etc/warm-station/station.properties"), "scanner.source=none\nsync.heartbeat=PT2S\nbroker.insecure-lab=true\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path env = root.path("/etc/warm-station/warm-station.env");
        Files.writeString(env, Files.readString(env).replace("JAVA_OPTS=\"-Xmx512m\"",
                "JAVA_OPTS=\"-Xmx512m -Dglass.platform=Headless -Dprism.order=sw\""));

        district = new StationWatch(broker.url(), new Topics(DISTRICT, STATION));
        server = new DebServer();
        kiosk = new KioskInRoot(root, buildDir);
        kiosk.start();
        district.await(PATIENCE, "the kiosk's birth as " + v1, s -> s.appVersion().equals(v1), kiosk);
        System.out.printf("update e2e: station %s online after %.0f s%n", v1, seconds());
    }

    @AfterAll
    void tearDown() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (district != null) {
            district.close();
        }
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (root != null) {
            root.delete();
        }
        System.out.printf("update e2e took %.0f s%n", seconds());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private String installed() throws Exception {
        return root.run("dpkg-query", "-W", "-f", "${Version}", DebianPackageIT.PACKAGE).orFail().output().strip();
    }

    private DownlinkCommand offer(String version, Path file, String servedAs, long cutFirst, DistrictKey signer) throws Exception {
        String url = server.serve(servedAs, file, cutFirst);
        UpdateManifest m = UpdateManifest.of(DISTRICT, version, sha256(file), Files.size(file), url, Instant.now());
        issued = issued.plusSeconds(1);
        DownlinkCommand cmd = DownlinkCommand.update(DISTRICT, STATION, issued, SignedUpdate.sign(m, signer));
        district.send(cmd, downlinkKey);
        return cmd;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The built package with another version, and optionally a launcher whose kiosk does not start. */
    private Path repack(String version, boolean brokenKiosk) throws Exception {
        Path tree = buildDir.resolve("deb-update-tree");
        Shell.run(null, Duration.ofMinutes(1), List.of("rm", "-rf", tree.toString())).orFail();
        Shell.run(null, Duration.ofMinutes(2), List.of("dpkg-deb", "-R", deb.toString(), tree.toString())).orFail();
        Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
        if (brokenKiosk) {
            Path launcher = tree.resolve("usr/bin/warm-station");
            String text = Files.readString(launcher);
            int nl = text.indexOf('\n');
            Files.writeString(launcher, text.substring(0, nl + 1)
                    + "if [ \"$1\" = kiosk ]; then echo 'kiosk broken (update E2E test package)' >&2; exit 1; fi\n"
                    + text.substring(nl + 1));
        }
        Path out = buildDir.resolve("update-" + version.replace('~', '_') + ".deb");
        Shell.run(null, Duration.ofMinutes(3), List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build",
                tree.toString(), out.toString())).orFail();
        return out;
    }

    private void assertUntouched() throws Exception {
        assertEquals(v1, installed(), "the running version stays installed");
        assertFalse(Files.exists(root.path("/var/lib/warm-station/update/install-request.json")), "nothing handed to the installer");
        assertTrue(kiosk.alive(), "the kiosk keeps running:\n" + Shell.tail(kiosk.output()));
    }

    @Test
    @Order(0)
    void installerUnitsPassSystemdAnalyzeVerify() throws Exception {
        for (String unit : List.of("warm-station-update.path", "warm-station-update.service")) {
            Shell.Result verify = root.run("systemd-analyze", "verify", "/usr/lib/systemd/system/" + unit);
            assertEquals(0, verify.exit(), verify.output());
        }
        assertTrue(Files.isSymbolicLink(root.path("/etc/systemd/system/multi-user.target.wants/warm-station-update.path")),
                "the path unit is enabled");
        assertEquals("root root 700", root.run("stat", "-c", "%U %G %a", PACKAGES).orFail().output().strip());
    }

    @Test
    @Order(1)
    void badOffersAreRefusedAndTheRunningVersionKeepsRunning() throws Exception {
        Path next = repack(v1 + "+update1", false);
        // a signature of the downlink key, and of a key the station does not trust
        for (DistrictKey signer : List.of(downlinkKey, DistrictKey.generate(DISTRICT))) {
            DownlinkAck ack = district.ack(offer(v1 + "+update1", next, "bad-sig.deb", 0, signer).id(), PATIENCE);
            assertEquals(DownlinkAck.Outcome.FAILED, ack.outcome());
            assertTrue(ack.message().contains("bad signature"), ack.message());
        }
        DownlinkAck lower = district.ack(offer("0.0.1", next, "lower.deb", 0, updateKey).id(), PATIENCE);
        assertTrue(lower.message().contains("not higher than the installed " + v1), lower.message());
        // a manifest for another architecture: refused by the real dpkg's answer, before any download
        String armUrl = server.serve("arm64.deb", next, 0);
        issued = issued.plusSeconds(1);
        DownlinkCommand arm = DownlinkCommand.update(DISTRICT, STATION, issued, SignedUpdate.sign(UpdateManifest.of(DISTRICT,
                v1 + "+update1", "arm64", sha256(next), Files.size(next), armUrl, Instant.now()), updateKey));
        district.send(arm, downlinkKey);
        DownlinkAck foreign = district.ack(arm.id(), PATIENCE);
        assertTrue(foreign.message().contains("the package is for arm64, this terminal is amd64"), foreign.message());
        // a file other than the manifest's: downloaded, then refused
        Path other = buildDir.resolve("update-other.deb");
        Files.copy(deb, other, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String url = server.serve("wrong-hash.deb", other, 0);
        UpdateManifest m = UpdateManifest.of(DISTRICT, v1 + "+update1", sha256(next), Files.size(other), url, Instant.now());
        issued = issued.plusSeconds(1);
        district.send(DownlinkCommand.update(DISTRICT, STATION, issued, SignedUpdate.sign(m, updateKey)), downlinkKey);
        var refused = district.await(PATIENCE, "the wrong hash refused", s -> s.update() != null
                && s.update().state() == State.REFUSED && s.update().detail().startsWith("wrong "), kiosk);
        System.out.println("update e2e: refused: " + refused.update().detail());
        assertUntouched();
    }

    @Test
    @Order(2)
    void newVersionIsInstalledAfterAResumedDownloadAndReportsHealthy() throws Exception {
        String v2 = v1 + "+update1";
        Path next = repack(v2, false);
        DownlinkAck ack = district.ack(offer(v2, next, "v2.deb", Files.size(next) / 3, updateKey).id(), PATIENCE);
        assertEquals(DownlinkAck.Outcome.APPLIED, ack.outcome(), ack.toString());
        Shell.Result apply = installWhenAsked(Duration.ofMinutes(3));
        assertTrue(apply.output().contains(v2 + " HEALTHY"), apply.output());
        assertEquals(v2, installed());
        var healthy = district.await(PATIENCE, "the new version reporting healthy",
                s -> s.appVersion().equals(v2) && s.update() != null && s.update().state() == State.HEALTHY, kiosk);
        System.out.println("update e2e: " + healthy.update().detail());
        assertTrue(server.requests.stream().anyMatch(r -> r.startsWith("v2.deb bytes=")), "resumed: " + server.requests);
        assertTrue(Files.exists(root.path(PACKAGES + "warm-station-terminal_" + v1 + ".deb")), "previous kept");
        assertTrue(Files.exists(root.path(PACKAGES + "warm-station-terminal_" + v2 + ".deb")), "current kept");
    }

    @Test
    @Order(3)
    void versionWhoseKioskFailsItsHealthCheckIsRolledBackByItself() throws Exception {
        String v2 = v1 + "+update1";
        String v3 = v1 + "+update2";
        Path broken = repack(v3, true);
        DownlinkAck ack = district.ack(offer(v3, broken, "v3.deb", 0, updateKey).id(), PATIENCE);
        assertEquals(DownlinkAck.Outcome.APPLIED, ack.outcome(), ack.toString());
        Shell.Result apply = installWhenAsked(Duration.ofSeconds(40));
        assertTrue(apply.output().contains(v3 + " ROLLED_BACK"), apply.output());
        assertEquals(v2, installed(), "the kept package is installed again");
        var back = district.await(PATIENCE, "the previous version reporting the rollback",
                s -> s.appVersion().equals(v2) && s.update() != null && s.update().state() == State.ROLLED_BACK, kiosk);
        System.out.println("update e2e: " + back.update().detail());
    }

    @Test
    @Order(4)
    void fullDiskIsRefusedAndTheRunningVersionKeepsRunning() throws Exception {
        String v2 = v1 + "+update1";
        district.await(PATIENCE, "the kiosk running " + v2, s -> s.appVersion().equals(v2), kiosk);
        // a 2 MB file system over the kiosk's update folder, in the kiosk's own mount namespace
        String log = Shell.tail(kiosk.output());
        long pid = kiosk.jvm().orElseThrow(() -> new AssertionError("no kiosk JVM\n" + log)).pid();
        String uid = root.run("id", "-u", "warm-station").orFail().output().strip();
        String spool = root.directory().resolve("var/lib/warm-station/update").toString();
        Shell.run(null, Duration.ofSeconds(30), List.of("nsenter", "--target", Long.toString(pid), "--mount", "mount", "-t",
                "tmpfs", "-o", "size=2m,mode=750,uid=" + uid + ",gid=" + uid, "tmpfs", spool)).orFail();
        try {
            district.clear();
            DownlinkAck ack = district.ack(offer(v1 + "+update3", deb, "full.deb", 0, updateKey).id(), PATIENCE);
            assertEquals(DownlinkAck.Outcome.APPLIED, ack.outcome(), ack.toString());
            var full = district.await(PATIENCE, "the full disk refused", s -> s.update() != null
                    && s.update().state() == State.REFUSED && s.update().detail().startsWith("disk full"), kiosk);
            System.out.println("update e2e: refused: " + full.update().detail());
            assertEquals(v2, installed(), "the running version stays installed");
            assertTrue(kiosk.alive(), "the kiosk keeps running:\n" + Shell.tail(kiosk.output()));
            assertTrue(server.requests.stream().noneMatch(r -> r.startsWith("full.deb")), "nothing downloaded");
        } finally {
            Shell.run(null, Duration.ofSeconds(30), List.of("nsenter", "--target", Long.toString(pid), "--mount", "umount", spool));
        }
    }

    /**
     * Plays systemd's path unit: once the kiosk asks, runs the root installer (restarting the
     * kiosk whenever it calls systemctl) and returns its output.
     */
    private Shell.Result installWhenAsked(Duration healthTimeout) throws Exception {
        Path request = root.path("/var/lib/warm-station/update/install-request.json");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(request)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the kiosk never asked to install\n" + Shell.tail(kiosk.output()));
            }
            Thread.sleep(250);
        }
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<Shell.Result> apply = pool.submit(() -> root.run("env",
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "warm-station", "update", "apply",
                    "--dpkg-option=--force-depends", "--health-timeout", healthTimeout.toString()));
            while (!apply.isDone()) {
                kiosk.restartWhenAsked();
                Thread.sleep(200);
            }
            kiosk.restartWhenAsked();
            Shell.Result r = apply.get();
            System.out.printf("update e2e: installer after %.0f s: %s%n", seconds(), Shell.tail(r.output()).strip());
            assertEquals(0, r.exit(), r.output());
            return r;
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.warmstation.sync.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.sync.update.UpdateFixture.DISTRICT;
import static org.warmstation.sync.update.UpdateFixture.DOWNLINK_KEY;
import static org.warmstation.sync.update.UpdateFixture.TRUST;
import static org.warmstation.sync.update.UpdateFixture.UPDATE_KEY;
import static org.warmstation.sync.update.UpdateFixture.body;
import static org.warmstation.sync.update.UpdateFixture.offer;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.UpdateReport.State;
import org.warmstation.sync.testing.Await;

/**
 * Issue 15, the kiosk's side: an offer is downloaded (resuming a truncated download), verified and
 * handed to the installer only when the install window opens; every bad input is refused and
 * reported, and nothing is ever installed or restarted from here.
 */
class StationUpdaterTest {
    @TempDir
    Path dir;
    final FakePackages packages = new FakePackages("0.1.0");
    final AtomicBoolean windowOpen = new AtomicBoolean(true);
    final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);
    StationUpdater updater;
    UpdateSpool spool;
    PackageServer server;

    StationUpdater updater(byte[] body, int truncations) throws Exception {
        return updater(body, truncations, body.length / 3);
    }

    StationUpdater updater(byte[] body, int truncations, int truncateAt) throws Exception {
        server = new PackageServer(body, truncations, truncateAt);
        spool = new UpdateSpool(dir.resolve("update"));
        PackageDownloader downloader = new PackageDownloader(HttpClient.newHttpClient(), Duration.ofSeconds(10),
                1 << 20, p -> freeBytes.get());
        InstallWindow window = new InstallWindow(Optional::empty,
                () -> Optional.of(windowOpen.get() ? Instant.EPOCH : Instant.now()), ZoneId.of("Asia/Shanghai"),
                InstallWindow.IDLE);
        updater = new StationUpdater(new StationUpdater.Parts(DISTRICT, () -> TRUST, spool, packages, downloader, window,
                InstantSource.system()), new StationUpdater.Settings(Duration.ofMillis(50), 4, Duration.ofMillis(50)));
        return updater;
    }

    @AfterEach
    void stop() {
        if (updater != null) {
            updater.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private UpdateReport awaitState(State state) {
        Await.until(Duration.ofSeconds(20), "update " + state, () -> updater.report() != null
                && updater.report().state() == state, () -> updater.report());
        return updater.report();
    }

    private void assertRunningVersionUntouched() {
        assertEquals(List.of(), packages.calls, "nothing installed or restarted");
        assertEquals("0.1.0", packages.installed);
        assertTrue(spool.installRequest().isEmpty(), "nothing handed to the installer");
    }

    @Test
    void newVersionIsVerifiedAndHandedToTheInstallerOnlyWhenTheWindowOpens() throws Exception {
        byte[] deb = body(300_000);
        windowOpen.set(false);
        StationUpdater u = updater(deb, 0);
        SignedUpdate offer = offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY);
        assertEquals("download of 0.2.0 started", u.offer(offer));
        UpdateReport ready = awaitState(State.READY);
        assertEquals("0.2.0", ready.version());
        assertTrue(spool.installRequest().isEmpty(), "not while the station is busy");
        windowOpen.set(true);
        UpdateReport handed = awaitState(State.INSTALLING);
        assertTrue(handed.detail().contains("no check-in for 10 min"), handed.detail());
        assertEquals(offer, spool.installRequest().orElseThrow());
        assertEquals(deb.length, Files.size(spool.deb("0.2.0")));
        assertEquals(List.of(), packages.calls, "the kiosk never installs itself");
    }

    @Test
    void truncatedDownloadIsResumedWithARangeRequest() throws Exception {
        byte[] deb = body(250_000);
        StationUpdater u = updater(deb, 2);
        u.offer(offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY));
        awaitState(State.INSTALLING);
        assertEquals(3, server.ranges.size(), server.ranges.toString());
        assertEquals("null", server.ranges.getFirst());
        assertTrue(server.ranges.get(1).startsWith("bytes=83333-"), server.ranges.toString());
        assertEquals(UpdateFixture.sha256(deb), PackageCheck.sha256(spool.deb("0.2.0")));
    }

    @Test
    void downloadThatKeepsBreakingOffFailsAfterTheLastAttempt() throws Exception {
        byte[] deb = body(90_000);
        StationUpdater u = updater(deb, 100, 1000);
        u.offer(offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY));
        UpdateReport failed = awaitState(State.FAILED);
        assertTrue(failed.detail().contains("download failed 4 times"), failed.detail());
        assertEquals(List.of("null", "bytes=1000-", "bytes=2000-", "bytes=3000-"), server.ranges, "each attempt resumed");
        assertRunningVersionUntouched();
    }

    @Test
    void wrongHashIsRefusedAndTheFileRemoved() throws Exception {
        byte[] deb = body(120_000);
        byte[] other = deb.clone();
        other[7] ^= 1;
        StationUpdater u = updater(other, 0);
        u.offer(offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY));
        UpdateReport refused = awaitState(State.REFUSED);
        assertTrue(refused.detail().startsWith("wrong hash"), refused.detail());
        assertFalse(Files.exists(spool.deb("0.2.0")));
        assertRunningVersionUntouched();
    }

    @Test
    void badOrWrongPurposeSignatureIsRefusedBeforeAnyDownload() throws Exception {
        byte[] deb = body(1000);
        StationUpdater u = updater(deb, 0);
        SignedUpdate byDownlinkKey = offer("0.2.0", deb, server.uri().toString(), DOWNLINK_KEY);
        UpdateRefusedException e = assertThrows(UpdateRefusedException.class, () -> u.offer(byDownlinkKey));
        assertTrue(e.getMessage().contains("not signed by a trusted update key"), e.getMessage());
        SignedUpdate good = offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY);
        SignedUpdate forged = new SignedUpdate(good.keyId(), good.manifest(),
                offer("0.2.0", deb, server.uri().toString(), DistrictKey.generate(DISTRICT)).signature());
        assertThrows(UpdateRefusedException.class, () -> u.offer(forged));
        assertEquals(State.REFUSED, updater.report().state());
        assertEquals(List.of(), server.ranges, "nothing downloaded");
        assertRunningVersionUntouched();
    }

    @Test
    void sameOrLowerVersionIsRefused() throws Exception {
        byte[] deb = body(1000);
        StationUpdater u = updater(deb, 0);
        for (String v : List.of("0.1.0", "0.0.9", "0.1.0~rc1")) {
            UpdateRefusedException e = assertThrows(UpdateRefusedException.class,
                    () -> u.offer(offer(v, deb, server.uri().toString(), UPDATE_KEY)));
            assertTrue(e.getMessage().contains("not higher than the installed 0.1.0"), e.getMessage());
        }
        assertEquals(List.of(), server.ranges);
        assertRunningVersionUntouched();
    }

    @Test
    void aPackageForAnotherArchitectureIsRefusedBeforeAnyDownload() throws Exception {
        byte[] deb = body(1000);
        StationUpdater u = updater(deb, 0);
        SignedUpdate amd64 = signed("amd64", deb);
        UpdateRefusedException e = assertThrows(UpdateRefusedException.class, () -> u.offer(amd64));
        assertEquals("the package is for amd64, this terminal is arm64: not downloaded", e.getMessage());
        assertEquals(State.REFUSED, updater.report().state());
        assertEquals(e.getMessage(), updater.report().detail(), "the district sees why");
        assertEquals(List.of(), server.ranges, "nothing downloaded");
        assertRunningVersionUntouched();
        assertEquals("download of 0.2.0 started", u.offer(signed("arm64", deb)), "the arm64 package of the same version");
        assertEquals(deb.length, Files.size(awaitStateAndDeb()));
    }

    @Test
    void aTerminalThatCannotTellItsArchitectureLeavesTheCheckToDpkg() throws Exception {
        byte[] deb = body(1000);
        packages.architecture = null;
        StationUpdater u = updater(deb, 0);
        assertEquals("download of 0.2.0 started", u.offer(signed("amd64", deb)));
        assertEquals(deb.length, Files.size(awaitStateAndDeb()));
    }

    private SignedUpdate signed(String architecture, byte[] deb) throws Exception {
        return SignedUpdate.sign(UpdateManifest.of(DISTRICT, "0.2.0", architecture, UpdateFixture.sha256(deb), deb.length,
                server.uri().toString(), UpdateFixture.T), UPDATE_KEY);
    }

    private Path awaitStateAndDeb() {
        awaitState(State.INSTALLING);
        return spool.deb("0.2.0");
    }

    @Test
    void fullDiskIsRefusedAndThePartialFileRemoved() throws Exception {
        byte[] deb = body(200_000);
        freeBytes.set((1 << 20) + 100_000); // the reserve fits, the package does not
        StationUpdater u = updater(deb, 0);
        u.offer(offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY));
        UpdateReport refused = awaitState(State.REFUSED);
        assertTrue(refused.detail().startsWith("disk full"), refused.detail());
        assertFalse(Files.exists(spool.part("0.2.0")));
        assertRunningVersionUntouched();
    }

    @Test
    void downloadLeftByThePreviousRunIsResumedAtStart() throws Exception {
        byte[] deb = body(150_000);
        StationUpdater u = updater(deb, 0);
        SignedUpdate offer = offer("0.2.0", deb, server.uri().toString(), UPDATE_KEY);
        spool.saveOffer(offer);
        spool.saveReport(new UpdateReport(State.DOWNLOADING, "0.2.0", "attempt 1 failed", Instant.now()));
        Files.createDirectories(spool.directory());
        Files.write(spool.part("0.2.0"), java.util.Arrays.copyOf(deb, 50_000));
        u.resume();
        awaitState(State.INSTALLING);
        assertEquals(List.of("bytes=50000-"), server.ranges);
    }
}

package org.warmstation.sync.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.sync.update.UpdateFixture.DISTRICT;
import static org.warmstation.sync.update.UpdateFixture.DOWNLINK_KEY;
import static org.warmstation.sync.update.UpdateFixture.TRUST;
import static org.warmstation.sync.update.UpdateFixture.UPDATE_KEY;
import static org.warmstation.sync.update.UpdateFixture.body;
import static org.warmstation.sync.update.UpdateFixture.kept;
import static org.warmstation.sync.update.UpdateFixture.offer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.UpdateReport.State;

/**
 * Issue 15, the root side: the installer checks again what the kiosk user left, installs, restarts
 * and waits for the health mark; not healthy in time (or dpkg failing) puts the kept previous
 * package back. Every refusal leaves the running version untouched (no dpkg, no restart).
 */
class UpdateInstallerTest {
    @TempDir
    Path dir;
    final FakePackages packages = new FakePackages("0.1.0");
    UpdateSpool spool;
    Path keptDir;
    final byte[] deb = body(40_000);

    @BeforeEach
    void runningVersionIsKept() throws IOException {
        spool = new UpdateSpool(dir.resolve("update"));
        keptDir = Files.createDirectories(dir.resolve("kept"));
        Files.write(kept(keptDir, "0.1.0"), body(30_000));
    }

    private UpdateInstaller installer(Duration timeout) {
        return new UpdateInstaller(new UpdateInstaller.Parts(DISTRICT, () -> TRUST, spool, keptDir, packages,
                InstantSource.system(), timeout, Duration.ofMillis(20)));
    }

    private void request(SignedUpdate offer, byte[] file) throws IOException {
        Files.createDirectories(spool.directory());
        Files.write(spool.deb(offer.unverifiedManifest().version()), file);
        spool.requestInstall(offer);
    }

    private void assertRefusedAndUntouched(UpdateReport r, String why) {
        assertEquals(State.REFUSED, r.state(), r.toString());
        assertTrue(r.detail().contains(why), r.detail());
        assertEquals(List.of(), packages.calls, "no dpkg, no restart");
        assertEquals("0.1.0", packages.installed);
        assertTrue(spool.installRequest().isEmpty(), "the request is done with");
        assertEquals(r, spool.report().orElseThrow());
    }

    @Test
    void newVersionThatMarksItselfHealthyIsKeptAndThePreviousPackageStays() throws Exception {
        request(offer("0.2.0", deb, "http://district/p.deb", UPDATE_KEY), deb);
        packages.onRestart = v -> {
            try {
                spool.markHealthy(v); // what the restarted kiosk does once kiosk, camera and broker are fine
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        UpdateReport r = installer(Duration.ofSeconds(10)).apply().orElseThrow();
        assertEquals(State.HEALTHY, r.state(), r.toString());
        assertEquals(List.of("install warm-station-terminal_0.2.0.deb", "restart"), packages.calls);
        assertEquals("0.2.0", packages.installed);
        assertTrue(Files.exists(kept(keptDir, "0.1.0")), "the previous package stays for the next rollback");
        assertTrue(Files.exists(kept(keptDir, "0.2.0")));
        assertFalse(Files.exists(spool.deb("0.2.0")), "the download is removed");
    }

    @Test
    void versionNotHealthyInTimeIsRolledBackToTheKeptPackage() throws Exception {
        request(offer("0.2.0", deb, "http://district/p.deb", UPDATE_KEY), deb);
        UpdateReport r = installer(Duration.ofMillis(300)).apply().orElseThrow();
        assertEquals(State.ROLLED_BACK, r.state(), r.toString());
        assertTrue(r.detail().contains("not healthy within"), r.detail());
        assertEquals(List.of("install warm-station-terminal_0.2.0.deb", "restart",
                "install warm-station-terminal_0.1.0.deb", "restart"), packages.calls);
        assertEquals("0.1.0", packages.installed);
        assertFalse(Files.exists(kept(keptDir, "0.2.0")));
    }

    @Test
    void dpkgFailingPutsThePreviousPackageBack() throws Exception {
        request(offer("0.2.0", deb, "http://district/p.deb", UPDATE_KEY), deb);
        packages.dpkgFails = true;
        UpdateReport r = installer(Duration.ofSeconds(5)).apply().orElseThrow();
        assertEquals(State.FAILED, r.state(), r.toString());
        assertTrue(r.detail().startsWith("dpkg failed"), r.detail());
        assertEquals("0.1.0", packages.installed);
    }

    @Test
    void fileSwappedAfterTheKioskCheckedItIsRefused() throws Exception {
        byte[] swapped = deb.clone();
        swapped[100] ^= 1;
        request(offer("0.2.0", deb, "http://district/p.deb", UPDATE_KEY), swapped);
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "wrong hash");
        assertFalse(Files.exists(kept(keptDir, "0.2.0")));
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        request(offer("0.2.0", deb, "http://district/p.deb", UPDATE_KEY), java.util.Arrays.copyOf(deb, 1000));
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "wrong size");
    }

    @Test
    void requestSignedByAnotherKeyIsRefused() throws Exception {
        request(offer("0.2.0", deb, "http://district/p.deb", DOWNLINK_KEY), deb);
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "bad signature");
        request(offer("0.2.0", deb, "http://district/p.deb", DistrictKey.generate(DISTRICT)), deb);
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "bad signature");
    }

    @Test
    void lowerVersionIsRefused() throws Exception {
        request(offer("0.0.9", deb, "http://district/p.deb", UPDATE_KEY), deb);
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "not higher than the installed");
    }

    @Test
    void requestForAnotherArchitectureIsRefused() throws Exception {
        packages.architecture = "armhf";
        request(SignedUpdate.sign(UpdateManifest.of(DISTRICT, "0.2.0", "arm64", UpdateFixture.sha256(deb), deb.length,
                "http://district/p.deb", UpdateFixture.T), UPDATE_KEY), deb);
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "is for arm64, this terminal is armhf");
    }

    @Test
    void withoutThePreviousPackageKeptNothingIsInstalled() throws Exception {
        Files.delete(kept(keptDir, "0.1.0"));
        request(offer("0.2.0", deb, "http://district/p.deb", UPDATE_KEY), deb);
        assertRefusedAndUntouched(installer(Duration.ofSeconds(1)).apply().orElseThrow(), "to roll back to");
    }

    @Test
    void noRequestDoesNothing() throws Exception {
        assertTrue(installer(Duration.ofSeconds(1)).apply().isEmpty());
        assertEquals(List.of(), packages.calls);
    }
}

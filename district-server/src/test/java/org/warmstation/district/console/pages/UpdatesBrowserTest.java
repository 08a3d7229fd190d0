package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.update.UpdatePublisher;
import org.warmstation.district.update.Release;
import org.warmstation.district.update.UpdateQueries;
import org.warmstation.district.update.UpdateRollout;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.UpdateReport.State;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.district.testing.TestDebs;

/**
 * Issue 15, district side: {@code update publish} offers a release to the canary wave (5 % of the
 * 25 stations: 2), the rest follow when both report healthy, a canary that rolls back stops the
 * rollout; the package is served without login with {@code Range}; the console's updates page shows
 * each station's running version and both outcomes (headless Chromium). Screenshot
 * {@code district-updates}.
 */
@Tag("screenshots")
class UpdatesBrowserTest {
    private static final int DISTRICT = ConsoleExtension.DISTRICT;
    private static final List<String> STATIONS = IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("st-%02d", i)).toList();
    private static final DistrictKey UPDATE_KEY = DistrictKey.generate(DISTRICT);
    private static final TrustList TRUST = new TrustList(Instant.now(), List.of(UPDATE_KEY.trustedKey(EnumSet.of(KeyPurpose.UPDATE))), 2);

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        try (Connection c = db.connection()) {
            for (String s : STATIONS) {
                running(c, s, "0.1.0");
            }
        }
    });

    /** The resume form's field: the release of the package for every architecture. */
    private static final java.util.Map<String, String> ALL = java.util.Map.of("architecture", "all");

    @TempDir
    Path dir;

    /** The tests share the district: each starts with every station running 0.1.0 again. */
    @org.junit.jupiter.api.BeforeEach
    void everyStationRunsTheFirstVersion() throws Exception {
        try (Connection c = console.database().connection()) {
            for (String s : STATIONS) {
                running(c, s, "0.1.0");
            }
        }
    }

    private static void running(Connection c, String station, String version) throws Exception {
        new StationStore().recordStatus(c, new StationStatus(StationStatus.SCHEMA, DISTRICT, station,
                StationStatus.State.ONLINE, version, Instant.now(), null));
    }

    private UpdatePublisher.Published publish(String version, boolean canary, String body) throws Exception {
        Path deb = TestDebs.write(dir.resolve(version + ".deb"), version, "all", body);
        return new UpdatePublisher(console.database(), DISTRICT).publish(new UpdatePublisher.Request(deb, version, canary,
                UPDATE_KEY, console.url(), dir.resolve("updates")), "test", Instant.now());
    }

    private void report(String station, String version, State state, String detail) throws Exception {
        try (Connection c = console.database().connection()) {
            new UpdateRollout(console.database(), DISTRICT).reported(c, station,
                    new UpdateReport(state, version, detail, Instant.now()), Instant.now());
        }
    }

    /** @return the stations with an UPDATE downlink of that version, its manifest verified by the update key */
    private static List<String> offered(String version) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = console.database().connection(); var ps = c.prepareStatement(
                "SELECT station_id, command FROM downlink WHERE district_id = ? AND kind = 'UPDATE' ORDER BY station_id")) {
            ps.setInt(1, DISTRICT);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    DownlinkCommand cmd = Wire.decode(rs.getBytes(2), DownlinkCommand.class);
                    UpdateManifest m = cmd.update().verify(TRUST, DISTRICT);
                    if (m.version().equals(version)) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private String rollout(String version) throws Exception {
        return new UpdateQueries(console.database(), DISTRICT).release(new Release.Key(version, "all")).orElseThrow().state();
    }

    @Test
    void canaryWaveFirstTheRestWhenEveryCanaryIsHealthyAndARolledBackCanaryStopsTheRollout() throws Exception {
        UpdatePublisher.Published p = publish("0.2.0", true, "package 0.2.0");
        assertEquals(2, p.offeredTo().size(), "5 % of 25 stations, rounded up");
        assertEquals(p.offeredTo().stream().sorted().toList(), offered("0.2.0"), "only the canaries, each with a manifest signed by the update key");
        report(p.offeredTo().get(0), "0.2.0", State.HEALTHY, "healthy 40 s after the restart");
        assertEquals("CANARY", rollout("0.2.0"));
        report(p.offeredTo().get(1), "0.2.0", State.HEALTHY, "healthy 52 s after the restart");
        assertEquals("ROLLING", rollout("0.2.0"));
        assertEquals(STATIONS, offered("0.2.0"), "every station once the canaries are healthy");

        UpdatePublisher.Published bad = publish("0.3.0", true, "package 0.3.0");
        report(bad.offeredTo().get(0), "0.3.0", State.ROLLED_BACK, "not healthy within 300 s of the restart");
        assertEquals("STOPPED", rollout("0.3.0"));
        report(bad.offeredTo().get(1), "0.3.0", State.HEALTHY, "healthy");
        assertEquals("STOPPED", rollout("0.3.0"), "a stopped rollout stays stopped");
        assertEquals(bad.offeredTo().stream().sorted().toList(), offered("0.3.0"), "the rest never get it");
        assertTrue(new UpdateQueries(console.database(), DISTRICT).release(new Release.Key("0.3.0", "all")).orElseThrow().stopReason()
                .contains("ROLLED_BACK"));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> publish("0.3.0", true, "package 0.3.0"));
        assertTrue(again.getMessage().contains("published already"), again.getMessage());

        // an administrator who found why (decision 0265) resumes it from the console: every station gets it
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        assertEquals(403, analyst.post("/updates/0.3.0/resume", java.util.Map.of()).status(), "admins only");
        assertFalse(analyst.get("/updates?lang=en").body().contains("Resume for every station"), "no button for analysts");
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        assertTrue(admin.get("/updates?lang=en").body().contains("Resume for every station"));
        assertEquals(409, admin.post("/updates/0.2.0/resume?lang=en", ALL).status(), "0.2.0 is not stopped");
        assertEquals(404, admin.post("/updates/9.9.9/resume?lang=en", ALL).status());
        assertEquals(404, admin.post("/updates/0.3.0/resume?lang=en", java.util.Map.of("architecture", "arm64")).status(),
                "0.3.0 is published for all, not for arm64");
        assertEquals(404, admin.post("/updates/0.3.0/resume?lang=en", java.util.Map.of()).status(), "which release?");
        assertEquals("STOPPED", rollout("0.3.0"), "refusals change nothing");
        try (Browser b = new Browser(console.url())) { // the button, in a real browser
            b.open("/updates?lang=en");
            b.login(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            b.open("/updates?lang=en");
            b.clickAndWaitForNewPage(b.waitFor(By.cssSelector("[id='release-0.3.0-all'] button.resume")));
            assertEquals("all stations", b.text(By.cssSelector("[id='release-0.3.0-all'] .rollout-state span")));
            assertTrue(b.driver().findElements(By.cssSelector("button.resume")).isEmpty(), "no stopped release left");
        }
        assertEquals("ROLLING", rollout("0.3.0"));
        assertEquals(STATIONS, offered("0.3.0"), "every station now, each once");
        assertTrue(new UpdateQueries(console.database(), DISTRICT).release(new Release.Key("0.3.0", "all")).orElseThrow().stopReason()
                .startsWith("resumed by console:admin after: canary "), "the stop's reason is kept");
        assertEquals(409, admin.post("/updates/0.3.0/resume?lang=en", ALL).status(), "once");
    }

    @Test
    void packageIsServedWithoutLoginAndResumesWithARange() throws Exception {
        // a package whose control archive is plain tar: all of the file is ASCII, so it compares as text
        Path deb = TestDebs.withControl(dir.resolve("0.4.0.deb"), "Package: warm-station-terminal\nVersion: 0.4.0\n"
                + "Architecture: arm64\n", "control.tar", "0123456789".repeat(1000));
        new UpdatePublisher(console.database(), DISTRICT).publish(new UpdatePublisher.Request(deb, "0.4.0", false,
                UPDATE_KEY, console.url(), dir.resolve("updates")), "test", Instant.now());
        String body = Files.readString(deb, StandardCharsets.US_ASCII);
        int size = body.length();
        String path = "/updates/0.4.0/warm-station-terminal_0.4.0_arm64.deb";
        ConsoleHttp anyone = console.http();
        ConsoleHttp.Response whole = anyone.get(path);
        assertEquals(200, whole.status());
        assertEquals(body, whole.body());
        ConsoleHttp.Response rest = anyone.get(path, "Range", "bytes=" + (size - 10) + "-");
        assertEquals(206, rest.status());
        assertEquals(body.substring(size - 10), rest.body());
        assertEquals("bytes " + (size - 10) + "-" + (size - 1) + "/" + size, rest.header("Content-Range").orElseThrow());
        assertEquals(416, anyone.get(path, "Range", "bytes=" + size + "-").status());
        assertEquals(404, anyone.get("/updates/0.4.0/other.deb").status());
        assertEquals(404, anyone.get("/updates/9.9.9/warm-station-terminal_9.9.9_arm64.deb").status());
        assertTrue(size > 10_000, "the data member is in it: " + size);
    }

    @Test
    void publishingReadsTheArchitectureFromThePackageAndRefusesAFileThatIsNotWhatIsGiven() throws Exception {
        Path arm = TestDebs.write(dir.resolve("arm.deb"), "0.6.0", "arm64", "arm package");
        UpdatePublisher.Published p = new UpdatePublisher(console.database(), DISTRICT).publish(new UpdatePublisher.Request(
                arm, "0.6.0", false, UPDATE_KEY, console.url(), dir.resolve("updates")), "test", Instant.now());
        assertEquals("arm64", p.manifest().architecture(), "signed into the manifest");
        assertTrue(p.manifest().url().endsWith("/updates/0.6.0/warm-station-terminal_0.6.0_arm64.deb"), p.manifest().url());
        assertEquals("arm64", new UpdateQueries(console.database(), DISTRICT).release(new Release.Key("0.6.0", "arm64")).orElseThrow().architecture());

        Path typo = TestDebs.write(dir.resolve("typo.deb"), "0.7.1", "arm64", "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UpdatePublisher(
                console.database(), DISTRICT).publish(new UpdatePublisher.Request(typo, "0.7.0", false, UPDATE_KEY,
                console.url(), dir.resolve("updates")), "test", Instant.now()));
        assertEquals("typo.deb is version 0.7.1, not 0.7.0 as given", e.getMessage());
        Path other = TestDebs.withControl(dir.resolve("other.deb"), "Package: bash\nVersion: 0.7.0\nArchitecture: arm64\n",
                "control.tar.gz", "x");
        e = assertThrows(IllegalArgumentException.class, () -> new UpdatePublisher(console.database(), DISTRICT)
                .publish(new UpdatePublisher.Request(other, "0.7.0", false, UPDATE_KEY, console.url(),
                        dir.resolve("updates")), "test", Instant.now()));
        assertEquals("other.deb is package bash, not warm-station-terminal", e.getMessage());
        assertTrue(new UpdateQueries(console.database(), DISTRICT).release(new Release.Key("0.7.0", "arm64")).isEmpty(), "nothing published");
    }

    @Test
    void consoleShowsEachStationsVersionAndBothOutcomes() throws Exception {
        UpdatePublisher.Published p = publish("0.5.0", false, "package 0.5.0");
        assertEquals(25, p.offeredTo().size());
        report("st-01", "0.5.0", State.HEALTHY, "healthy 38 s after the restart (kiosk, camera, broker)");
        report("st-02", "0.5.0", State.ROLLED_BACK, "not healthy within 300 s of the restart (kiosk, camera, broker)");
        report("st-03", "0.5.0", State.REFUSED, "disk full: 30 MB to download, 12 MB free");
        try (Connection c = console.database().connection()) {
            running(c, "st-01", "0.5.0");
            new StationStore().recordStatus(c, new StationStatus(StationStatus.SCHEMA, DISTRICT, "st-02",
                    StationStatus.State.ONLINE, "0.1.0", Instant.now(), null, null, 60, null, null, "armhf"));
        }
        try (Browser b = new Browser(console.url())) {
            b.size(1366, 900);
            b.open("/updates?lang=en");
            b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            b.open("/updates?lang=en");
            b.waitFor(By.id("station-updates"));
            assertEquals("healthy", b.text(By.cssSelector("#update-st-01 .update-state")));
            assertEquals("0.5.0", b.text(By.cssSelector("#update-st-01 .running-version")));
            assertEquals("rolled back", b.text(By.cssSelector("#update-st-02 .update-state")));
            assertEquals("0.1.0", b.text(By.cssSelector("#update-st-02 .running-version")));
            assertTrue(b.text(By.cssSelector("#update-st-02 .update-detail")).contains("not healthy within 300 s"));
            assertEquals("refused", b.text(By.cssSelector("#update-st-03 .update-state")));
            assertEquals("armhf", b.text(By.cssSelector("#update-st-02 .station-architecture")), "as its birth said");
            assertEquals("", b.text(By.cssSelector("#update-st-03 .station-architecture")), "not said yet");
            assertEquals("offered", b.text(By.cssSelector("#update-st-04 .update-state")));
            assertTrue(b.text(By.id("release-0.5.0-all")).contains("all stations"), b.text(By.id("release-0.5.0-all")));
            assertEquals("all", b.text(By.cssSelector("[id='release-0.5.0-all'] .architecture")));
            assertTrue(b.driver().findElements(By.id("waiting")).isEmpty(), "every station has a release of 0.5.0");
            b.open("/updates?lang=zh");
            assertEquals("已回滚", b.waitFor(By.cssSelector("#update-st-02 .update-state")).getText());
            assertTrue(Files.size(b.screenshot("district-updates")) > 10_000);

            // 0.5.1 for arm64 only (decision 0285): st-02 said armhf, so it waits, and the page says so
            Path arm = TestDebs.write(dir.resolve("0.5.1.deb"), "0.5.1", "arm64", "package 0.5.1");
            new UpdatePublisher(console.database(), DISTRICT).publish(new UpdatePublisher.Request(arm, "0.5.1", false,
                    UPDATE_KEY, console.url(), dir.resolve("updates")), "test", Instant.now());
            b.open("/updates?lang=en");
            assertEquals(List.of("armhf × 1"), b.driver().findElements(By.cssSelector("#waiting .waiting-architecture"))
                    .stream().map(org.openqa.selenium.WebElement::getText).toList());
            assertTrue(b.text(By.id("waiting")).startsWith("No release of 0.5.1 is for these stations yet"),
                    b.text(By.id("waiting")));
        }
    }
}

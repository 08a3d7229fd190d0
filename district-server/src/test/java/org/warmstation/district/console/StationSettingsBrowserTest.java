package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.warmstation.district.DistrictService;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.settings.StationFixture;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;

/**
 * Station settings on the console in headless Chromium: an admin sends settings from the station
 * page's form; the district service signs and publishes them; the station (played by the test,
 * verifying the downlink as a station does) answers; the stored answer shows on the station page.
 * An invalid hour is refused on the page before anything is sent, and a station's refusal is
 * stored and shown with its reason. Tagged {@code screenshots}: it shoots the settings section
 * ({@code district-station-settings.png}) and its loans, supplies and voice fields
 * ({@code district-station-settings-operations.png}) for {@code ./station screenshots}.
 */
@Tag("screenshots")
class StationSettingsBrowserTest {
    private static final String STATION = "CY-0042";

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension();
    private static DistrictService district;
    private static final List<String> topics = new ArrayList<>();
    private static final List<byte[]> payloads = new ArrayList<>();

    @BeforeAll
    static void station() {
        district = new DistrictService(console.database(), StationFixture.DISTRICT, (t, p) -> {
            synchronized (topics) {
                topics.add(t);
                payloads.add(p);
            }
        }, new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10),
                Optional.of(StationFixture.KEY)), Clock.systemUTC());
        StationFixture.born(district, STATION, "三里屯驿站", 39.93, 116.45, "", Instant.now());
        StationFixture.born(district, "CY-0043", "东大桥驿站", 39.93, 116.457, "MON-SUN 06:00-22:00", Instant.now());
    }

    @AfterAll
    static void close() {
        district.close();
    }

    private static DownlinkCommand published(DownlinkCommand.Kind kind) throws Exception {
        district.dispatchDownlinks();
        synchronized (topics) {
            return StationFixture.lastTo(topics, payloads, STATION, kind).orElseThrow();
        }
    }

    private static void type(Browser b, String id, String text) {
        WebElement e = b.waitFor(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static void submit(Browser b) {
        b.clickAndWaitForNewPage(b.waitFor(By.id("settings-send")));
        b.waitFor(By.id("settings"));
    }

    @Test
    void settingsSentFromTheStationPageAreAppliedAndTheStoredAnswerIsShownAnInvalidHourIsRefused() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.login(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            b.open("/stations/" + STATION + "?lang=en");
            assertTrue(b.text(By.id("settings-none")).startsWith("No settings sent"));

            type(b, "settings-hours", "MON-SUN 07:00-22:00");
            type(b, "settings-exceptions", "2026-12-25 closed # repairs");
            b.waitFor(By.id("settings-service-OTHER")).click();
            type(b, "settings-cold", "5");
            type(b, "settings-pin", "135790");
            type(b, "settings-pin-again", "135790");
            submit(b);
            assertTrue(b.driver().getCurrentUrl().contains("/stations/" + STATION + "?settings=1"),
                    b.driver().getCurrentUrl());
            assertTrue(b.text(By.id("settings-state")).startsWith("Version 1: queued"), b.text(By.id("settings-state")));

            DownlinkCommand sent = published(DownlinkCommand.Kind.SETTINGS);
            assertEquals(1, sent.settings().version());
            assertFalse(sent.settings().enabledServices().contains("OTHER"));
            assertFalse(sent.settings().hours().openAt(LocalDate.of(2026, 12, 25).atTime(12, 0)));
            assertEquals(5.0, sent.settings().coldAlertCelsius());
            assertTrue(StaffPin.parse(sent.settings().staffPin()).matches("135790".toCharArray()));
            b.open("/stations/" + STATION + "?lang=en");
            assertTrue(b.text(By.id("settings-state")).contains("sent, no answer yet"), b.text(By.id("settings-state")));

            StationFixture.ack(district, sent, DownlinkAck.Outcome.APPLIED, null, Instant.now());
            b.open("/stations/" + STATION + "?lang=en");
            String applied = b.text(By.id("settings-state"));
            assertTrue(applied.startsWith("Version 1: applied by the station (answered "), applied);
            assertTrue(b.text(By.id("settings")).contains("This version reset the staff PIN."));
            assertEquals("MON-SUN 07:00-22:00", b.waitFor(By.id("settings-hours")).getDomProperty("value"),
                    "the form shows the applied document");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('settings').scrollIntoView()");
            b.screenshot("district-station-settings");

            DownlinkCommand neighbours = published(DownlinkCommand.Kind.NEIGHBOURS);
            assertEquals("东大桥驿站", neighbours.neighbours().stations().getFirst().name());

            type(b, "settings-hours", "MON-SUN 07:00-25:00");
            submit(b);
            String refused = b.text(By.id("settings-error"));
            assertTrue(refused.startsWith("Not sent, the settings are invalid: opening hours: opening span '07:00-25:00'"),
                    refused);
            assertEquals("MON-SUN 07:00-25:00", b.waitFor(By.id("settings-hours")).getDomProperty("value"),
                    "the form keeps what was entered");
            assertEquals(1, district.sender().history(STATION, 50).stream()
                    .filter(r -> r.kind() == DownlinkCommand.Kind.SETTINGS).count(), "nothing was queued");

            type(b, "settings-hours", "");
            type(b, "settings-announcement", "寒潮预警：驿站今晚通宵开放");
            submit(b);
            DownlinkCommand second = published(DownlinkCommand.Kind.SETTINGS);
            assertEquals(2, second.settings().version());
            StationFixture.ack(district, second, DownlinkAck.Outcome.REFUSED,
                    "invalid command: settings: unknown service 'CHARGING'", Instant.now());
            b.open("/stations/" + STATION + "?lang=zh");
            assertTrue(b.text(By.id("settings-state")).startsWith("第 2 版： 驿站已拒绝，整份设置均未生效"),
                    b.text(By.id("settings-state")));
            assertEquals("驿站给出的原因：invalid command: settings: unknown service 'CHARGING'",
                    b.text(By.id("settings-reason")));
        }
    }

    @Test
    void loanSupplyAndVoiceFieldsAreQueuedAndFieldsLeftAloneKeepThePreviousValues() throws Exception {
        String other = "CY-0043";
        try (Browser b = new Browser(console.url())) {
            b.login(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            b.open("/stations/" + other + "/settings?lang=en");
            type(b, "settings-loan-days", "5");
            new Select(b.waitFor(By.id("settings-guest-loans"))).selectByValue("yes");
            new Select(b.waitFor(By.id("settings-ratings"))).selectByValue("no");
            type(b, "settings-supplies", "GLOVES 8 2\nHAND_WARMERS 30 0");
            new Select(b.waitFor(By.id("settings-voice-enabled"))).selectByValue("yes");
            type(b, "settings-voice-volume", "40");
            type(b, "settings-voice-quiet", "21:30-07:00");
            submit(b);
            var first = publishedTo(other).settings();
            assertEquals(5, first.loanOverdueDays());
            assertEquals(true, first.guestLoansAllowed());
            assertEquals(false, first.supplies().ratingsEnabled());
            assertEquals(8, first.supplies().item("GLOVES").orElseThrow().lowAt());
            assertEquals(2, first.supplies().item("GLOVES").orElseThrow().perMemberLimit());
            assertEquals(2, first.supplies().items().size());
            assertEquals(true, first.voiceEnabled());
            assertEquals(40, first.voiceVolumePercent());
            assertEquals("21:30-07:00", first.voiceQuietHours());

            b.open("/stations/" + other + "/settings?lang=zh");
            assertEquals("GLOVES 8 2\nHAND_WARMERS 30 0\n", b.waitFor(By.id("settings-supplies")).getDomProperty("value"),
                    "the form shows the sent items");
            assertEquals("no", new Select(b.waitFor(By.id("settings-ratings"))).getFirstSelectedOption()
                    .getDomProperty("value"));
            assertTrue(b.text(By.id("settings-supplies-set")).contains("GLOVES 手套, HAND_WARMERS 暖贴, HATS 帽子"),
                    "the hint lists the known items, the station's first");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('settings-loans').scrollIntoView()");
            b.screenshot("district-station-settings-operations");
            b.open("/stations/" + other + "/settings?lang=en");
            type(b, "settings-voice-volume", "101");
            submit(b);
            String refused = b.text(By.id("settings-error"));
            assertTrue(refused.startsWith("Not sent, the settings are invalid: voice volume (%): 101 is outside 0..100"),
                    refused);
            assertEquals("GLOVES 8 2\nHAND_WARMERS 30 0\n", b.waitFor(By.id("settings-supplies")).getDomProperty("value"),
                    "the refused form keeps what was entered");

            type(b, "settings-voice-volume", "60");
            submit(b);
            var second = publishedTo(other).settings();
            assertEquals(first.version() + 1, second.version());
            assertEquals(60, second.voiceVolumePercent());
            assertEquals(first.withVersion(second.version()).voiceQuietHours(), second.voiceQuietHours());
            assertEquals(5, second.loanOverdueDays(), "untouched: kept from the previous document");
            assertEquals(true, second.guestLoansAllowed());
            assertEquals(first.supplies(), second.supplies());
        }
    }

    private static DownlinkCommand publishedTo(String station) throws Exception {
        district.dispatchDownlinks();
        synchronized (topics) {
            return StationFixture.lastTo(topics, payloads, station, DownlinkCommand.Kind.SETTINGS).orElseThrow();
        }
    }

    @Test
    void analystsSeeTheStateButNoForm() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            b.open("/stations/" + STATION + "?lang=en");
            b.waitFor(By.id("settings"));
            assertTrue(b.driver().findElements(By.id("settings-form")).isEmpty());
        }
    }
}

package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.LocalTime;
import org.warmstation.devices.peripherals.TimeWindow;
import org.warmstation.kiosk.config.VoiceSettings;
import org.warmstation.kiosk.domain.CardFixture;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.visitlog.domain.ManualStationClock;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/** The district's station settings as the kiosk reads them from the file the sync agent writes. */
class StationSettingsFileTest {
    @TempDir
    Path dir;

    private Path write(StationSettings s, int secondsLater) throws Exception {
        Path f = dir.resolve("station-settings.json");
        Files.write(f, Wire.encode(s));
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(secondsLater)));
        return f;
    }

    @Test
    void withoutAFileTheConfiguredValuesApply() {
        StationSettingsFile f = new StationSettingsFile(dir.resolve("station-settings.json"));
        assertEquals(Optional.empty(), f.current());
        assertEquals(Duration.ofMinutes(10), f.duplicateWindow(Duration.ofMinutes(10)));
    }

    @Test
    void aReplacedFileIsReadAgain() throws Exception {
        Path file = write(new StationSettings(300, List.of("HOT_WATER"), "寒潮预警"), 0);
        StationSettingsFile f = new StationSettingsFile(file);
        assertEquals("寒潮预警", f.current().orElseThrow().announcement());
        assertEquals(Duration.ofMinutes(5), f.duplicateWindow(Duration.ofMinutes(10)));
        write(new StationSettings(60, List.of("HOT_WATER", "TOILET"), null), 10);
        assertEquals(null, f.current().orElseThrow().announcement());
        assertEquals(EnumSet.of(Service.HOT_WATER, Service.TOILET), StationSettingsFile.services(f.current().orElseThrow()));
        assertEquals(Duration.ofMinutes(1), f.duplicateWindow(Duration.ofMinutes(10)));
    }

    @Test
    void theDistrictsVoiceFieldsReplaceTheConfiguredOnesAndAbsentOnesKeepThem() throws Exception {
        VoiceSettings configured = new VoiceSettings(true, 70, Optional.of(TimeWindow.parse("22:00-07:00")));
        Path file = write(new StationSettings(300, List.of("HOT_WATER"), null), 0);
        StationSettingsFile f = new StationSettingsFile(file);
        assertEquals(configured, f.voice(configured), "a document without voice fields keeps the configuration");
        write(new StationSettings(300, List.of("HOT_WATER"), null, 2, null, null, null, null, null, null,
                false, 30, "none"), 10);
        VoiceSettings district = f.voice(configured);
        assertEquals(new VoiceSettings(false, 30, Optional.empty()), district, "read anew, no restart");
        assertEquals(false, district.speaksAt(LocalTime.of(12, 0)));
        write(new StationSettings(300, List.of("HOT_WATER"), null, 3, null, null, null, null, null, null,
                null, 50, "12:00-13:00"), 20);
        district = f.voice(configured);
        assertEquals(true, district.enabled(), "on/off left to the station");
        assertEquals(50, district.volumePercent());
        assertEquals(false, district.speaksAt(LocalTime.of(12, 30)));
        assertEquals(true, district.speaksAt(LocalTime.of(23, 0)), "the district's quiet hours replace the night");
    }

    @Test
    void aCorruptFileKeepsTheSettingsReadBefore() throws Exception {
        Path file = write(new StationSettings(300, List.of("REST"), "open all night"), 0);
        StationSettingsFile f = new StationSettingsFile(file);
        assertEquals("open all night", f.current().orElseThrow().announcement());
        Files.writeString(file, "{\"duplicateWindowSeconds\": \"garbage");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-21T09:00:00Z")));
        assertEquals("open all night", f.current().orElseThrow().announcement());
    }

    @Test
    void theDistrictsWindowDecidesWhetherASecondScanCountsAgain() throws Exception {
        CardFixture cards = new CardFixture();
        ManualStationClock clock = new ManualStationClock(Instant.parse("2026-11-21T00:30:00Z"));
        StationSettingsFile settings = new StationSettingsFile(dir.resolve("station-settings.json"));
        SqliteVisitStore store = new SqliteVisitStore(dir.resolve("data"));
        try {
            VisitService service = new VisitService(store, cards::verifier, clock, "CY-0042", CardFixture.BEIJING,
                    () -> settings.duplicateWindow(Duration.ofMinutes(10)));
            String token = cards.token(1, 7, WorkerCategory.COURIER);
            assertInstanceOf(CheckInResult.Welcome.class, service.checkIn(token));
            clock.advance(Duration.ofMinutes(3));
            assertInstanceOf(CheckInResult.AlreadyCheckedIn.class, service.checkIn(token), "within the configured 10 min");
            write(new StationSettings(60, List.of("HOT_WATER"), null), 0);
            assertInstanceOf(CheckInResult.Welcome.class, service.checkIn(token), "the district's 1 min window has passed");
        } finally {
            store.close();
        }
    }

    @Test
    void theDistrictsSupplyListReplacesTheDefaultOne() throws Exception {
        StationSettingsFile f = new StationSettingsFile(dir.resolve("station-settings.json"));
        assertEquals(org.warmstation.protocol.wire.SupplySettings.DEFAULT, f.supplies(), "none received: the six items");
        var tea = new org.warmstation.protocol.wire.SupplySettings(List.of(new org.warmstation.protocol.wire.SupplyItem(
                "GINGER_TEA", "姜茶", "Ginger tea", "杯", "cup", 10, 0)), false);
        write(new StationSettings(300, List.of("HOT_WATER"), null, 2, null, null, null, null, null, tea), 0);
        assertEquals(tea, f.supplies());
        write(new StationSettings(300, List.of("HOT_WATER"), null), 10);
        assertEquals(org.warmstation.protocol.wire.SupplySettings.DEFAULT, f.supplies(), "a document without supplies");
    }
}

package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.settings.SettingsForm;
import org.warmstation.district.settings.SettingsService;
import org.warmstation.district.settings.SettingsStatus;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 11, "done when" 3 end to end: settings sent at the district (the console's and the command
 * line's {@link SettingsService}) reach the real agent over a real Mosquitto, are applied as one
 * file where the kiosk reads them, and the station's APPLIED answer is stored at the district on
 * embedded PostgreSQL; a version sent while the station is offline is applied after it reconnects
 * (re-sent on its birth) and the district shows it applied.
 */
class SettingsE2eTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(KEY);

    private static SettingsStatus status(SettingsService s, String station) {
        try {
            return s.status(station).orElseThrow();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StationSettings applied(Path dir) throws Exception {
        Path file = dir.resolve("downlinks").resolve(FileDownlinkApplier.SETTINGS);
        return Files.exists(file) ? Wire.decode(Files.readAllBytes(file), StationSettings.class) : null;
    }

    @Test
    void settingsAreAppliedByTheStationAndItsAnswerStoredAlsoWhenSentWhileOffline() throws Exception {
        String st = "settings-e2e";
        Path dir = E2E.dir().resolve(st);
        Backlog.fill(dir, st, 2);
        SettingsService settings = new SettingsService(E2E.district().database(), Stations.DISTRICT, Clock.systemUTC());

        SyncAgent first = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY);
        first.start();
        try {
            Await.until(LONG, "the station known at the district", () -> Backlog.waiting(dir) == 0, first::status);
            settings.send(st, new SettingsForm("MON-FRI 07:00-22:00", "2026-12-25 closed", "HOT_WATER,TOILET,WARM_UP",
                    "10", "5", "", "135790", "135790").toSettings(), "e2e");
            Await.until(LONG, "version 1 applied and its answer stored",
                    () -> status(settings, st).state() == SettingsStatus.State.APPLIED, () -> status(settings, st));
            StationSettings v1 = applied(dir);
            assertEquals(1, v1.version());
            assertEquals(List.of("HOT_WATER", "TOILET", "WARM_UP"), v1.enabledServices());
            assertEquals(600, v1.duplicateWindowSeconds());
            assertTrue(StaffPin.parse(v1.staffPin()).matches("135790".toCharArray()));
        } finally {
            first.stop();
        }

        settings.send(st, new SettingsForm("MON-SUN 06:00-23:00", "", "HOT_WATER", "", "", "寒潮预警", "", "")
                .toSettings(), "e2e");
        Await.until(LONG, "version 2 published while the station is offline",
                () -> status(settings, st).sentAt() != null, () -> status(settings, st));
        assertEquals(SettingsStatus.State.SENT, status(settings, st).state());
        assertEquals(1, applied(dir).version(), "the offline station still has version 1");

        SyncAgent second = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY);
        second.start();
        try {
            Await.until(LONG, "version 2 applied after the reconnect and its answer stored",
                    () -> status(settings, st).state() == SettingsStatus.State.APPLIED, () -> status(settings, st));
            StationSettings v2 = applied(dir);
            assertEquals(2, v2.version());
            assertEquals("寒潮预警", v2.announcement());
            assertTrue(v2.hours().openAt(LocalDate.of(2026, 12, 6).atTime(22, 30)));
            assertTrue(StaffPin.parse(v2.staffPin()).matches("135790".toCharArray()), "the PIN of version 1 is kept");
            assertNull(status(settings, st).message());
        } finally {
            second.stop();
        }
    }
}

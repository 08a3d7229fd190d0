package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.settings.SettingsForm;
import org.warmstation.district.settings.SettingsService;
import org.warmstation.district.settings.SettingsStatus;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 15, "remote settings rollback", end to end on a real Mosquitto and the real district: a
 * settings document naming a broker the station cannot reach is applied, the station moves to it
 * and fails to connect, and after the rollback window (3 s here, 10 minutes in service) it puts
 * the previous document back by itself, reconnects to its broker, and reports the rollback, which
 * the district stores as the document's FAILED answer with the reason (what the console shows).
 * A good document that moves the station to a second broker that works is kept.
 */
class SettingsRollbackE2eTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofSeconds(3);
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

    private static StationSettings inForce(Path dir) {
        Path file = dir.resolve("downlinks").resolve(FileDownlinkApplier.SETTINGS);
        try {
            return Files.exists(file) ? Wire.decode(Files.readAllBytes(file), StationSettings.class) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static StationSettings form(String services) {
        return new SettingsForm("MON-SUN 06:00-23:00", "", services, "", "", "", "", "").toSettings();
    }

    @Test
    void settingsThatCostTheBrokerAreRolledBackByTheStationAndTheDistrictSeesWhy() throws Exception {
        String st = "rollback-e2e";
        Path dir = E2E.dir().resolve(st);
        Backlog.fill(dir, st, 1);
        SettingsService settings = new SettingsService(E2E.district().database(), Stations.DISTRICT, Clock.systemUTC());
        int deadPort = MosquittoBroker.freePort();

        SyncAgent agent = Stations.agent(Stations.config(E2E.broker().url(), st, dir).settingsRollbackAfter(WINDOW)
                .build(), KEY);
        agent.start();
        try {
            Await.until(LONG, "the station known at the district", () -> Backlog.waiting(dir) == 0, agent::status);
            settings.send(st, form("HOT_WATER,TOILET"), "e2e");
            Await.until(LONG, "version 1 applied", () -> status(settings, st).state() == SettingsStatus.State.APPLIED,
                    () -> status(settings, st));

            settings.send(st, form("HOT_WATER").withBrokerUrl("tcp://127.0.0.1:" + deadPort), "e2e");
            Await.until(LONG, "version 2, with a broker nobody listens on, applied and the station gone to it",
                    () -> {
                        StationSettings now = inForce(dir);
                        return now != null && now.version() == 2 && !agent.status().connected();
                    }, () -> status(settings, st));
            int attemptsBefore = agent.connectAttempts();

            Await.until(LONG, "version 2 rolled back and the rollback stored at the district",
                    () -> status(settings, st).state() == SettingsStatus.State.FAILED, () -> status(settings, st));
            SettingsStatus failed = status(settings, st);
            assertEquals(2, failed.version());
            assertTrue(failed.message().startsWith("rolled back: no broker connection for PT3S after applying settings"
                    + " version 2; version 1 in force again"), failed.message());
            StationSettings restored = inForce(dir);
            assertEquals(1, restored.version(), "the previous document is in force again");
            assertNull(restored.brokerUrl());
            assertEquals(java.util.List.of("HOT_WATER", "TOILET"), restored.enabledServices());
            assertTrue(agent.connectAttempts() > attemptsBefore, "it tried the new broker before giving up");
            Await.until(LONG, "connected to its own broker again", () -> agent.status().connected(), agent::status);

            Backlog.fill(dir, st, 1);
            Await.until(LONG, "visits reach the district again", () -> Backlog.waiting(dir) == 0, agent::status);
        } finally {
            agent.stop();
        }
    }

    @Test
    void settingsThatMoveTheStationToAWorkingBrokerAreKept() throws Exception {
        String st = "move-e2e";
        Path dir = E2E.dir().resolve(st);
        Backlog.fill(dir, st, 1);
        SettingsService settings = new SettingsService(E2E.district().database(), Stations.DISTRICT, Clock.systemUTC());
        SyncAgent agent = Stations.agent(Stations.config(E2E.broker().url(), st, dir).settingsRollbackAfter(WINDOW)
                .build(), KEY);
        agent.start();
        try (MosquittoBroker second = MosquittoBroker.startEphemeral(Files.createDirectories(E2E.dir().resolve("second")))) {
            Await.until(LONG, "the station known at the district", () -> Backlog.waiting(dir) == 0, agent::status);
            settings.send(st, form("HOT_WATER").withBrokerUrl(second.url()), "e2e");
            Await.until(LONG, "applied", () -> status(settings, st).state() == SettingsStatus.State.APPLIED,
                    () -> status(settings, st));
            Await.until(LONG, "connected to the second broker", () -> agent.status().connected()
                    && second.connections(st) > 0, agent::status);
            // a negative: wait out twice the window, then nothing may have rolled back
            Thread.sleep(WINDOW.multipliedBy(2).toMillis());
            assertEquals(second.url(), inForce(dir).brokerUrl(), "kept, not rolled back");
            assertEquals(SettingsStatus.State.APPLIED, status(settings, st).state());
            assertTrue(agent.status().connected());
        } finally {
            agent.stop();
        }
    }
}

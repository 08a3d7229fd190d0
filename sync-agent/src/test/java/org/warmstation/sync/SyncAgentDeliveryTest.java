package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.Stations;
import org.warmstation.sync.testing.TestDistrict;

/** The agent against a real Mosquitto and a test-side district that stores and acks. */
class SyncAgentDeliveryTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    MosquittoBroker broker;
    TestDistrict district;
    SyncAgent agent;
    final DistrictKey key = DistrictKey.generate(Stations.DISTRICT);

    @BeforeEach
    void startBroker() throws Exception {
        broker = MosquittoBroker.startEphemeral(tmp);
        district = new TestDistrict(broker.url(), "test-district");
    }

    @AfterEach
    void stopAll() {
        if (agent != null) {
            agent.stop();
        }
        district.close();
        broker.close();
    }

    @Test
    void visitsAreConfirmedOnlyAfterTheDistrictAcks() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> recorded = new HashSet<>();
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            for (int i = 0; i < 250; i++) {
                recorded.add(store.record(Stations.visit("s1", i)).id());
            }
        }
        district.acking(false);
        agent = Stations.agent(Stations.config(broker.url(), "s1", dir).build(), key);
        agent.start();
        Await.until(LONG, "batches reach the broker and the district", () -> district.batches() >= 3, district::batches);
        assertEquals(250, Backlog.waiting(dir), "PUBACK alone confirms nothing");
        district.acking(true);
        Await.until(LONG, "outbox empty", () -> Backlog.waiting(dir) == 0, () -> district.stored().size());
        assertEquals(recorded, district.stored());
        assertTrue(district.gzipBatches() >= 3, "full batches travel gzip-compressed (decision 0240): "
                + district.gzipBatches() + " of " + district.batches());
        Await.until(LONG, "status shows the sync", () -> agent.status().lastSync().isPresent()
                && agent.status().waiting() == 0 && agent.status().connected(), agent::status);
    }

    @Test
    void brokerKilledAndRestartedMidStreamLosesNothing() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "s2", 3000);
        agent = Stations.agent(Stations.config(broker.url(), "s2", dir).drainRate(600).build(), key);
        agent.start();
        Await.until(LONG, "drain under way", () -> district.stored().size() >= 300, () -> district.stored().size());
        broker.kill();
        Await.until(LONG, "agent notices", () -> !agent.status().connected(), agent::status);
        broker.restart();
        Await.until(Duration.ofSeconds(120), "outbox empty", () -> Backlog.waiting(dir) == 0,
                () -> district.stored().size() + " stored, waiting " + agent.status().waiting());
        assertEquals(ids, district.stored());
        assertTrue(agent.connectAttempts() >= 2, "reconnected: " + agent.connectAttempts());
    }

    @Test
    void firstConnectFailingIsRetriedUntilTheBrokerComes() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "s3", 20);
        broker.stop();
        agent = Stations.agent(Stations.config(broker.url(), "s3", dir).build(), key);
        agent.start();
        Await.until(LONG, "several failed attempts", () -> agent.connectAttempts() >= 3, agent::connectAttempts);
        Await.until(LONG, "problem shown", () -> agent.status().problem().isPresent(), agent::status);
        assertEquals(false, agent.status().connected());
        broker.restart();
        Await.until(LONG, "outbox empty", () -> Backlog.waiting(dir) == 0, agent::status);
        assertEquals(ids, district.stored());
    }

    @Test
    void birthMessageIsRetainedOnlineAndStopPublishesOffline() throws Exception {
        Path dir = tmp.resolve("station");
        agent = Stations.agent(Stations.config(broker.url(), "s4", dir).appVersion("9.8.7").architecture("armhf").build(),
                key);
        agent.start();
        Await.until(LONG, "online", () -> district.statuses().containsKey("s4")
                && district.statuses().get("s4").state() == StationStatus.State.ONLINE, district::statuses);
        assertEquals("9.8.7", district.statuses().get("s4").appVersion());
        assertEquals("armhf", district.statuses().get("s4").architecture(), "so the district offers its release");
        assertTrue(district.statuses().get("s4").stationKey() != null);
        agent.stop();
        agent = null;
        Await.until(LONG, "offline", () -> district.statuses().get("s4").state() == StationStatus.State.OFFLINE,
                district::statuses);
        assertEquals(null, district.statuses().get("s4").architecture(), "only the birth message says it");
    }

    @Test
    void heartbeatCarriesQueueDepthAndDiskWarning() throws Exception {
        Path dir = tmp.resolve("station");
        Backlog.fill(dir, "s5", 7);
        district.acking(false);
        agent = Stations.agent(Stations.config(broker.url(), "s5", dir).diskWarningBytes(Long.MAX_VALUE).build(), key);
        agent.start();
        Await.until(LONG, "a heartbeat with the backlog", () -> district.telemetry().stream()
                .anyMatch(t -> t.station().equals("s5") && t.queueDepth() == 7 && t.diskWarning()
                        && t.oldestUnsyncedAgeSeconds() != null), district::telemetry);
        Await.until(LONG, "staff screen warns", () -> agent.status().diskWarning() && agent.status().waiting() == 7,
                agent::status);
    }

    @Test
    void birthCarriesTheProfileAndHeartbeatsTheRoomSensors() throws Exception {
        Path dir = tmp.resolve("station");
        StationProfile profile = new StationProfile("朝阳门外驿站", "朝阳门外大街1号", 39.92, 116.44, "010-65001234",
                OpeningHours.parse("MON-SUN 08:00-20:00"), List.of("HOT_WATER"), "Asia/Shanghai");
        AtomicLong entries = new AtomicLong(3);
        agent = Stations.agent(Stations.config(broker.url(), "s6", dir).build(), key,
                () -> OptionalDouble.of(17.5), () -> OptionalLong.of(entries.get()), profile);
        agent.start();
        Await.until(LONG, "online with profile", () -> district.statuses().containsKey("s6")
                && district.statuses().get("s6").profile() != null, district::statuses);
        assertEquals(profile, district.statuses().get("s6").profile());
        assertEquals(1, district.statuses().get("s6").heartbeatSeconds());
        Await.until(LONG, "a first heartbeat counting 3 entries today", () -> district.telemetry().stream()
                .anyMatch(t -> t.station().equals("s6") && Long.valueOf(3).equals(t.motionEntriesToday())),
                district::telemetry);
        entries.set(8);
        Await.until(LONG, "a heartbeat with room temperature and five new entries", () -> district.telemetry().stream()
                .anyMatch(t -> t.station().equals("s6") && Double.valueOf(17.5).equals(t.temperatureCelsius())
                        && Long.valueOf(8).equals(t.motionEntriesToday())
                        && Long.valueOf(5).equals(t.motionEntriesLastHour())), district::telemetry);
    }
}

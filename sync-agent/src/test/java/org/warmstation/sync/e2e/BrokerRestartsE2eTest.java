package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 3, "done when" 3: 10,000 visits while the broker is killed (SIGKILL) and restarted 5
 * times: the district holds exactly those 10,000, no duplicates, and the terminal's outbox is
 * empty. 2,000 visits wait when the agent starts; 1,600 more are recorded during each outage.
 */
class BrokerRestartsE2eTest {
    private static final int KILLS = 5;

    @TempDir
    static Path tmp;
    private static MosquittoBroker broker;
    private static DistrictFixture district;

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.startEphemeral(Files.createDirectories(tmp.resolve("broker")));
        district = DistrictFixture.start(tmp);
        district.instance(broker.url(), "district-a", null);
    }

    @AfterAll
    static void stop() {
        if (district != null) {
            district.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void tenThousandVisitsThroughFiveBrokerKillsArriveExactlyOnce() throws Exception {
        String st = "kills-e2e";
        Path dir = tmp.resolve(st);
        Set<UUID> recorded = new HashSet<>(Backlog.fill(dir, st, 2000));
        SyncAgent agent = Stations.agent(Stations.config(broker.url(), st, dir).drainRate(800).build(),
                DistrictKey.generate(Stations.DISTRICT));
        long t0 = System.nanoTime();
        try {
            agent.start();
            for (int k = 1; k <= KILLS; k++) {
                long before = district.count();
                Await.until(Duration.ofSeconds(60), "progress before kill " + k, () -> district.count() >= before + 300,
                        () -> district.count() + " stored");
                broker.kill();
                recorded.addAll(Backlog.fill(dir, st, 1600));
                Thread.sleep(300);
                broker.restart();
            }
            assertEquals(10_000, recorded.size());
            Await.until(Duration.ofSeconds(180), "outbox empty and all stored",
                    () -> Backlog.waiting(dir) == 0 && district.count() == 10_000,
                    () -> district.count() + " stored, waiting " + Backlog.waiting(dir));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[figures] 10,000 visits through %d broker kills in %.1f s (%.0f visits/s), "
                    + "%d connect attempts%n", KILLS, seconds, 10_000 / seconds, agent.connectAttempts());
            assertEquals(recorded, district.uuids());
            assertEquals(10_000, district.distinctStationSeqs(), "a seq stored twice");
            assertTrue(agent.connectAttempts() >= KILLS + 1, "reconnected after each kill: " + agent.connectAttempts());
        } catch (AssertionError e) {
            var lines = broker.logLines();
            System.out.println("[broker log tail]\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            throw e;
        } finally {
            agent.stop();
        }
    }
}

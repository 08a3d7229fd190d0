package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 3, "done when" 3: 10,000 visits while the broker is killed (SIGKILL) and restarted 5
 * times: the district holds exactly those 10,000, no duplicates, and the terminal's outbox is
 * empty. 2,000 visits wait when the agent starts; 1,600 more are recorded during each outage.
 */
class BrokerRestartsE2eTest {
    private static final int KILLS = 5;

    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e();

    @Test
    void tenThousandVisitsThroughFiveBrokerKillsArriveExactlyOnce() throws Exception {
        String st = "kills-e2e";
        Path dir = E2E.dir().resolve(st);
        Set<UUID> recorded = new HashSet<>(Backlog.fill(dir, st, 2000));
        SyncAgent agent = Stations.agent(Stations.config(E2E.broker().url(), st, dir).drainRate(800).build(),
                DistrictKey.generate(Stations.DISTRICT));
        long t0 = System.nanoTime();
        try {
            agent.start();
            for (int k = 1; k <= KILLS; k++) {
                long before = E2E.district().count();
                Await.until(Duration.ofSeconds(60), "progress before kill " + k, () -> E2E.district().count() >= before + 300,
                        () -> E2E.district().count() + " stored");
                E2E.broker().kill();
                recorded.addAll(Backlog.fill(dir, st, 1600));
                Thread.sleep(300);
                E2E.broker().restart();
            }
            assertEquals(10_000, recorded.size());
            Await.until(Duration.ofSeconds(180), "outbox empty and all stored",
                    () -> Backlog.waiting(dir) == 0 && E2E.district().count() == 10_000,
                    () -> E2E.district().count() + " stored, waiting " + Backlog.waiting(dir));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[figures] 10,000 visits through %d broker kills in %.1f s (%.0f visits/s), "
                    + "%d connect attempts%n", KILLS, seconds, 10_000 / seconds, agent.connectAttempts());
            assertEquals(recorded, E2E.district().uuids());
            assertEquals(10_000, E2E.district().distinctStationSeqs(), "a seq stored twice");
            assertTrue(agent.connectAttempts() >= KILLS + 1, "reconnected after each kill: " + agent.connectAttempts());
        } catch (AssertionError e) {
            var lines = E2E.broker().logLines();
            System.out.println("[broker log tail]\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            throw e;
        } finally {
            agent.stop();
        }
    }
}

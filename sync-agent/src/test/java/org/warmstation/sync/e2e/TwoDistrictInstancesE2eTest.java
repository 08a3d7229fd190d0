package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictServerCli;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.testing.ChildJvm;

/**
 * Issue 3, "done when" 5: two district-server instances share the subscription
 * ($share/district/...); one, a separate process running {@code district-server run}, is killed
 * with SIGKILL mid-stream: every visit is stored once.
 */
class TwoDistrictInstancesE2eTest {
    private static final int STATIONS = 3;
    private static final int VISITS = 2000;

    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e();
    private static Process instanceB;

    @AfterAll
    static void stop() throws Exception {
        if (instanceB != null) {
            instanceB.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String logOfB() {
        try {
            return Files.readString(E2E.dir().resolve("district-b.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void instanceKilledMidStreamLosesNothingAndStoresNothingTwice() throws Exception {
        instanceB = ChildJvm.start(DistrictServerCli.class, E2E.dir().resolve("district-b.log"),
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                        "-Dorg.slf4j.simpleLogger.log.org.warmstation.district.DistrictService=debug"),
                "run", "--http", "off", "--jdbc-url", E2E.district().jdbcUrl(), "--broker", E2E.broker().url(), "--district",
                Integer.toString(Stations.DISTRICT), "--client-id", "district-b", "--reconcile-every", "1h");
        Await.until(Duration.ofSeconds(60), "instance B connected", () -> logOfB().contains("district-b connected"),
                TwoDistrictInstancesE2eTest::logOfB);

        Set<UUID> recorded = new HashSet<>();
        List<SyncAgent> agents = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        DistrictKey key = DistrictKey.generate(Stations.DISTRICT);
        try {
            for (int i = 0; i < STATIONS; i++) {
                String st = "share-" + i;
                Path dir = E2E.dir().resolve(st);
                recorded.addAll(Backlog.fill(dir, st, VISITS));
                dirs.add(dir);
                SyncAgent a = Stations.agent(Stations.config(E2E.broker().url(), st, dir).batchSize(50).drainRate(250).build(), key);
                agents.add(a);
                a.start();
            }
            Await.until(Duration.ofSeconds(90), "both instances storing",
                    () -> E2E.district().count() >= STATIONS * VISITS / 4 && storedByB() > 0,
                    () -> E2E.district().count() + " stored, by B " + storedByB());
            long batchesByB = storedByB();
            long storedAtKill = E2E.district().count();
            instanceB.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertTrue(storedAtKill < STATIONS * VISITS, "killed after the stream ended");

            Await.until(Duration.ofSeconds(120), "all stored, outboxes empty",
                    () -> E2E.district().count() == (long) STATIONS * VISITS && dirs.stream().allMatch(d -> Backlog.waiting(d) == 0),
                    () -> E2E.district().count() + " stored");
            System.out.printf("[figures] two instances: B stored %d batches before SIGKILL at %d of %d visits; "
                    + "instance A took over the rest%n", batchesByB, storedAtKill, STATIONS * VISITS);
            assertEquals(recorded, E2E.district().uuids());
            assertEquals((long) STATIONS * VISITS, E2E.district().distinctStationSeqs());
        } finally {
            agents.forEach(SyncAgent::stop);
        }
    }

    private static long storedByB() {
        return logOfB().lines().filter(l -> l.contains("stored batch")).count();
    }
}

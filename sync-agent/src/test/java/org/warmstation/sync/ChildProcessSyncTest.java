package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.ChildAgent;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.TestDistrict;

/** The agent in a child JVM: killed with SIGKILL mid-replay, and draining 100,000 visits at -Xmx128m. */
class ChildProcessSyncTest {
    @TempDir
    Path tmp;
    MosquittoBroker broker;
    TestDistrict district;
    Process child;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startEphemeral(tmp);
        district = new TestDistrict(broker.url(), "test-district");
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        district.close();
        broker.close();
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("child.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void agentKilledWithSigkillDuringBacklogReplayLosesNothingAfterRestart() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "kill-1", 6000);
        child = ChildAgent.launch(tmp.resolve("child.log"), "256m", broker.url(), "kill-1", dir.toString(), "1500");
        Await.until(Duration.ofSeconds(90), "replay under way", () -> district.stored().size() >= 1500,
                () -> district.stored().size() + " stored; " + log());
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean disconnect
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertTrue(district.stored().size() < ids.size(), "killed before the end");
        Await.until(Duration.ofSeconds(60), "last will OFFLINE", () -> district.statuses().get("kill-1").state()
                == StationStatus.State.OFFLINE, district::statuses);
        child = ChildAgent.launch(tmp.resolve("child.log"), "256m", broker.url(), "kill-1", dir.toString(), "100000");
        Await.until(Duration.ofSeconds(120), "outbox empty after restart", () -> Backlog.waiting(dir) == 0,
                () -> district.stored().size() + " stored; " + log());
        assertEquals(ids, district.stored(), "every visit stored, none unknown");
        System.out.printf("SIGKILL replay: %d visits, %d duplicate receipts (at-least-once; the district dedups)%n",
                ids.size(), district.duplicates());
    }

    @Test
    void hundredThousandVisitsDrainWithTheAgentAt128MegabytesOfHeap() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "big-1", 100_000);
        long t0 = System.nanoTime();
        child = ChildAgent.launch(tmp.resolve("child.log"), "128m", broker.url(), "big-1", dir.toString(), "1000000");
        Await.until(Duration.ofMinutes(6), "outbox empty", () -> {
            if (!child.isAlive()) {
                throw new AssertionError("child died: " + log());
            }
            return Backlog.waiting(dir) == 0;
        }, () -> district.stored().size() + " stored; " + log());
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(child.isAlive(), "no OutOfMemoryError: " + log());
        assertEquals(ids.size(), district.stored().size());
        assertEquals(ids, district.stored());
        System.out.printf("100,000-visit backlog drained at -Xmx128m in %.1f s (%.0f visits/s, %d duplicates)%n",
                secs, ids.size() / secs, district.duplicates());
    }
}

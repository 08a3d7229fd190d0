package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.Stations;

/** Threads do not pile up when the agent reconnects again and again. */
class ThreadCountTest {
    @TempDir
    Path tmp;

    @Test
    void threadCountStaysFlatAcrossReconnects() throws Exception {
        Path dir = tmp.resolve("station");
        Backlog.fill(dir, "thr-1", 50);
        try (MosquittoBroker broker = MosquittoBroker.startEphemeral(tmp)) {
            SyncAgent agent = Stations.agent(Stations.config(broker.url(), "thr-1", dir).build(),
                    DistrictKey.generate(Stations.DISTRICT));
            try {
                agent.start();
                Await.until(Duration.ofSeconds(30), "connected", () -> agent.status().connected(), agent::status);
                int afterFirst = Thread.activeCount();
                for (int i = 0; i < 8; i++) {
                    int attempts = agent.connectAttempts();
                    broker.kill();
                    Await.until(Duration.ofSeconds(30), "disconnected", () -> !agent.status().connected(), agent::status);
                    Thread.sleep(300); // a few failed attempts while the broker is down
                    broker.restart();
                    Await.until(Duration.ofSeconds(30), "reconnected",
                            () -> agent.status().connected() && agent.connectAttempts() > attempts, agent::status);
                }
                Thread.sleep(500);
                int afterMany = Thread.activeCount();
                assertTrue(afterMany <= afterFirst + 2, "threads after 1 connect: " + afterFirst + ", after 9: " + afterMany);
            } finally {
                agent.stop();
            }
        }
    }
}

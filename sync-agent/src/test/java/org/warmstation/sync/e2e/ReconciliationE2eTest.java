package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 3, "done when" 1: the day-close reconciliation finds a gap made on purpose (rows deleted
 * at the district) and the resend closes it. Real agent with its SQLite visit log and signed
 * ledger, real Mosquitto, real district server on embedded PostgreSQL.
 */
class ReconciliationE2eTest {
    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;
    private static MosquittoBroker broker;
    private static DistrictFixture district;
    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.startEphemeral(java.nio.file.Files.createDirectories(tmp.resolve("broker")));
        district = DistrictFixture.start(tmp);
        district.instance(broker.url(), "district-a", KEY);
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
    void gapDeletedAtTheDistrictIsFoundAndClosedByTheResend() throws Exception {
        String st = "rec-e2e";
        Path dir = tmp.resolve(st);
        Set<UUID> recorded = new HashSet<>();
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            for (int i = 0; i < 12; i++) {
                recorded.add(store.record(Stations.visit(st, i)).id());
            }
        }
        SyncAgent agent = Stations.agent(Stations.config(broker.url(), st, dir).build(), KEY);
        try {
            agent.start();
            Await.until(LONG, "all 12 stored and confirmed", () -> district.count() == 12 && Backlog.waiting(dir) == 0,
                    () -> district.count() + " stored, waiting " + Backlog.waiting(dir));
            assertEquals(4, district.delete(st, 4, 7), "gap made at the district");
            assertEquals(8, district.count());

            LocalDate today = Instant.now().atZone(Stations.ZONE).toLocalDate();
            assertEquals(1, agent.closeDay(today).size(), "one day summary");
            Await.until(LONG, "gap found, resent and closed", () -> district.resolvedFindings() == 1
                    && district.openFindings() == 0 && district.count() == 12,
                    () -> "stored " + district.count() + ", open " + district.openFindings() + ", resolved "
                            + district.resolvedFindings());
            assertEquals(recorded, district.uuids());
            assertEquals(12, district.distinctStationSeqs());
        } finally {
            agent.stop();
        }
    }
}

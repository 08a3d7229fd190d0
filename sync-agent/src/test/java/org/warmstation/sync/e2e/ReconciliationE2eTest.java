package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 3, "done when" 1: the day-close reconciliation finds a gap made on purpose (rows deleted
 * at the district) and the resend closes it. Real agent with its SQLite visit log and signed
 * ledger, real Mosquitto, real district server on embedded PostgreSQL.
 */
class ReconciliationE2eTest {
    private static final Duration LONG = Duration.ofSeconds(90);

    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(KEY);

    @Test
    void gapDeletedAtTheDistrictIsFoundAndClosedByTheResend() throws Exception {
        String st = "rec-e2e";
        Path dir = E2E.dir().resolve(st);
        Set<UUID> recorded = new HashSet<>();
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            for (int i = 0; i < 12; i++) {
                recorded.add(store.record(Stations.visit(st, i)).id());
            }
        }
        SyncAgent agent = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY);
        try {
            agent.start();
            Await.until(LONG, "all 12 stored and confirmed", () -> E2E.district().count() == 12 && Backlog.waiting(dir) == 0,
                    () -> E2E.district().count() + " stored, waiting " + Backlog.waiting(dir));
            assertEquals(4, E2E.district().delete(st, 4, 7), "gap made at the district");
            assertEquals(8, E2E.district().count());

            LocalDate today = Instant.now().atZone(Stations.ZONE).toLocalDate();
            assertEquals(1, agent.closeDay(today).size(), "one day summary");
            Await.until(LONG, "gap found, resent and closed", () -> E2E.district().resolvedFindings() == 1
                    && E2E.district().openFindings() == 0 && E2E.district().count() == 12,
                    () -> "stored " + E2E.district().count() + ", open " + E2E.district().openFindings() + ", resolved "
                            + E2E.district().resolvedFindings());
            assertEquals(recorded, E2E.district().uuids());
            assertEquals(12, E2E.district().distinctStationSeqs());
            try (java.sql.Connection log = org.warmstation.visitlog.store.VisitLogDatabase.open(dir)) {
                assertEquals(Set.of(org.warmstation.visitlog.store.LogEpoch.read(log).orElseThrow()),
                        E2E.district().epochs(), "visits and summary filed under the log's epoch (decision 0195)");
            }
        } finally {
            agent.stop();
        }
    }
}

package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.protocol.wire.WireTicket;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.outbox.RecordOutbox;
import org.warmstation.visitlog.outbox.SqliteRecordOutbox;
import org.warmstation.visitlog.records.SqliteRecordLog;

/**
 * Issue 10, typed outbox, end to end on a real Mosquitto and an embedded PostgreSQL: records of a
 * kind other than visits (TICKET, with the product's body type and the district's ticket
 * projection) recorded and revised while the broker is down arrive exactly once, at their latest
 * revision, after it comes back, and are CONFIRMED at the station.
 */
class RecordsE2eTest {
    private static final int WHILE_DOWN = 40;

    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e();

    private static WireTicket ticket(UUID id, String text) {
        return new WireTicket(id, Instant.now(), "NO_HOT_WATER", "STAFF", text, null);
    }

    @Test
    void recordsWrittenWhileTheBrokerIsDownArriveExactlyOnceAndAreConfirmed() throws Exception {
        String st = "records-e2e";
        Path dir = E2E.dir().resolve(st);
        java.nio.file.Files.createDirectories(dir);
        Map<UUID, String> expected = new HashMap<>();
        try (SqliteRecordLog log = new SqliteRecordLog(dir, InstantSource.system(), RecordTypes.standard());
             SqliteRecordOutbox tickets = new SqliteRecordOutbox(dir, RecordKind.TICKET)) {
            SyncAgent agent = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(),
                    DistrictKey.generate(Stations.DISTRICT), List.<RecordOutbox>of(tickets));
            try {
                agent.start();
                UUID first = UUID.randomUUID();
                WireRecord before = log.append(first, ticket(first, "before the outage"));
                expected.put(before.uuid(), "TICKET r1");
                Await.until(Duration.ofSeconds(30), "first ticket confirmed",
                        () -> tickets.stats(Instant.now()).waiting() == 0 && E2E.district().records(st).size() == 1,
                        () -> E2E.district().records(st).toString());

                E2E.broker().kill();
                for (int i = 0; i < WHILE_DOWN; i++) {
                    UUID id = UUID.randomUUID();
                    WireRecord r = log.append(id, ticket(id, "offline " + i)); // the ticket's id is its record's
                    expected.put(r.uuid(), "TICKET r1");
                    if (i % 10 == 0) { // revised before it was ever sent
                        log.revise(r.uuid(), ticket(id, "offline " + i + ", revised"));
                        expected.put(r.uuid(), "TICKET r2");
                    }
                }
                log.revise(before.uuid(), ticket(before.uuid(), "before the outage, revised")); // confirmed: queued again
                expected.put(before.uuid(), "TICKET r2");
                assertEquals(WHILE_DOWN + 1, tickets.stats(Instant.now()).waiting());
                E2E.broker().restart();
                long restarted = System.nanoTime();

                Await.until(Duration.ofSeconds(60), "every record stored at its revision and confirmed",
                        () -> tickets.stats(Instant.now()).waiting() == 0 && expected.equals(E2E.district().records(st)),
                        () -> E2E.district().records(st).size() + " stored, waiting "
                                + tickets.stats(Instant.now()).waiting());
                System.out.printf("[figures] %d tickets recorded during a broker outage stored and confirmed %d ms after"
                        + " the restart%n", WHILE_DOWN, (System.nanoTime() - restarted) / 1_000_000);
                assertEquals(expected, E2E.district().records(st), "each record once, at its latest revision");
                assertEquals(WHILE_DOWN + 1, E2E.district().number(
                        "SELECT count(*) FROM ticket WHERE station_id = '" + st + "'"), "projected once each");
                assertEquals(0, tickets.stats(Instant.now()).published(), "nothing left unconfirmed at the station");
                assertEquals(WHILE_DOWN + 1, tickets.stats(Instant.now()).lastConfirmedSeq());
            } finally {
                agent.stop();
            }
        }
    }
}

package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.EmbeddedPostgresServer;
import org.warmstation.district.db.PoolSettings;
import org.warmstation.district.testing.TestClient;
import org.warmstation.district.testing.Visits;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;

/**
 * Issue 13 item 4, "no ack before store", seen from the broker: Mosquitto's debug log shows each
 * PUBLISH it sent to the district and each PUBACK it got back. A batch stored is PUBACKed; a batch
 * that arrives while PostgreSQL is stopped is never PUBACKed, the district unsubscribes, and after
 * the restart it subscribes again and stores and PUBACKs the next batch.
 */
class ManualAckTest {
    private static final int D = 110105;
    private static final String DISTRICT = "district-m";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern SENT = Pattern.compile("Sending PUBLISH to " + DISTRICT + " \\(d\\d, q1, r\\d, m(\\d+), '([^']+)'");
    private static final Pattern PUBACK = Pattern.compile("Received PUBACK from " + DISTRICT + " \\(Mid: (\\d+)");
    private static final Pattern CONNECTED = Pattern.compile("New client connected from \\S+ as " + DISTRICT + " ");

    @TempDir
    Path dir;

    @Test
    void aBatchIsPubackedOnlyOnceStoredAndTheDistrictLeavesWhilePostgresIsDown() throws Exception {
        int port = EmbeddedPostgresServer.freePort();
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"), Duration.ofSeconds(60), port);
        MosquittoBroker broker = MosquittoBroker.startEphemeral(dir.resolve("broker"), "log_type debug");
        DistrictDatabase db = DistrictDatabase.open(Optional.of(pg.jdbcUrl()), dir.resolve("pg"),
                new PoolSettings(4, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(2)));
        DistrictServer server = DistrictServer.start(db, new ReceiverSettings(broker.url(), null, null, DISTRICT, D,
                "district", Duration.ofSeconds(1)), new DistrictService.LedgerSettings(Duration.ZERO, Duration.ofHours(1),
                Optional.empty()), Duration.ofHours(1));
        String topic = "ws/v1/" + D + "/ack-a/visits";
        try (TestClient station = TestClient.connect(broker.url(), "ack-a", null, null)) {
            station.subscribe("ws/v1/" + D + "/ack-a/ack");
            await("district subscribed", () -> server.receiver().ready());
            VisitBatch stored = Visits.batch(D, "ack-a", Visits.run(1, 2, Instant.parse("2026-12-06T01:00:00Z")));
            station.publish(topic, Wire.encode(stored));
            assertEquals(stored.batchId(), nextAck(station).batchId());

            pg.close();
            VisitBatch lost = Visits.batch(D, "ack-a", Visits.run(3, 2, Instant.parse("2026-12-06T01:10:00Z")));
            station.publish(topic, Wire.encode(lost));
            await("the district gave the batch up", () -> server.receiver().notAcknowledged() >= 1);
            await("the district left its subscription", () -> !server.receiver().databaseAvailable()
                    && !server.receiver().ready());
            assertNull(station.next(Duration.ofSeconds(1)), "no VisitAck for a batch not stored");

            pg = EmbeddedPostgresServer.start(dir.resolve("pg"), Duration.ofSeconds(60), port);
            await("the district rejoined", () -> server.receiver().ready());
            VisitBatch after = Visits.batch(D, "ack-a", Visits.run(3, 2, Instant.parse("2026-12-06T01:10:00Z")));
            station.publish(topic, Wire.encode(after));
            assertEquals(after.batchId(), nextAck(station).batchId());
        } finally {
            server.close();
            db.close();
            pg.close();
            broker.stop(); // flushes the log
        }
        List<List<String>> unackedPerConnection = unacknowledged(broker.logLines());
        System.out.println("[figures] visits PUBLISHes the district left unacknowledged, per connection: " + unackedPerConnection);
        assertTrue(broker.log().contains("Received UNSUBSCRIBE from " + DISTRICT), "the district unsubscribed");
        assertEquals(2, unackedPerConnection.size(), "connections: the first, and the fresh one after the outage");
        assertEquals(List.of(topic), unackedPerConnection.get(0),
                "of the two batches on the first connection only the one that came during the outage has no PUBACK");
        assertEquals(List.of(), unackedPerConnection.get(1), "stored after the restart: PUBACKed");
        assertEquals(3, broker.logLines().stream().filter(l -> SENT.matcher(l).find() && l.contains(topic)).count(),
                "the broker sent the district all three batches");
    }

    /** For each connection of the district in the broker log: topics of QoS 1 PUBLISHes it never PUBACKed. */
    private static List<List<String>> unacknowledged(List<String> log) {
        List<List<String>> out = new ArrayList<>();
        Map<String, String> pending = null;
        for (String line : log) {
            if (CONNECTED.matcher(line).find()) {
                if (pending != null) {
                    out.add(List.copyOf(pending.values()));
                }
                pending = new HashMap<>();
                continue;
            }
            Matcher sent = SENT.matcher(line);
            if (pending != null && sent.find()) {
                pending.put(sent.group(1), sent.group(2));
            }
            Matcher ack = PUBACK.matcher(line);
            if (pending != null && ack.find()) {
                pending.remove(ack.group(1));
            }
        }
        if (pending != null) {
            out.add(List.copyOf(pending.values()));
        }
        return out;
    }

    private static VisitAck nextAck(TestClient station) throws Exception {
        TestClient.Received r = station.next(WAIT);
        assertNotNull(r, "no ack within " + WAIT);
        return Wire.decode(r.message().getPayload(), VisitAck.class);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, "timed out waiting: " + what);
            Thread.sleep(50);
        }
    }
}

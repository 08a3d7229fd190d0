package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.district.testing.TestClient;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;

/** The district server against a real Mosquitto and a real embedded PostgreSQL; a plain Paho client plays the station. */
class DistrictReceiverTest {
    private static final int D = 110105;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static MosquittoBroker broker;
    private static DistrictDatabase db;
    private static DistrictServer server;

    @BeforeAll
    static void start() throws Exception {
        broker = MosquittoBroker.start(dir.resolve("broker"), "");
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        server = DistrictServer.start(db, new ReceiverSettings(broker.url(), null, null, "district-test", D, "district",
                Duration.ofSeconds(2)), new DistrictService.LedgerSettings(Duration.ZERO, Duration.ofMinutes(1),
                Optional.empty()), Duration.ofHours(1));
        awaitConnected();
    }

    static void awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!server.receiver().ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(server.receiver().ready(), "district server did not connect and subscribe");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void batchIsStoredThenAckedAndARepeatIsAckedWithoutDuplicates() throws Exception {
        List<WireVisit> visits = Visits.run(1, 20, Instant.parse("2026-11-20T02:00:00Z"));
        VisitBatch batch = Visits.batch(D, "recv-a", visits);
        try (TestClient station = TestClient.connect(broker.url(), "recv-a", null, null)) {
            station.subscribe("ws/v1/" + D + "/recv-a/ack");
            station.publish("ws/v1/" + D + "/recv-a/visits", Wire.encode(batch));
            VisitAck ack = nextAck(station);
            assertEquals(batch.batchId(), ack.batchId());
            assertEquals(uuids(visits), Set.copyOf(ack.stored()));
            assertEquals(20, ack.highestContiguousSeq());
            assertEquals(20, stored("recv-a"));

            VisitBatch again = Visits.batch(D, "recv-a", visits.subList(10, 20));
            station.publish("ws/v1/" + D + "/recv-a/visits", Wire.encode(again));
            VisitAck second = nextAck(station);
            assertEquals(again.batchId(), second.batchId());
            assertEquals(10, second.stored().size());
            assertEquals(20, stored("recv-a"));
        }
    }

    @Test
    void batchNamingAnotherStationThanItsTopicIsDropped() throws Exception {
        VisitBatch forged = Visits.batch(D, "victim-b", Visits.run(1, 3, Instant.parse("2026-11-20T02:00:00Z")));
        try (TestClient station = TestClient.connect(broker.url(), "forger-a", null, null)) {
            station.subscribe("ws/v1/" + D + "/forger-a/ack");
            station.publish("ws/v1/" + D + "/forger-a/visits", Wire.encode(forged));
            VisitBatch honest = Visits.batch(D, "forger-a", Visits.run(1, 1, Instant.parse("2026-11-20T02:00:00Z")));
            station.publish("ws/v1/" + D + "/forger-a/visits", Wire.encode(honest));
            assertEquals(honest.batchId(), nextAck(station).batchId(), "the forged batch was acked");
            assertEquals(0, stored("victim-b"));
        }
    }

    @Test
    void malformedAndOversizedPayloadsAreIgnoredAndTheServerKeepsWorking() throws Exception {
        try (TestClient station = TestClient.connect(broker.url(), "junk-a", null, null)) {
            station.subscribe("ws/v1/" + D + "/junk-a/ack");
            String topic = "ws/v1/" + D + "/junk-a/visits";
            station.publish(topic, "{\"schema\":\"ws.visits/1\",".getBytes(StandardCharsets.UTF_8));
            station.publish(topic, new byte[] {(byte) 0xff, 0, 1, 2});
            station.publish(topic, "{\"schema\":\"ws.visits/9\"}".getBytes(StandardCharsets.UTF_8));
            station.publish(topic, new byte[Wire.MAX_PAYLOAD_BYTES + 1]);
            station.publish("ws/v1/" + D + "/junk-a/ledger", "[]".getBytes(StandardCharsets.UTF_8));
            VisitBatch ok = Visits.batch(D, "junk-a", Visits.run(1, 2, Instant.parse("2026-11-20T02:00:00Z")));
            station.publish(topic, Wire.encode(ok));
            assertEquals(ok.batchId(), nextAck(station).batchId());
            assertEquals(2, stored("junk-a"));
        }
    }

    @Test
    void statusAndHeartbeatAreTracked() throws Exception {
        try (TestClient station = TestClient.connect(broker.url(), "hb-a", null, null)) {
            Instant since = Instant.parse("2026-11-21T08:00:00Z");
            StationStatus online = new StationStatus(StationStatus.SCHEMA, D, "hb-a", StationStatus.State.ONLINE,
                    "1.2.3", since, null);
            station.client().publish("ws/v1/" + D + "/hb-a/status", Wire.encode(online), 1, true).waitForCompletion();
            Telemetry t = new Telemetry(Telemetry.SCHEMA, D, "hb-a", Instant.now(), "1.2.3", 60, 42, 300L, 17,
                    1_000_000, false, true, 41.5, 0);
            station.publish("ws/v1/" + D + "/hb-a/telemetry", Wire.encode(t));
            StationStore.StationRow row = awaitStation("hb-a", r -> r.queueDepth() != null && "ONLINE".equals(r.status()));
            assertEquals(42L, row.queueDepth());
            assertEquals("1.2.3", row.appVersion());
            assertNotNull(row.lastHeartbeat());

            StationStatus offline = new StationStatus(StationStatus.SCHEMA, D, "hb-a", StationStatus.State.OFFLINE,
                    "1.2.3", since, null);
            station.client().publish("ws/v1/" + D + "/hb-a/status", Wire.encode(offline), 1, true).waitForCompletion();
            assertEquals("OFFLINE", awaitStation("hb-a", r -> "OFFLINE".equals(r.status())).status());
            // a birth received later wins though its station clock reads an hour earlier (not synced
            // after a reboot): status is ordered by the district's receive time (decision 0186)
            StationStatus earlierClock = new StationStatus(StationStatus.SCHEMA, D, "hb-a", StationStatus.State.ONLINE,
                    "1.2.2", since.minusSeconds(3600), null);
            station.publish("ws/v1/" + D + "/hb-a/status", Wire.encode(earlierClock));
            // sentinel: a heartbeat published after the birth; once it is stored, so was the birth handled
            Telemetry after = new Telemetry(Telemetry.SCHEMA, D, "hb-a", Instant.now(), "1.2.3", 61, 43, 300L, 17,
                    1_000_000, false, true, 41.5, 0);
            station.publish("ws/v1/" + D + "/hb-a/telemetry", Wire.encode(after));
            assertEquals("ONLINE", awaitStation("hb-a", r -> Long.valueOf(43).equals(r.queueDepth())).status());
            station.client().publish("ws/v1/" + D + "/hb-a/status", new byte[0], 1, true).waitForCompletion();
        }
    }

    private static StationStore.StationRow awaitStation(String station, java.util.function.Predicate<StationStore.StationRow> p)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        StationStore.StationRow last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = db.connection()) {
                for (StationStore.StationRow r : new StationStore().list(c)) {
                    if (r.station().equals(station)) {
                        last = r;
                        if (p.test(r)) {
                            return r;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("station " + station + " never reached the expected state; last " + last);
    }

    private static VisitAck nextAck(TestClient station) throws Exception {
        TestClient.Received r = station.next(WAIT);
        assertNotNull(r, "no ack within " + WAIT);
        return Wire.decode(r.message().getPayload(), VisitAck.class);
    }

    private static Set<UUID> uuids(List<WireVisit> visits) {
        return visits.stream().map(WireVisit::uuid).collect(Collectors.toSet());
    }

    static long stored(String station) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit WHERE station_id = ?")) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package org.warmstation.district.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.district.testing.TestClient;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Day-close reconciliation on the district side, over a real Mosquitto and embedded PostgreSQL:
 * a plain Paho client plays the station (the end-to-end version with the real sync agent is in
 * sync-agent's e2e package).
 */
class ReconciliationTest {
    private static final int D = 110105;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static MosquittoBroker broker;
    private static DistrictDatabase db;
    private static DistrictServer server;
    private static DistrictKey districtKey;

    @BeforeAll
    static void start() throws Exception {
        districtKey = DistrictKey.generate(D);
        broker = MosquittoBroker.start(dir.resolve("broker"), "");
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        server = DistrictServer.start(db, new ReceiverSettings(broker.url(), null, null, "district-rec", D, "district",
                Duration.ofSeconds(2)), new DistrictService.LedgerSettings(Duration.ZERO, Duration.ofHours(1),
                Optional.of(districtKey)), Duration.ofHours(1));
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
    void gapMadeAtTheDistrictIsFoundResentAndClosed() throws Exception {
        String st = "gap-a";
        KeyPair stationKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<WireVisit> visits = Visits.run(1, 10, DAY.atTime(9, 0).atZone(ZONE).toInstant());
        try (TestClient station = TestClient.connect(broker.url(), st, null, null)) {
            station.subscribe("ws/v1/" + D + "/" + st + "/ack");
            station.subscribe("ws/v1/" + D + "/" + st + "/downlink");
            send(station, st, visits);
            assertEquals(7, delete(st, 4, 6) + 4, "three rows deleted");

            publishSummary(station, st, summary(st, visits, stationKey));
            List<LedgerStore.OpenFinding> open = awaitReconciled(st);
            assertEquals(1, open.size(), open.toString());
            Finding gap = open.get(0).finding();
            assertEquals(Finding.Kind.GAP, gap.kind());
            assertEquals(4L, gap.firstSeq());
            assertEquals(6L, gap.lastSeq());

            TestClient.Received down = station.next(WAIT);
            assertNotNull(down, "no resend downlink");
            assertTrue(down.topic().endsWith("/downlink"), down.topic());
            TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(districtKey.trustedKey()));
            DownlinkCommand cmd = Wire.decode(down.message().getPayload(), Downlink.class).verify(trust, D, st);
            assertEquals(DownlinkCommand.Kind.RESEND, cmd.kind());
            assertEquals(4, cmd.resend().fromSeq());
            assertEquals(6, cmd.resend().toSeq());

            send(station, st, visits.subList(3, 6));
            assertTrue(server.service().reconcile().stream().noneMatch(o -> o.finding().station().equals(st)),
                    "the gap stayed open after the resend");
            assertEquals(10, count(st));
        }
    }

    @Test
    void summaryWithAChainOverOtherVisitsIsAHashMismatch() throws Exception {
        String st = "hash-a";
        KeyPair stationKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<WireVisit> visits = Visits.run(1, 5, DAY.atTime(10, 0).atZone(ZONE).toInstant());
        try (TestClient station = TestClient.connect(broker.url(), st, null, null)) {
            station.subscribe("ws/v1/" + D + "/" + st + "/ack");
            send(station, st, visits);
            String wrongChain = DaySummary.chain(DaySummary.GENESIS_HASH,
                    List.of(UUID.randomUUID(), UUID.randomUUID()).iterator());
            publishSummary(station, st, DaySummary.sign(D, st, DAY, ZONE, 1, 5, DaySummary.GENESIS_HASH, wrongChain,
                    stationKey));
            List<LedgerStore.OpenFinding> open = awaitReconciled(st);
            assertEquals(List.of(Finding.Kind.HASH_MISMATCH), open.stream().map(o -> o.finding().kind()).toList());
        }
    }

    @Test
    void summarySignedByAnotherKeyThanThePinnedOneIsRejected() throws Exception {
        String st = "key-a";
        KeyPair first = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair intruder = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // one visit on each day: the first day's summary declares every visit the district holds for it
        List<WireVisit> visits = List.of(Visits.run(1, 1, DAY.atTime(11, 0).atZone(ZONE).toInstant()).getFirst(),
                Visits.run(2, 1, DAY.plusDays(1).atTime(11, 0).atZone(ZONE).toInstant()).getFirst());
        try (TestClient station = TestClient.connect(broker.url(), st, null, null)) {
            station.subscribe("ws/v1/" + D + "/" + st + "/ack");
            send(station, st, visits);
            publishSummary(station, st, summary(st, visits.subList(0, 1), first));
            assertTrue(awaitReconciled(st).isEmpty());
            DaySummary forged = DaySummary.sign(D, st, DAY.plusDays(1), ZONE, 2, 2, summary(st, visits.subList(0, 1),
                    first).chainHash(), DaySummary.chain(summary(st, visits.subList(0, 1), first).chainHash(),
                    List.of(visits.get(1).uuid()).iterator()), intruder);
            publishSummary(station, st, forged);
            List<LedgerStore.OpenFinding> open = awaitReconciled(st);
            assertEquals(List.of(Finding.Kind.UNKNOWN_STATION_KEY), open.stream().map(o -> o.finding().kind()).toList());
        }
    }

    @Test
    void instanceWaitsWhileAnotherHoldsTheReconciliationLock() throws Exception {
        String st = "lock-a";
        KeyPair stationKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<WireVisit> visits = Visits.run(1, 3, DAY.atTime(12, 0).atZone(ZONE).toInstant());
        try (TestClient station = TestClient.connect(broker.url(), st, null, null)) {
            station.subscribe("ws/v1/" + D + "/" + st + "/ack");
            send(station, st, visits);
            delete(st, 2, 2);
            try (Connection other = db.connection(); var sql = other.createStatement()) {
                sql.execute("SELECT pg_advisory_lock(" + DistrictService.RECONCILE_LOCK + ")");
                publishSummary(station, st, summary(st, visits, stationKey));
                assertTrue(awaitReconciled(st).isEmpty(), "reconciled while another instance held the lock");
                sql.execute("SELECT pg_advisory_unlock(" + DistrictService.RECONCILE_LOCK + ")");
            }
            List<LedgerStore.OpenFinding> open = awaitReconciled(st);
            assertEquals(List.of(Finding.Kind.GAP), open.stream().map(o -> o.finding().kind()).toList());
        }
    }

    private static DaySummary summary(String st, List<WireVisit> visits, KeyPair key) {
        String chain = DaySummary.chain(DaySummary.GENESIS_HASH, visits.stream().map(WireVisit::uuid).iterator());
        return DaySummary.sign(D, st, DAY, ZONE, visits.get(0).seq(), visits.get(visits.size() - 1).seq(),
                DaySummary.GENESIS_HASH, chain, key);
    }

    private static void send(TestClient station, String st, List<WireVisit> visits) throws Exception {
        VisitBatch b = Visits.batch(D, st, visits);
        station.publish("ws/v1/" + D + "/" + st + "/visits", Wire.encode(b));
        TestClient.Received r = station.next(WAIT);
        assertNotNull(r, "no ack");
        assertEquals(b.batchId(), Wire.decode(r.message().getPayload(), VisitAck.class).batchId());
    }

    private static void publishSummary(TestClient station, String st, DaySummary s) throws Exception {
        station.publish("ws/v1/" + D + "/" + st + "/ledger", Wire.encode(s));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT 1 FROM day_summary WHERE station_id = ? AND day = ? AND reconciled_at IS NULL")) {
                ps.setString(1, st);
                ps.setObject(2, s.date());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the district did not store the day summary");
    }

    private static List<LedgerStore.OpenFinding> awaitReconciled(String st) throws Exception {
        return server.service().reconcile().stream().filter(o -> o.finding().station().equals(st)).toList();
    }

    private static int delete(String st, long from, long to) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM visit WHERE station_id = ? AND seq BETWEEN ? AND ?")) {
            ps.setString(1, st);
            ps.setLong(2, from);
            ps.setLong(3, to);
            return ps.executeUpdate();
        }
    }

    private static long count(String st) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit WHERE station_id = ?")) {
            ps.setString(1, st);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

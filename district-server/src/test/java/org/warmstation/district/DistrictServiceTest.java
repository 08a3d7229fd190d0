package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;

/**
 * What the district does with each message, without a broker: a fixed clock, the outbound
 * messages collected in a list, a real (embedded) PostgreSQL.
 */
class DistrictServiceTest {
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    private final List<String> topics = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();
    private DistrictService service;

    @BeforeEach
    void newService() {
        service = new DistrictService(DB.database(), DISTRICT, (t, p) -> {
            topics.add(t);
            payloads.add(p);
        }, new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void aBatchIsStoredAndAckedAtTheDistrictsTimeNamingEveryVisit() throws Exception {
        List<WireVisit> visits = Visits.run(1, 3, Instant.parse("2026-12-06T01:00:00Z"));
        VisitBatch batch = Visits.batch(DISTRICT, "svc-a", visits);
        service.handle(new Topics(DISTRICT, "svc-a").topic(Topics.Kind.VISITS), Wire.encode(batch));

        assertEquals(List.of(new Topics(DISTRICT, "svc-a").topic(Topics.Kind.ACK)), topics);
        VisitAck ack = Wire.decode(payloads.getFirst(), VisitAck.class);
        assertEquals(batch.batchId(), ack.batchId());
        assertEquals(visits.stream().map(WireVisit::uuid).toList(), ack.stored());
        assertEquals(3, ack.highestContiguousSeq());
        assertEquals(NOW, ack.storedAt());
        assertEquals(3, visitsOf("svc-a"));
    }

    @Test
    void aBatchAskingForTheCountedAckIsStoredAndAckedByItsCount() throws Exception {
        List<WireVisit> visits = Visits.run(1, 3, Instant.parse("2026-12-06T01:00:00Z"));
        VisitBatch asked = Visits.batch(DISTRICT, "svc-counted", visits);
        VisitBatch batch = new VisitBatch(asked.schema(), asked.district(), asked.station(), asked.batchId(),
                asked.sentAt(), asked.visits(), asked.epoch(), true);
        service.handle(new Topics(DISTRICT, "svc-counted").topic(Topics.Kind.VISITS), Wire.encodeCompressed(batch));

        VisitAck ack = Wire.decode(payloads.getFirst(), VisitAck.class);
        assertEquals(batch.batchId(), ack.batchId());
        assertEquals(3, ack.wholeBatch(), "counted");
        assertEquals(List.of(), ack.stored(), "not named");
        assertEquals(3, visitsOf("svc-counted"), "stored before the ack");
    }

    @Test
    void aMalformedPayloadIsDroppedWithoutAnAckOrARow() throws Exception {
        service.handle(new Topics(DISTRICT, "svc-b").topic(Topics.Kind.VISITS), "{not json".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), topics);
        assertEquals(0, visitsOf("svc-b"));
    }

    @Test
    void aPayloadNamingAnotherStationThanItsTopicIsDropped() throws Exception {
        VisitBatch batch = Visits.batch(DISTRICT, "svc-c", Visits.run(1, 2, Instant.parse("2026-12-06T01:00:00Z")));
        service.handle(new Topics(DISTRICT, "svc-other").topic(Topics.Kind.VISITS), Wire.encode(batch));
        assertEquals(List.of(), topics);
        assertEquals(0, visitsOf("svc-c"));
        assertEquals(0, visitsOf("svc-other"));
    }

    @Test
    void messagesOfAnotherDistrictAreIgnored() throws Exception {
        VisitBatch batch = Visits.batch(110108, "svc-d", Visits.run(1, 2, Instant.parse("2026-12-06T01:00:00Z")));
        service.handle(new Topics(110108, "svc-d").topic(Topics.Kind.VISITS), Wire.encode(batch));
        assertEquals(List.of(), topics);
        assertEquals(0, visitsOf("svc-d"));
    }

    @Test
    void aHeartbeatIsRecordedAtTheDistrictsOwnReceiveTime() throws Exception {
        Telemetry t = new Telemetry(Telemetry.SCHEMA, DISTRICT, "svc-e", Instant.parse("2019-01-01T00:00:00Z"), "0.1.0",
                60, 4, 30L, 7, 1_000_000_000L, false, false, 21.5, 0, 3L, 1L);
        service.handle(new Topics(DISTRICT, "svc-e").topic(Topics.Kind.TELEMETRY), Wire.encode(t));
        try (Connection c = DB.database().connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT last_heartbeat_at, queue_depth, temperature_c FROM station WHERE district_id = ? AND station_id = ?")) {
            ps.setInt(1, DISTRICT);
            ps.setString(2, "svc-e");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "station row made by its first heartbeat");
                assertEquals(NOW, rs.getTimestamp(1).toInstant(), "the district's clock, not the station's 2019");
                assertEquals(4, rs.getLong(2));
                assertEquals(21.5, rs.getDouble(3));
            }
        }
    }

    /**
     * The one handler connection is shared state: a message handed in by a second thread (a test,
     * a command) while the MQTT thread is inside a batch waits for it, instead of running its
     * statements inside that batch's transaction (where it was lost: CI on 2026-12-06).
     */
    @Test
    void aSecondThreadsMessageWaitsForTheOneInProgress() throws Exception {
        var inAck = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (DistrictService shared = new DistrictService(DB.database(), DISTRICT, (t, p) -> {
            inAck.countDown(); // the batch is stored; its ack is being sent
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            VisitBatch batch = Visits.batch(DISTRICT, "svc-t1", Visits.run(1, 4, Instant.parse("2026-12-06T01:00:00Z")));
            java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String empty = org.warmstation.protocol.wire.DaySummary.chain(
                    org.warmstation.protocol.wire.DaySummary.GENESIS_HASH, java.util.Collections.emptyIterator());
            var summary = org.warmstation.protocol.wire.DaySummary.sign(DISTRICT, "svc-t2",
                    java.time.LocalDate.of(2026, 12, 5), java.time.ZoneId.of("Asia/Shanghai"), 1, 0,
                    org.warmstation.protocol.wire.DaySummary.GENESIS_HASH, empty, key, java.util.UUID.randomUUID());
            var mqtt = new java.util.concurrent.FutureTask<>(() ->
                    shared.handle(new Topics(DISTRICT, "svc-t1").topic(Topics.Kind.VISITS), Wire.encode(batch)));
            var other = new java.util.concurrent.FutureTask<>(() ->
                    shared.handle(new Topics(DISTRICT, "svc-t2").topic(Topics.Kind.LEDGER), Wire.encode(summary)));
            Thread.ofPlatform().start(mqtt);
            inAck.await();
            Thread second = Thread.ofPlatform().start(other);
            while (second.getState() != Thread.State.BLOCKED) { // on the handler's lock, not in the database
                assertTrue(second.isAlive() && !other.isDone(), "the second message ran while the batch was in progress");
                Thread.onSpinWait();
            }
            release.countDown();
            assertTrue(mqtt.get(), "the batch may be acknowledged");
            assertTrue(other.get(), "the day summary may be acknowledged");
            assertEquals(4, visitsOf("svc-t1"));
            try (Connection c = DB.database().connection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM day_summary WHERE district_id = ? AND station_id = 'svc-t2'")) {
                ps.setInt(1, DISTRICT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getLong(1), "the day summary kept");
                }
            }
        }
    }

    private static long visitsOf(String station) throws Exception {
        try (Connection c = DB.database().connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM visit WHERE district_id = ? AND station_id = ?")) {
            ps.setInt(1, DISTRICT);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

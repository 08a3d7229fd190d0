package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireRoundTripTest {

    @Test
    void visitBatchSurvivesEncodeAndDecode() {
        VisitBatch batch = WireSamples.batch();
        VisitBatch back = Wire.decode(Wire.encode(batch), VisitBatch.class);
        assertEquals(batch, back);
        assertEquals(null, back.visits().get(1).memberId());
    }

    @Test
    void guestVisitLeavesMemberIdOutOfTheJson() {
        String json = new String(Wire.encode(WireSamples.batch()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"schema\":\"ws.visits/1\""), json);
        assertTrue(json.contains("\"recordedAt\":\"2026-11-21T08:15:30Z\""), json);
        assertEquals(1, json.split("memberId", -1).length - 1, "only the card visit has a memberId: " + json);
    }

    @Test
    void ackStatusTelemetryAndDownlinkAckSurviveEncodeAndDecode() {
        VisitAck ack = VisitAck.of(WireSamples.batch(), 8, WireSamples.T);
        assertEquals(ack, Wire.decode(Wire.encode(ack), VisitAck.class));
        assertEquals(List.of(WireSamples.cardVisit(7).uuid(), WireSamples.guestVisit(8).uuid()), ack.stored());
        assertEquals(WireSamples.status(), Wire.decode(Wire.encode(WireSamples.status()), StationStatus.class));
        assertEquals(WireSamples.telemetry(), Wire.decode(Wire.encode(WireSamples.telemetry()), Telemetry.class));
        DownlinkCommand cmd = DownlinkCommand.resend(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T,
                new SeqRange(5, 9));
        DownlinkAck dack = DownlinkAck.of(cmd, DownlinkAck.Outcome.APPLIED, "resent 5 visits", WireSamples.T);
        assertEquals(dack, Wire.decode(Wire.encode(dack), DownlinkAck.class));
    }

    @Test
    void telemetryWithoutSensorOrBacklogOmitsThoseFields() {
        Telemetry t = new Telemetry(Telemetry.SCHEMA, 1, "s1", WireSamples.T, "0.1.0", 1, 0, null, 0, 5, true, false,
                null, 0);
        String json = new String(Wire.encode(t), StandardCharsets.UTF_8);
        assertFalse(json.contains("temperatureCelsius"), json);
        assertEquals(t, Wire.decode(json.getBytes(StandardCharsets.UTF_8), Telemetry.class));
    }

    @Test
    void daySummarySignatureVerifiesAndBreaksWhenAFieldChanges() throws Exception {
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        DaySummary s = WireSamples.summary(kp);
        DaySummary back = Wire.decode(Wire.encode(s), DaySummary.class);
        assertEquals(s, back);
        assertTrue(back.signatureValid());
        DaySummary forged = new DaySummary(s.schema(), s.district(), s.station(), s.date(), s.zone(), 1, 1, 1,
                s.previousHash(), s.chainHash(), s.stationKey(), s.signature(), s.epoch());
        assertFalse(forged.signatureValid());
    }

    @Test
    void epochTravelsWithBatchAndSummaryAndIsSigned() throws Exception {
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VisitBatch batch = WireSamples.epochBatch();
        assertEquals(batch, Wire.decode(Wire.encode(batch), VisitBatch.class));
        DaySummary s = WireSamples.epochSummary(kp);
        DaySummary back = Wire.decode(Wire.encode(s), DaySummary.class);
        assertEquals(WireSamples.EPOCH, back.epoch());
        assertTrue(back.signatureValid());
        DaySummary moved = new DaySummary(s.schema(), s.district(), s.station(), s.date(), s.zone(), s.visitCount(),
                s.firstSeq(), s.lastSeq(), s.previousHash(), s.chainHash(), s.stationKey(), s.signature(),
                java.util.UUID.randomUUID());
        assertFalse(moved.signatureValid(), "a summary moved to another epoch must not verify");
        DaySummary dropped = new DaySummary(s.schema(), s.district(), s.station(), s.date(), s.zone(), s.visitCount(),
                s.firstSeq(), s.lastSeq(), s.previousHash(), s.chainHash(), s.stationKey(), s.signature(), null);
        assertFalse(dropped.signatureValid(), "a summary stripped of its epoch must not verify");
    }

    @Test
    void batchAndSummaryOfATerminalWithoutEpochsStillParse() throws Exception {
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String batch = new String(Wire.encode(WireSamples.batch()), StandardCharsets.UTF_8);
        String summary = new String(Wire.encode(WireSamples.summary(kp)), StandardCharsets.UTF_8);
        assertFalse(batch.contains("epoch"), batch);
        assertFalse(summary.contains("epoch"), summary);
        assertEquals(null, Wire.decode(batch.getBytes(StandardCharsets.UTF_8), VisitBatch.class).epoch());
        DaySummary old = Wire.decode(summary.getBytes(StandardCharsets.UTF_8), DaySummary.class);
        assertEquals(null, old.epoch());
        assertTrue(old.signatureValid(), "an older terminal's signature covers no epoch line");
    }

    @Test
    void chainHashDependsOnOrderAndPreviousHash() {
        var a = WireSamples.cardVisit(1).uuid();
        var b = WireSamples.guestVisit(2).uuid();
        String ab = DaySummary.chain(DaySummary.GENESIS_HASH, List.of(a, b).iterator());
        String ba = DaySummary.chain(DaySummary.GENESIS_HASH, List.of(b, a).iterator());
        String abAfter = DaySummary.chain(ab, List.of(a, b).iterator());
        assertNotEquals(ab, ba);
        assertNotEquals(ab, abAfter);
        assertEquals(64, ab.length());
        // the empty day's chain is SHA-256 of 32 zero bytes
        assertEquals("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
                DaySummary.chain(DaySummary.GENESIS_HASH, List.<java.util.UUID>of().iterator()));
    }

    @Test
    void topicsAreBuiltAndParsedBothWays() {
        Topics t = new Topics(WireSamples.DISTRICT, WireSamples.STATION);
        assertEquals("ws/v1/110105/cy-0042/downlink-ack", t.topic(Topics.Kind.DOWNLINK_ACK));
        assertEquals(new Topics.Parsed(t, Topics.Kind.VISITS), Topics.parse("ws/v1/110105/cy-0042/visits").orElseThrow());
        assertEquals("$share/district/ws/v1/110105/+/visits",
                Topics.sharedFilter(110105, "district", Topics.Kind.VISITS));
        assertTrue(Topics.parse("ws/v1/110105/cy-0042/visits/extra").isEmpty());
        assertTrue(Topics.parse("ws/v1/x/cy-0042/visits").isEmpty());
        assertTrue(Topics.parse("ws/v1/110105/+/visits").isEmpty());
        assertTrue(Topics.parse("ws/v2/110105/cy-0042/visits").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Topics(110105, "a/b"));
        assertThrows(IllegalArgumentException.class, () -> new Topics(110105, "#"));
    }

    @Test
    void batchRefusesOutOfOrderOrRepeatedVisits() {
        assertThrows(IllegalArgumentException.class, () -> VisitBatch.of(1, "s", Instant.EPOCH,
                List.of(WireSamples.cardVisit(3), WireSamples.guestVisit(2))));
        assertThrows(IllegalArgumentException.class, () -> VisitBatch.of(1, "s", Instant.EPOCH,
                List.of(WireSamples.cardVisit(1), WireSamples.cardVisit(2))));
        assertThrows(IllegalArgumentException.class, () -> VisitBatch.of(1, "s", Instant.EPOCH, List.of()));
    }

    @Test
    void profileAndMotionCountsSurviveEncodeAndDecode() {
        assertEquals(WireSamples.statusWithProfile(),
                Wire.decode(Wire.encode(WireSamples.statusWithProfile()), StationStatus.class));
        assertEquals(WireSamples.telemetryWithMotion(),
                Wire.decode(Wire.encode(WireSamples.telemetryWithMotion()), Telemetry.class));
    }

    @Test
    void theArchitectureSurvivesEncodeAndDecodeAndOnlyADebianNameIsAccepted() {
        StationStatus s = WireSamples.statusWithArchitecture();
        assertEquals(s, Wire.decode(Wire.encode(s), StationStatus.class));
        assertEquals("arm64", Wire.decode(Wire.encode(s), StationStatus.class).architecture());
        assertEquals(null, WireSamples.statusWithLists().architecture(), "a terminal before decision 0285");
        for (String bad : new String[] {"ARM64", "", "arm64; rm -rf /", "x".repeat(33)}) {
            assertThrows(IllegalArgumentException.class, () -> new StationStatus(StationStatus.SCHEMA, 110105, "cy-0042",
                    StationStatus.State.ONLINE, "0.1.0", Instant.EPOCH, null, null, 60, null, null, bad), bad);
        }
    }

    @Test
    void statusFromATerminalBeforeProfilesStillDecodes() {
        String old = "{\"schema\":\"ws.status/1\",\"district\":110105,\"station\":\"cy-0042\",\"state\":\"ONLINE\","
                + "\"appVersion\":\"0.1.0\",\"since\":\"2026-11-21T08:00:02Z\",\"stationKey\":\"MCowBQ\"}";
        StationStatus s = Wire.decode(old.getBytes(java.nio.charset.StandardCharsets.UTF_8), StationStatus.class);
        assertEquals(null, s.profile());
        assertEquals(null, s.heartbeatSeconds());
        assertEquals("cy-0042", s.station());
    }
}

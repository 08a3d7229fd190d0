package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.sync.store.SyncDatabase;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.Neighbour;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.SeqRange;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.Stations;
import org.warmstation.sync.testing.TestDistrict;

/** Downlinks (good and hostile) and the day-close ledger, against a real Mosquitto. */
class DownlinkAndLedgerTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final String STATION = "dl-1";

    @TempDir
    Path tmp;
    MosquittoBroker broker;
    TestDistrict district;
    SyncAgent agent;
    Path dir;
    Set<UUID> first;
    final DistrictKey key = DistrictKey.generate(Stations.DISTRICT);
    final Topics topics = new Topics(Stations.DISTRICT, STATION);

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startEphemeral(tmp);
        district = new TestDistrict(broker.url(), "test-district");
        dir = tmp.resolve("station");
        first = Backlog.fill(dir, STATION, 10);
        agent = Stations.agent(Stations.config(broker.url(), STATION, dir).build(), key);
        agent.start();
        Await.until(LONG, "first visits synced", () -> Backlog.waiting(dir) == 0, agent::status);
    }

    @AfterEach
    void stop() {
        agent.stop();
        district.close();
        broker.close();
    }

    private void send(byte[] payload) {
        district.publish(topics.topic(Topics.Kind.DOWNLINK), payload, Downlink.SCHEMA);
    }

    @Test
    void malformedUnsignedForgedAndOversizedDownlinksAreIgnoredAndSyncGoesOn() throws Exception {
        var settings = DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.now(),
                new StationSettings(300, List.of("HOT_WATER"), "寒潮预警"));
        Downlink good = Downlink.sign(settings, key);
        Downlink unsigned = new Downlink(Downlink.SCHEMA, key.keyId(), good.payload(),
                Base64.getEncoder().encodeToString(new byte[64]));
        Downlink forged = Downlink.sign(settings, DistrictKey.generate(Stations.DISTRICT));
        byte[] oversized = new byte[Wire.MAX_DOWNLINK_BYTES + 10];
        java.util.Arrays.fill(oversized, (byte) '{');
        send("not json at all \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
        send(Wire.encode(unsigned));
        send(Wire.encode(forged));
        send(oversized);
        Await.until(LONG, "four ignored", () -> agent.ignoredDownlinks() == 4, agent::ignoredDownlinks);
        assertFalse(Files.exists(dir.resolve("downlinks").resolve(FileDownlinkApplier.SETTINGS)));
        assertEquals(List.of(), district.downlinkAcks(), "ignored downlinks are not answered");
        Set<UUID> more = Backlog.fill(dir, STATION, 5);
        Await.until(LONG, "later visits still synced", () -> district.stored().containsAll(more), agent::status);
        send(Wire.encode(good));
        Await.until(LONG, "applied and acked", () -> district.downlinkAcks().size() == 1, district::downlinkAcks);
        DownlinkAck ack = district.downlinkAcks().getFirst();
        assertEquals(DownlinkAck.Outcome.APPLIED, ack.outcome());
        assertEquals(settings.id(), ack.commandId());
        StationSettings written = Wire.decode(Files.readAllBytes(dir.resolve("downlinks").resolve(FileDownlinkApplier.SETTINGS)),
                StationSettings.class);
        assertEquals("寒潮预警", written.announcement());
    }

    @Test
    void replayedCommandIsAnsweredAsAlreadyAppliedAndAnOlderOneIsRefused() {
        var newer = DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.parse("2026-11-21T10:00:00Z"),
                new StationSettings(300, List.of("HOT_WATER"), null));
        var older = DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.parse("2026-11-21T09:00:00Z"),
                new StationSettings(60, List.of("TOILET"), null));
        send(Wire.encode(Downlink.sign(newer, key)));
        send(Wire.encode(Downlink.sign(newer, key)));
        send(Wire.encode(Downlink.sign(older, key)));
        Await.until(LONG, "three answers", () -> district.downlinkAcks().size() == 3, district::downlinkAcks);
        // the replay (a QoS 1 duplicate, or the district's re-send on the station's birth) is answered
        // as applied without applying it again, so the district never stores a refusal for it
        assertEquals(List.of(DownlinkAck.Outcome.APPLIED, DownlinkAck.Outcome.APPLIED, DownlinkAck.Outcome.REFUSED),
                district.downlinkAcks().stream().map(DownlinkAck::outcome).toList());
        assertEquals("already applied", district.downlinkAcks().get(1).message());
        assertTrue(district.downlinkAcks().get(2).message().startsWith("stale"), district.downlinkAcks().toString());
    }

    @Test
    void anInvalidSettingsDocumentIsRefusedWholeWithItsReasonAndTheAppliedOneStays() throws Exception {
        String pin = StaffPin.hash("135790".toCharArray()).encoded();
        var hours = new StationHours(OpeningHours.parse("MON-SUN 07:00-22:00"), List.of());
        var good = DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.parse("2026-11-21T09:00:00Z"),
                new StationSettings(300, List.of("HOT_WATER", "TOILET"), null, 1, hours, 5.0, pin));
        var invalid = DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.parse("2026-11-21T10:00:00Z"),
                new StationSettings(60, List.of("TOILET"), "新公告", 2, hours, 8.0, null));
        String bad = new String(Wire.encode(invalid), StandardCharsets.UTF_8)
                .replace("07:00-22:00", "07:00-25:00").replace("\"TOILET\"]", "\"SAUNA\"]");
        var later = DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.parse("2026-11-21T11:00:00Z"),
                new StationSettings(120, List.of("REST"), null, 3, null, null, null, null, null, null, false, 25, "none"));
        send(Wire.encode(Downlink.sign(good, key)));
        send(Wire.encode(signRaw(bad.getBytes(StandardCharsets.UTF_8))));
        Await.until(LONG, "two answers", () -> district.downlinkAcks().size() == 2, district::downlinkAcks);
        DownlinkAck refused = district.downlinkAcks().get(1);
        assertEquals(DownlinkAck.Outcome.REFUSED, refused.outcome());
        assertEquals(invalid.id(), refused.commandId());
        assertTrue(refused.message().contains("opening span '07:00-25:00'"), refused.message());
        Path file = dir.resolve("downlinks").resolve(FileDownlinkApplier.SETTINGS);
        StationSettings kept = Wire.decode(Files.readAllBytes(file), StationSettings.class);
        assertEquals(good.settings(), kept, "nothing of the refused document was applied");

        send(Wire.encode(Downlink.sign(later, key)));
        Await.until(LONG, "third answer", () -> district.downlinkAcks().size() == 3, district::downlinkAcks);
        assertEquals(DownlinkAck.Outcome.APPLIED, district.downlinkAcks().get(2).outcome());
        StationSettings now = Wire.decode(Files.readAllBytes(file), StationSettings.class);
        assertEquals(List.of("REST"), now.enabledServices());
        assertEquals(pin, now.staffPin(), "a document without a PIN keeps the PIN set before");
        assertEquals(later.settings().withStaffPin(pin), now, "the voice fields reach the station's file with the kept PIN");

        var near = new Neighbours(List.of(new Neighbour("dl-2", "东大桥驿站", 600, hours)));
        send(Wire.encode(Downlink.sign(DownlinkCommand.neighbours(Stations.DISTRICT, STATION, Instant.now(), near), key)));
        Await.until(LONG, "neighbours acked", () -> district.downlinkAcks().size() == 4, district::downlinkAcks);
        assertEquals(DownlinkAck.Outcome.APPLIED, district.downlinkAcks().get(3).outcome());
        assertEquals(near, Wire.decode(Files.readAllBytes(FileDownlinkApplier.neighboursFile(file)), Neighbours.class));
    }

    private Downlink signRaw(byte[] payload) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new Downlink(Downlink.SCHEMA, key.keyId(), b64.encodeToString(payload),
                b64.encodeToString(Ed25519.sign(key.privateKey(), payload)));
    }

    @Test
    void resendDownlinkSendsAConfirmedRangeAgain() {
        long before = district.duplicates();
        send(Wire.encode(Downlink.sign(DownlinkCommand.resend(Stations.DISTRICT, STATION, Instant.now(),
                new SeqRange(3, 6)), key)));
        Await.until(LONG, "range resent and confirmed again",
                () -> district.duplicates() == before + 4 && Backlog.waiting(dir) == 0, district::duplicates);
        assertTrue(district.downlinkAcks().getFirst().message().contains("re-queued 4"), district.downlinkAcks().toString());
    }

    @Test
    void dayCloseSummaryIsSignedAndChainsTheDaysVisitUuids() throws Exception {
        LocalDate today = Instant.now().atZone(Stations.ZONE).toLocalDate();
        List<DaySummary> made = agent.closeDay(today);
        Await.until(LONG, "summary published", () -> !district.summaries().isEmpty(), district::summaries);
        DaySummary s = district.summaries().getLast();
        assertEquals(made.getLast(), s);
        assertTrue(s.signatureValid());
        assertEquals(10, s.lastSeq());
        List<UUID> inSeqOrder = new java.util.ArrayList<>();
        try (var c = SyncDatabase.open(dir); var st = c.createStatement();
             var rs = st.executeQuery("SELECT id FROM visit WHERE seq BETWEEN " + s.firstSeq() + " AND " + s.lastSeq() + " ORDER BY seq")) {
            while (rs.next()) {
                inSeqOrder.add(UUID.fromString(rs.getString(1)));
            }
        }
        assertEquals(first, Set.copyOf(inSeqOrder));
        assertEquals(DaySummary.chain(s.previousHash(), inSeqOrder.iterator()), s.chainHash());
        assertEquals(List.of(), agent.closeDay(today), "a closed day is not closed twice");
    }
}

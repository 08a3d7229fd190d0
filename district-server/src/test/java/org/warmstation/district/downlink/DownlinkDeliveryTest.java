package org.warmstation.district.downlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictService;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;

/**
 * District to station delivery without a broker: commands queued through the
 * {@link DownlinkSender} are signed and published by the service's dispatcher, re-published on the
 * station's birth while un-acked, and the acks are stored. Real (embedded) PostgreSQL, the
 * published messages collected in a list.
 */
class DownlinkDeliveryTest {
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final DistrictKey KEY = DistrictKey.generate(DISTRICT);
    private static final TrustList TRUST = new TrustList(NOW,
            List.of(new org.warmstation.protocol.card.TrustedKey(KEY.keyId(), DISTRICT, KEY.keyPair().getPublic(),
                    java.util.EnumSet.of(KeyPurpose.DOWNLINK))));

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("downlink", "station", "card_list");

    private final List<String> topics = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();
    private DistrictService service;

    @BeforeEach
    void newService() throws Exception {
        service = new DistrictService(DB.database(), DISTRICT, (t, p) -> {
            topics.add(t);
            payloads.add(p);
        }, new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.of(KEY)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    private void online(String station) {
        service.handle(new Topics(DISTRICT, station).topic(Topics.Kind.STATUS), Wire.encode(new StationStatus(
                StationStatus.SCHEMA, DISTRICT, station, StationStatus.State.ONLINE, "0.1.0", NOW, null)));
    }

    private void ack(DownlinkCommand cmd, DownlinkAck.Outcome outcome, String message) {
        service.handle(new Topics(DISTRICT, cmd.station()).topic(Topics.Kind.DOWNLINK_ACK),
                Wire.encode(DownlinkAck.of(cmd, outcome, message, NOW.plusSeconds(5))));
    }

    private static DownlinkCommand deny(String station, long version, Instant at) {
        return DownlinkCommand.denyList(DISTRICT, station, at, DenyList.empty().with(DISTRICT, 42).withVersion(version));
    }

    @Test
    void queuedCommandIsSignedWithTheDownlinkKeyAndPublishedToItsStation() throws Exception {
        DownlinkCommand cmd = deny("dl-a", 1, NOW);
        service.sender().send(cmd, "tester");
        assertEquals(List.of(), topics, "queued: nothing published before the dispatcher runs");

        assertEquals(1, service.dispatchDownlinks());
        assertEquals(List.of(new Topics(DISTRICT, "dl-a").topic(Topics.Kind.DOWNLINK)), topics);
        DownlinkCommand received = Wire.decode(payloads.getFirst(), Downlink.class).verify(TRUST, DISTRICT, "dl-a");
        assertEquals(cmd, received);
        assertEquals(0, service.dispatchDownlinks(), "sent once");

        DownlinkRecord r = service.sender().find(cmd.id()).orElseThrow();
        assertEquals(1, r.sendCount());
        assertEquals(1L, r.listVersion());
        assertEquals("tester", r.queuedBy());
        assertNull(r.outcome());
    }

    @Test
    void birthResendsTheNewestUnackedCommandOfEachKindOnly() throws Exception {
        online("dl-b");
        DownlinkCommand old = deny("dl-b", 1, NOW.minusSeconds(60));
        DownlinkCommand newer = deny("dl-b", 2, NOW);
        DownlinkCommand trust = DownlinkCommand.trustList(DISTRICT, "dl-b", NOW, TRUST);
        for (DownlinkCommand c : List.of(old, newer, trust)) {
            service.sender().send(c, null);
        }
        service.dispatchDownlinks();
        topics.clear();
        payloads.clear();

        online("dl-b");
        assertEquals(List.of(newer.id(), trust.id()), payloads.stream()
                .map(p -> Wire.decode(p, Downlink.class).verify(TRUST, DISTRICT, "dl-b").id()).sorted(
                        java.util.Comparator.comparing(id -> id.equals(newer.id()) ? 0 : 1)).toList());

        ack(newer, DownlinkAck.Outcome.APPLIED, null);
        topics.clear();
        online("dl-b");
        assertEquals(1, topics.size(), "only the trust list is still un-acked: " + topics);
        assertEquals(2, service.sender().find(newer.id()).orElseThrow().sendCount());
    }

    @Test
    void ackIsStoredAndAnAppliedOneIsNotTurnedIntoARefusalByALateDuplicate() throws Exception {
        online("dl-c");
        DownlinkCommand cmd = deny("dl-c", 7, NOW);
        service.sender().send(cmd, null);
        service.dispatchDownlinks();
        ack(cmd, DownlinkAck.Outcome.APPLIED, "ok");
        ack(cmd, DownlinkAck.Outcome.REFUSED, "stale");

        DownlinkRecord r = service.sender().history("dl-c", 10).getFirst();
        assertEquals(DownlinkAck.Outcome.APPLIED, r.outcome());
        assertEquals("ok", r.message());
        assertEquals(NOW.plusSeconds(5), r.ackedAt());
        try (Connection c = DB.database().connection(); var ps = c.prepareStatement(
                "SELECT deny_list_version, deny_list_received_at FROM station WHERE station_id = 'dl-c'");
             var rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(7, rs.getLong(1), "the station holds the version it applied");
            assertEquals(NOW.plusSeconds(5), rs.getTimestamp(2).toInstant());
        }
    }

    @Test
    void refusalIsStoredWithItsReason() throws Exception {
        DownlinkCommand cmd = deny("dl-d", 3, NOW);
        service.sender().send(cmd, null);
        service.dispatchDownlinks();
        ack(cmd, DownlinkAck.Outcome.REFUSED, "stale: last applied 2026-12-06T04:00:00Z");
        DownlinkRecord r = service.sender().find(cmd.id()).orElseThrow();
        assertEquals(DownlinkAck.Outcome.REFUSED, r.outcome());
        assertTrue(r.message().startsWith("stale"));
    }

    @Test
    void sendToAllQueuesOneCommandPerRealStationOfflineOnesIncluded() throws Exception {
        online("dl-e");
        online("dl-f");
        service.handle(new Topics(DISTRICT, "dl-f").topic(Topics.Kind.STATUS), Wire.encode(new StationStatus(
                StationStatus.SCHEMA, DISTRICT, "dl-f", StationStatus.State.OFFLINE, "0.1.0", NOW, null)));
        List<UUID> ids = service.sender().sendToAll(s -> deny(s, 4, NOW), "tester");
        assertEquals(2, ids.size());
        assertEquals(2, service.dispatchDownlinks());
        assertEquals(List.of(new Topics(DISTRICT, "dl-e").topic(Topics.Kind.DOWNLINK),
                new Topics(DISTRICT, "dl-f").topic(Topics.Kind.DOWNLINK)), topics.stream().sorted().toList());
    }

    @Test
    void listsReceivedMoreThanTwelveHoursAgoAreSentAgainOnceUntilAcked() throws Exception {
        online("dl-g");
        online("dl-h");
        try (Connection c = DB.database().connection(); var st = c.createStatement()) {
            st.execute("UPDATE station SET deny_list_version = 1, deny_list_received_at = '" + NOW.minusSeconds(13 * 3600)
                    + "' WHERE station_id = 'dl-g'");
            st.execute("UPDATE station SET deny_list_version = 1, deny_list_received_at = '" + NOW.minusSeconds(3600)
                    + "' WHERE station_id = 'dl-h'");
        }
        assertEquals(1, service.refreshLists(), "only the station with the old copy (no trust list at the district yet)");
        DownlinkRecord r = service.sender().history("dl-g", 1).getFirst();
        assertEquals(DownlinkCommand.Kind.DENY_LIST, r.kind());
        assertEquals(1L, r.listVersion(), "the district's deny list starts at version 1, empty");
        assertEquals(List.of(), service.sender().history("dl-h", 1));
        assertEquals(0, service.refreshLists(), "not again while the first is un-acked");
    }

    @Test
    void stationNeverSentTheCurrentDenyListGetsItOnItsBirthOnce() throws Exception {
        try (Connection c = DB.database().connection(); var ps = c.prepareStatement(
                "INSERT INTO card_list (district_id, kind, version, issued_at, body) VALUES (?, 'DENY', 3, ?, ?)")) {
            ps.setInt(1, DISTRICT);
            ps.setTimestamp(2, java.sql.Timestamp.from(NOW));
            ps.setString(3, DenyList.empty().with(DISTRICT, 42).withVersion(3).format());
            ps.executeUpdate();
        }
        online("dl-new");
        assertEquals(1, service.dispatchDownlinks());
        DownlinkCommand got = Wire.decode(payloads.getLast(), Downlink.class).verify(TRUST, DISTRICT, "dl-new");
        assertEquals(3, got.parsedDenyList().version());
        online("dl-new");
        assertEquals(0, service.dispatchDownlinks(), "not queued again: that version was sent (and is re-sent until acked)");
        assertEquals(1, service.sender().history("dl-new", 10).size());
    }

    @Test
    void commandOfAnotherDistrictIsRefused() {
        DownlinkCommand other = DownlinkCommand.denyList(110106, "x", NOW, DenyList.empty());
        var e = assertThrows(IllegalArgumentException.class, () -> service.sender().send(other, null));
        assertTrue(e.getMessage().contains("110106"), e.getMessage());
    }
}

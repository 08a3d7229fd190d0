package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.warmstation.district.db.VisitQuarantine;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Issue 13 item 4: one bad visit is quarantined alone (with the reason, listed for the operator)
 * while the rest of its batch is stored and acknowledged; quarantined visits age out with the
 * retention. (That a batch the database could not store is never acknowledged: {@code ManualAckTest}.)
 */
class VisitQuarantineTest {
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("visit", "visit_quarantine");

    private final List<byte[]> acks = new ArrayList<>();
    private DistrictService service;

    @BeforeEach
    void newService() {
        service = service(DB.database());
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    private DistrictService service(org.warmstation.district.db.DistrictDatabase db) {
        return new DistrictService(db, DISTRICT, (t, p) -> acks.add(p),
                new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aVisitTheDatabaseRefusesIsQuarantinedAloneAndTheRestOfItsBatchIsStoredAndAcked() throws Exception {
        // a broken real-time clock: a year PostgreSQL's timestamptz cannot hold (it ends in 294276)
        WireVisit bad = Visits.visit(2, Instant.parse("+300000-01-01T00:00:00Z"), "00000000000000a2", "COURIER", "HOT_WATER");
        List<WireVisit> visits = List.of(Visits.visit(1, AT, "00000000000000a1", "COURIER"), bad,
                Visits.visit(3, AT, "00000000000000a3", "COURIER"));
        VisitBatch batch = Visits.batch(DISTRICT, "q-a", visits);

        assertTrue(service.handle(topic("q-a"), Wire.encode(batch)));
        assertTrue(service.handle(topic("q-a"), Wire.encode(batch)), "sent again: the same outcome");

        VisitAck ack = Wire.decode(acks.getLast(), VisitAck.class);
        assertEquals(visits.stream().map(WireVisit::uuid).toList(), ack.stored(), "the ack names all three");
        VisitBatch counted = new VisitBatch(batch.schema(), batch.district(), batch.station(), batch.batchId(),
                batch.sentAt(), batch.visits(), batch.epoch(), true);
        assertTrue(service.handle(topic("q-a"), Wire.encode(counted)), "asking for the counted ack");
        assertEquals(3, Wire.decode(acks.getLast(), VisitAck.class).wholeBatch(),
                "a quarantined visit is held too: the counted ack covers the whole batch");
        assertEquals(2, count("SELECT count(*) FROM visit WHERE station_id = 'q-a'"));
        List<VisitQuarantine.Row> rows = quarantined();
        assertEquals(1, rows.size(), "quarantined once although sent twice");
        assertEquals(bad.uuid(), rows.getFirst().uuid());
        assertEquals(2L, rows.getFirst().seq());
        assertTrue(rows.getFirst().reason().startsWith("refused by the database"), rows.getFirst().reason());

        var cli = org.warmstation.district.testing.CliRun.run("", "quarantine", "--jdbc-url", DB.database().url(),
                "--district", String.valueOf(DISTRICT));
        assertEquals(1, cli.exit(), cli.err());
        assertTrue(cli.out().contains("q-a visit " + bad.uuid() + " seq 2: refused by the database"), cli.out());
    }

    @Test
    void aVisitThatFailsValidationIsQuarantinedAloneAndTheRestOfItsBatchIsStoredAndAcked() throws Exception {
        List<WireVisit> visits = Visits.run(1, 3, AT);
        VisitBatch batch = Visits.batch(DISTRICT, "q-b", visits);
        // a newer station's zone the district does not know, in the second visit only
        String json = new String(Wire.encode(batch), StandardCharsets.UTF_8);
        int second = json.indexOf(visits.get(1).uuid().toString());
        String edited = json.substring(0, second)
                + json.substring(second).replaceFirst("\"Asia/Shanghai\"", "\"Mars/Olympus_Mons\"");

        assertTrue(service.handle(topic("q-b"), edited.getBytes(StandardCharsets.UTF_8)));

        VisitAck ack = Wire.decode(acks.getLast(), VisitAck.class);
        assertEquals(visits.stream().map(WireVisit::uuid).sorted().toList(), ack.stored().stream().sorted().toList());
        assertEquals(2, count("SELECT count(*) FROM visit WHERE station_id = 'q-b'"));
        List<VisitQuarantine.Row> rows = quarantined();
        assertEquals(1, rows.size());
        assertEquals(visits.get(1).uuid(), rows.getFirst().uuid());
        assertTrue(rows.getFirst().reason().contains("Mars/Olympus_Mons"), rows.getFirst().reason());
    }

    @Test
    void aGzipBatchWithOneInvalidVisitIsSalvagedLikeAPlainOne() throws Exception {
        List<WireVisit> visits = Visits.run(1, 6, AT);
        String json = new String(Wire.encode(Visits.batch(DISTRICT, "q-e", visits)), StandardCharsets.UTF_8);
        int third = json.indexOf(visits.get(2).uuid().toString());
        String edited = json.substring(0, third)
                + json.substring(third).replaceFirst("\"Asia/Shanghai\"", "\"Mars/Olympus_Mons\"");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(edited.getBytes(StandardCharsets.UTF_8)); // as a station sends it (decision 0240)
        }

        assertTrue(service.handle(topic("q-e"), gz.toByteArray()));

        VisitAck ack = Wire.decode(acks.getLast(), VisitAck.class);
        assertEquals(6, ack.stored().size(), "five stored and one quarantined are all acked");
        assertEquals(5, count("SELECT count(*) FROM visit WHERE station_id = 'q-e'"));
        assertEquals(visits.get(2).uuid(), quarantined().getFirst().uuid());
    }

    @Test
    void reconciliationCountsAQuarantinedVisitAsHeldNotAsAGapToAskForAgain() throws Exception {
        Instant day = Instant.parse("2026-11-20T02:00:00Z");
        WireVisit bad = Visits.visit(2, Instant.parse("+300000-01-01T00:00:00Z"), "00000000000000d2", "COURIER");
        List<WireVisit> visits = List.of(Visits.visit(1, day, "00000000000000d1", "COURIER"), bad,
                Visits.visit(3, day, "00000000000000d3", "COURIER"));
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        org.warmstation.protocol.wire.DaySummary summary = org.warmstation.protocol.wire.DaySummary.sign(DISTRICT, "q-d",
                java.time.LocalDate.of(2026, 11, 20), java.time.ZoneId.of("Asia/Shanghai"), 1, 3,
                org.warmstation.protocol.wire.DaySummary.GENESIS_HASH, org.warmstation.protocol.wire.DaySummary.chain(
                        org.warmstation.protocol.wire.DaySummary.GENESIS_HASH, visits.stream().map(WireVisit::uuid).iterator()),
                key);
        try (DistrictService live = new DistrictService(DB.database(), DISTRICT, (t, p) -> acks.add(p),
                new DistrictService.LedgerSettings(Duration.ZERO, Duration.ofMinutes(10), Optional.empty()), Clock.systemUTC())) {
            assertTrue(live.handle(topic("q-d"), Wire.encode(Visits.batch(DISTRICT, "q-d", visits))));
            assertTrue(live.handle(new Topics(DISTRICT, "q-d").topic(Topics.Kind.LEDGER), Wire.encode(summary)));
            var open = live.reconcile().stream().filter(o -> o.finding().station().equals("q-d")).toList();
            assertEquals(List.of(), open, "seq 2 is in the quarantine: no gap, no resend request");
        }
        assertEquals(2, count("SELECT count(*) FROM visit WHERE station_id = 'q-d'"));
    }

    @Test
    void quarantinedVisitsAgeOutWithTheRetention() throws Exception {
        WireVisit bad = Visits.visit(1, Instant.parse("+300000-01-01T00:00:00Z"), "00000000000000c1", "COURIER");
        assertTrue(service.handle(topic("q-c"), Wire.encode(Visits.batch(DISTRICT, "q-c", List.of(bad)))));
        assertEquals(1, quarantined().size());
        try (Connection c = DB.database().connection(); Statement st = c.createStatement()) {
            st.execute("UPDATE visit_quarantine SET quarantined_at = now() - interval '3 years'");
            new org.warmstation.district.retention.Retention(13).purge(c, java.time.LocalDate.now());
        }
        assertEquals(List.of(), quarantined(), "its payload holds a member id: it goes with the visit rows of its age");
    }

    @Test
    void releaseStoresWhatTheDatabaseTakesNowAndKeepsTheRest() throws Exception {
        // a refusal the operator can fix: a constraint the district no longer wants
        execute("ALTER TABLE visit ADD CONSTRAINT test_refuses_card_4711 CHECK (card_serial <> 4711) NOT VALID");
        WireVisit fixable;
        WireVisit hopeless = Visits.visit(2, Instant.parse("+300000-01-01T00:00:00Z"), "00000000000000b2", "COURIER");
        try {
            fixable = Visits.visit(1, AT, "00000000000000b1", "COURIER");
            fixable = new WireVisit(fixable.uuid(), 1, 1, AT, "Asia/Shanghai", fixable.memberId(), 4711, "COURIER",
                    List.of("HOT_WATER"), "CARD", true, 1000);
            assertTrue(service.handle(topic("q-r"), Wire.encode(Visits.batch(DISTRICT, "q-r", List.of(fixable, hopeless)))));
            assertEquals(2, quarantined().size());
        } finally {
            execute("ALTER TABLE visit DROP CONSTRAINT test_refuses_card_4711");
        }

        var cli = org.warmstation.district.testing.CliRun.run("", "quarantine", "release", "--jdbc-url",
                DB.database().url(), "--district", String.valueOf(DISTRICT));

        assertEquals(1, cli.exit(), "one stays: " + cli.out() + cli.err());
        assertTrue(cli.out().contains("q-r visit " + fixable.uuid() + ": stored, released"), cli.out());
        assertTrue(cli.out().contains("q-r visit " + hopeless.uuid() + ": stays: refused by the database again"), cli.out());
        assertTrue(cli.out().contains("1 released, 1 still quarantined"), cli.out());
        assertEquals(1, count("SELECT count(*) FROM visit WHERE station_id = 'q-r' AND card_serial = 4711"));
        assertEquals(List.of(hopeless.uuid()), quarantined().stream().map(VisitQuarantine.Row::uuid).toList());

        var again = org.warmstation.district.testing.CliRun.run("", "quarantine", "release", "--jdbc-url",
                DB.database().url(), "--district", String.valueOf(DISTRICT), "--visit", fixable.uuid().toString());
        assertEquals(0, again.exit(), "nothing left of that visit: " + again.out());
        assertTrue(again.out().contains("0 released, 0 still quarantined"), again.out());
        var noDistrict = org.warmstation.district.testing.CliRun.run("", "quarantine", "--jdbc-url", DB.database().url());
        assertEquals(2, noDistrict.exit(), "listing still needs --district: " + noDistrict.err());
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DB.database().connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String topic(String station) {
        return new Topics(DISTRICT, station).topic(Topics.Kind.VISITS);
    }

    private static List<VisitQuarantine.Row> quarantined() throws Exception {
        try (Connection c = DB.database().connection()) {
            return new VisitQuarantine().list(c, DISTRICT, 10);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DB.database().connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package org.warmstation.district.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.EpochStore;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Visit-log epochs (issue 13 item 5) and the UNEXPECTED_VISITS finding (item 1) at the district,
 * through {@link DistrictService#handle} and {@link DistrictService#reconcile} on a real embedded
 * PostgreSQL, without a broker: a wiped or damaged terminal starts again at seq 1 under a new
 * epoch, registered with its new day-summary key by its enrollment ({@link EpochStore#register}).
 */
class EpochLedgerTest {
    private static final int D = 110105;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    private final List<byte[]> acks = new ArrayList<>();
    private DistrictService service;

    @BeforeEach
    void newService() {
        service = new DistrictService(DB.database(), D, (t, p) -> {
            if (t.endsWith("/ack")) {
                acks.add(p);
            }
        }, new DistrictService.LedgerSettings(Duration.ZERO, Duration.ofHours(1), Optional.empty()),
                Clock.systemUTC());
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void newEpochAfterReEnrollmentStartsAgainAtSeqOneWithoutAnyFinding() throws Exception {
        String st = "ep-a";
        KeyPair oldKey = key();
        KeyPair newKey = key();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<WireVisit> before = Visits.run(1, 6, at(DAY, 9));
        assertEquals(6, send(st, before, first).highestContiguousSeq());
        summary(st, DAY, before, 1, first, oldKey);
        assertEquals(List.of(), findings(st), "the first epoch reconciles clean");

        try (Connection c = DB.database().connection()) { // what the enrollment desk does, in its transaction
            c.setAutoCommit(false);
            new EpochStore().registerEnrollment(c, D, st, publicKey(newKey), second.toString(), Instant.now());
            c.commit();
        }
        List<WireVisit> after = Visits.run(1, 3, at(DAY.plusDays(1), 10));
        VisitAck ack = send(st, after, second);
        assertEquals(3, ack.highestContiguousSeq(), "the new epoch counts from its own seq 1");
        summary(st, DAY.plusDays(1), after, 1, second, newKey);
        summary(st, DAY, before, 1, first, oldKey); // the old epoch, received again, still verifies

        assertEquals(List.of(), findings(st), "no SEQ_REUSED, no unknown key, no chain break");
        assertEquals(9, visits(st));
        try (Connection c = DB.database().connection()) {
            assertEquals(Optional.of(second), new EpochStore().current(c, D, st));
            assertEquals(3, contiguous(c, st));
        }
    }

    @Test
    void summaryOfAnEpochNotYetEnrolledIsAnUnknownKeyUntilTheEnrollmentRegistersIt() throws Exception {
        String st = "ep-b";
        KeyPair oldKey = key();
        KeyPair newKey = key();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<WireVisit> before = Visits.run(1, 2, at(DAY, 9));
        send(st, before, first);
        summary(st, DAY, before, 1, first, oldKey);
        List<WireVisit> after = Visits.run(1, 2, at(DAY.plusDays(1), 9));
        send(st, after, second); // stored at once: a damaged terminal's visits are never refused
        summary(st, DAY.plusDays(1), after, 1, second, newKey);
        assertEquals(List.of(Finding.Kind.UNKNOWN_STATION_KEY), findings(st));

        try (Connection c = DB.database().connection()) {
            new EpochStore().register(c, D, st, second, publicKey(newKey), Instant.now());
        }
        assertEquals(List.of(), findings(st), "the enrollment's key resolves the finding on the next pass");
        assertEquals(4, visits(st));
    }

    @Test
    void visitsOfTheDayOutsideTheDeclaredRangeAreUnexpected() throws Exception {
        String st = "unexp-a";
        KeyPair k = key();
        UUID epoch = UUID.randomUUID();
        List<WireVisit> day = Visits.run(1, 5, at(DAY, 9));
        send(st, day, epoch);
        summary(st, DAY, day.subList(0, 3), 1, epoch, k); // the station declares 1..3 only

        List<Finding> found = open(st);
        assertEquals(List.of(Finding.Kind.UNEXPECTED_VISITS), found.stream().map(Finding::kind).toList());
        assertEquals(4L, found.getFirst().firstSeq());
        assertEquals(5L, found.getFirst().lastSeq());
        assertEquals(epoch, found.getFirst().epoch());
        assertTrue(found.getFirst().detail().contains("2 visit(s)"), found.getFirst().detail());
    }

    @Test
    void anEmptyDayWithStoredVisitsIsUnexpectedButAVisitDeclaredByItsNeighbourDayIsNot() throws Exception {
        String st = "unexp-b";
        KeyPair k = key();
        UUID epoch = UUID.randomUUID();
        // seq 3 was stamped on the next day by a clock that ran ahead; its own day declared it
        List<WireVisit> day = new ArrayList<>(Visits.run(1, 4, at(DAY, 9)));
        WireVisit ahead = day.get(2);
        day.set(2, new WireVisit(ahead.uuid(), 3, 1, at(DAY.plusDays(1), 1), ahead.zone(), ahead.memberId(),
                ahead.cardSerial(), ahead.category(), ahead.services(), ahead.source(), false, ahead.sinceBootMs()));
        send(st, day, epoch);
        DaySummary first = summary(st, DAY, day, 1, epoch, k);
        String emptyChain = DaySummary.chain(first.chainHash(), java.util.Collections.emptyIterator());
        DaySummary empty = DaySummary.sign(D, st, DAY.plusDays(1), ZONE, 5, 4, first.chainHash(), emptyChain, k, epoch);
        publish(st, empty);
        assertEquals(List.of(), open(st), "seq 3 is declared by the day before");

        send(st, Visits.run(5, 1, at(DAY.plusDays(2), 8)), epoch);
        DaySummary none = DaySummary.sign(D, st, DAY.plusDays(2), ZONE, 5, 4, emptyChain,
                DaySummary.chain(emptyChain, java.util.Collections.emptyIterator()), k, epoch);
        publish(st, none);
        List<Finding> found = open(st);
        assertEquals(List.of(Finding.Kind.UNEXPECTED_VISITS), found.stream().map(Finding::kind).toList());
        assertEquals(5L, found.getFirst().firstSeq());
        assertEquals(DAY.plusDays(2), found.getFirst().day());
    }

    private VisitAck send(String st, List<WireVisit> visits, UUID epoch) {
        acks.clear();
        VisitBatch b = VisitBatch.of(D, st, Instant.now(), visits, epoch);
        service.handle(new Topics(D, st).topic(Topics.Kind.VISITS), Wire.encode(b));
        assertEquals(1, acks.size(), "one ack");
        return Wire.decode(acks.getFirst(), VisitAck.class);
    }

    private DaySummary summary(String st, LocalDate day, List<WireVisit> visits, long firstSeq, UUID epoch, KeyPair k) {
        String chain = DaySummary.chain(DaySummary.GENESIS_HASH, visits.stream().map(WireVisit::uuid).iterator());
        DaySummary s = DaySummary.sign(D, st, day, ZONE, firstSeq, firstSeq + visits.size() - 1,
                DaySummary.GENESIS_HASH, chain, k, epoch);
        publish(st, s);
        return s;
    }

    private void publish(String st, DaySummary s) {
        service.handle(new Topics(D, st).topic(Topics.Kind.LEDGER), Wire.encode(s));
    }

    private List<Finding.Kind> findings(String st) throws Exception {
        return open(st).stream().map(Finding::kind).toList();
    }

    private List<Finding> open(String st) throws Exception {
        return service.reconcile().stream().map(LedgerStore.OpenFinding::finding)
                .filter(f -> f.station().equals(st)).toList();
    }

    private static long visits(String st) throws Exception {
        try (Connection c = DB.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit WHERE station_id = ?")) {
            ps.setString(1, st);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long contiguous(Connection c, String st) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT contiguous_seq FROM station WHERE station_id = ?")) {
            ps.setString(1, st);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private static KeyPair key() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String publicKey(KeyPair k) {
        return Base64.getEncoder().encodeToString(k.getPublic().getEncoded());
    }
}

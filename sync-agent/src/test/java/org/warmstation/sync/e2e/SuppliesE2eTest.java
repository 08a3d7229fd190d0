package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.store.SqliteLedger;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.sync.store.StationKeyStore;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.domain.Handout;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.outbox.RecordOutbox;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.outbox.SqliteRecordOutbox;
import org.warmstation.visitlog.store.SqliteRatingStore;
import org.warmstation.visitlog.store.SqliteSupplyStore;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Issue 12, supplies "done when": a station's supply movements and its rating reach the district
 * exactly once although the broker was killed (SIGKILL) before they were sent and restarted, and the district's
 * projections (movements, stock, rating) match the station. Real agent (SUPPLY and RATING records
 * drained from the SQLite outboxes beside the visits), real Mosquitto, real district server on
 * embedded PostgreSQL.
 */
class SuppliesE2eTest {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);
    private static final SupplyItem GLOVES = SupplySettings.DEFAULT.item("GLOVES").orElseThrow();
    private static final String STATION = "supplies-e2e";
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(KEY);

    @Test
    void supplyMovementsAndARatingArriveOnceAfterABrokerRestart() throws Exception {
        Path dir = Files.createDirectories(E2E.dir().resolve(STATION));
        SqliteVisitStore visits = new SqliteVisitStore(dir);
        SqliteSupplyStore supplies = new SqliteSupplyStore(dir, InstantSource.system(), RecordTypes.standard());
        SqliteRatingStore ratings = new SqliteRatingStore(dir, InstantSource.system(), RecordTypes.standard());
        SqliteRecordOutbox supplyOut = new SqliteRecordOutbox(dir, RecordKind.SUPPLY);
        SqliteRecordOutbox ratingOut = new SqliteRecordOutbox(dir, RecordKind.RATING);
        var config = Stations.config(E2E.broker().url(), STATION, dir).build();
        var key = StationKeyStore.loadOrCreate(dir);
        TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(KEY.trustedKey()));
        SyncAgent agent = new SyncAgent(config, new SyncAgent.Parts(new SqliteOutbox(dir), Stations.SYSTEM_CLOCK,
                Stations.ZONE, () -> trust, new FileDownlinkApplier(dir.resolve("downlinks")),
                new SqliteSyncState(dir), new SqliteLedger(dir, config.topics(), Stations.ZONE, key),
                java.util.Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), null, null, null,
                List.<RecordOutbox>of(supplyOut, ratingOut)));
        agent.start();
        try {
            Await.until(LONG, "online", () -> agent.status().connected(), agent::status);
            Instant season = Instant.now().minus(Duration.ofDays(30));
            MemberId member = MemberId.ofHex("00000000000000e5");
            Visit first = visit(visits, member);
            supplies.deliver(GLOVES, 10);
            assertInstanceOf(Handout.Given.class, supplies.handOut(GLOVES, first.id(), season));
            Await.until(LONG, "the first movements at the district",
                    () -> records("SUPPLY") == 2 && supplyOut.stats(Instant.now()).waiting() == 0,
                    () -> records("SUPPLY") + " at the district");

            E2E.broker().kill(); // SIGKILL: the next movements are recorded while the station cannot send them
            Visit second = visit(visits, member);
            assertEquals(Handout.Reason.LIMIT_REACHED,
                    assertInstanceOf(Handout.Refused.class, supplies.handOut(GLOVES, second.id(), season)).reason());
            Visit guest = visit(visits, null);
            assertInstanceOf(Handout.Given.class, supplies.handOut(GLOVES, guest.id(), season));
            supplies.correct(GLOVES, 5);
            ratings.rate(guest.id(), RatingAnswer.NEUTRAL, List.of());
            assertEquals(2, records("SUPPLY"), "nothing new arrives while the broker is down");
            long start = System.nanoTime();
            E2E.broker().restart(); // a broker without the killed one's in-flight state
            Await.until(LONG, "district reconnected", E2E.district()::ready, () -> "not ready");

            Await.until(LONG, "every movement and the rating stored and confirmed",
                    () -> records("SUPPLY") == 4 && records("RATING") == 1
                            && supplyOut.stats(Instant.now()).waiting() == 0 && ratingOut.stats(Instant.now()).waiting() == 0,
                    () -> records("SUPPLY") + "/4 SUPPLY, " + records("RATING") + "/1 RATING");
            System.out.printf("[figures] supplies e2e: broker restart to 3 SUPPLY + 1 RATING confirmed %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(4, E2E.district().number("SELECT count(*) FROM supply_movement WHERE station_id = '"
                    + STATION + "'"), "each movement projected once (the refusal was never recorded)");
            assertEquals(2, E2E.district().number("SELECT count(*) FROM supply_movement WHERE movement = 'HANDOUT'"));
            assertEquals(5, E2E.district().number("SELECT stock FROM supply_stock WHERE station_id = '" + STATION
                    + "' AND item = 'GLOVES'"), "the district's stock is the station's");
            assertEquals(1, E2E.district().number("SELECT count(*) FROM rating WHERE visit_uuid = '" + guest.id()
                    + "' AND answer = 'NEUTRAL'"));
            assertEquals(5, supplies.stock(SupplySettings.DEFAULT).getFirst().stock());
        } finally {
            agent.stop();
            supplies.close();
            ratings.close();
            supplyOut.close();
            ratingOut.close();
            visits.close();
        }
    }

    private static Visit visit(SqliteVisitStore visits, MemberId member) {
        return visits.record(new Visit(UUID.randomUUID(), 0, STATION, Instant.now(), Stations.ZONE, member,
                member == null ? 0 : 11, WorkerCategory.COURIER, Set.of(),
                member == null ? VisitSource.GUEST : VisitSource.CARD, true, Duration.ZERO));
    }

    private static long records(String kind) {
        return E2E.district().number("SELECT count(*) FROM station_record WHERE kind = '" + kind
                + "' AND station_id = '" + STATION + "'");
    }
}

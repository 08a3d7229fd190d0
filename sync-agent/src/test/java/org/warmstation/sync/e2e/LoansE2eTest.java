package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.LoanDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.store.SqliteLedger;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.sync.store.StationKeyStore;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.domain.Loan;
import org.warmstation.visitlog.domain.LoanStore;
import org.warmstation.visitlog.domain.UuidV7;
import org.warmstation.visitlog.outbox.RecordOutbox;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.outbox.SqliteRecordOutbox;
import org.warmstation.visitlog.store.SqliteLoanStore;

/**
 * Issue 12, loans "done when": an umbrella lent at station A and handed back at station B is closed
 * at the district and no longer listed at A after A's next sync (the district's signed LOANS
 * downlink, applied by A's agent and acked APPLIED); every loan movement of both stations arrives
 * at the district exactly once although the broker restarts while they are being sent. Real agents
 * (LOAN records drained from the SQLite outbox, the terminal's {@link LoanDownlinkApplier}), real
 * Mosquitto, real district server on embedded PostgreSQL.
 */
class LoansE2eTest {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);
    private static final String MEMBER = "00000000000000c2";
    private static final String OTHER = "00000000000000d7";
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(KEY);

    /** One station: its loans, its LOAN outbox and its agent (the terminal's wiring for loans). */
    private record Station(String id, SqliteLoanStore loans, SqliteRecordOutbox outbox, SyncAgent agent) {
        static Station start(String id) throws Exception {
            Path dir = Files.createDirectories(E2E.dir().resolve(id));
            SqliteLoanStore loans = new SqliteLoanStore(dir, InstantSource.system());
            SqliteRecordOutbox outbox = new SqliteRecordOutbox(dir, RecordKind.LOAN);
            var config = Stations.config(E2E.broker().url(), id, dir).build();
            var key = StationKeyStore.loadOrCreate(dir);
            TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(KEY.trustedKey()));
            SyncAgent agent = new SyncAgent(config, new SyncAgent.Parts(new SqliteOutbox(dir), Stations.SYSTEM_CLOCK,
                    Stations.ZONE, () -> trust,
                    new LoanDownlinkApplier(new FileDownlinkApplier(dir.resolve("downlinks")), loans),
                    new SqliteSyncState(dir), new SqliteLedger(dir, config.topics(), Stations.ZONE, key),
                    java.util.Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), null, null, null,
                    List.<RecordOutbox>of(outbox)));
            agent.start();
            Await.until(LONG, id + " online", () -> agent.status().connected(), agent::status);
            return new Station(id, loans, outbox, agent);
        }

        long waiting() {
            return outbox.stats(Instant.now()).waiting();
        }

        void stop() {
            agent.stop();
            loans.close();
            outbox.close();
        }
    }

    @Test
    void anUmbrellaLentAtAAndReturnedAtBIsClosedAtTheDistrictAndNoLongerListedAtA() throws Exception {
        Station a = Station.start("loans-e2e-a");
        Station b = Station.start("loans-e2e-b");
        UuidV7 ids = new UuidV7();
        try {
            Loan umbrella = a.loans().lend(ids.next(Instant.now()), LoanItem.UMBRELLA, MEMBER, Instant.now());
            Loan raincoat = a.loans().lend(ids.next(Instant.now()), LoanItem.RAINCOAT, OTHER, Instant.now());
            Await.until(LONG, "A's loans at the district", () -> count("loan", a.id()) == 2 && a.waiting() == 0,
                    () -> count("loan", a.id()) + " at the district, " + a.waiting() + " waiting at A");

            long start = System.nanoTime();
            assertEquals(LoanStore.ReturnStatus.RETURNED_FROM_ELSEWHERE,
                    b.loans().returnByMember(MEMBER, LoanItem.UMBRELLA, Instant.now()).status());
            b.loans().lend(ids.next(Instant.now()), LoanItem.POWER_BANK, OTHER, Instant.now());
            a.loans().returnLoan(raincoat.id(), Instant.now());
            E2E.broker().restart(); // while the movements are on their way: the broker forgets its queues
            Await.until(LONG, "district reconnected", E2E.district()::ready, () -> "not ready");

            Await.until(LONG, "every movement stored and confirmed",
                    () -> records(a.id()) == 3 && records(b.id()) == 2 && a.waiting() == 0 && b.waiting() == 0,
                    () -> records(a.id()) + "/3 from A, " + records(b.id()) + "/2 from B, waiting "
                            + a.waiting() + "/" + b.waiting());
            Await.until(LONG, "the umbrella no longer listed as out at A",
                    () -> a.loans().out().stream().noneMatch(l -> l.id().equals(umbrella.id())),
                    () -> a.loans().out().toString());
            System.out.printf("[figures] loans e2e: return at B to umbrella closed at A %d ms (broker restarted"
                    + " in between)%n", (System.nanoTime() - start) / 1_000_000);

            assertEquals(List.of(), a.loans().out(), "raincoat returned at A, umbrella at B");
            assertEquals(b.id(), a.loans().find(umbrella.id()).returnedElsewhere());
            assertEquals(1, E2E.district().number("SELECT count(*) FROM loan WHERE loan_id = '" + umbrella.id()
                    + "' AND returned_station = '" + b.id() + "'"), "closed at the district by B's return");
            assertEquals(3, E2E.district().number("SELECT count(*) FROM loan"), "each lending once");
            assertEquals(2, E2E.district().number("SELECT count(*) FROM loan_return"), "each return once");
            assertEquals(1, E2E.district().number("SELECT count(*) FROM loan WHERE returned_at IS NULL"),
                    "only B's power bank is out");
            DownlinkRecord sent = new DownlinkSender(E2E.district().database(), Stations.DISTRICT)
                    .history(a.id(), 10).stream().filter(r -> r.kind() == DownlinkCommand.Kind.LOANS)
                    .findFirst().orElseThrow();
            Await.until(LONG, "A acked its LOANS downlink", () -> ack(sent.commandId()) != null, () -> "no ack");
            assertEquals(DownlinkAck.Outcome.APPLIED, ack(sent.commandId()));
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static long count(String table, String station) {
        return E2E.district().number("SELECT count(*) FROM " + table + " WHERE station_id = '" + station + "'");
    }

    private static long records(String station) {
        return E2E.district().number("SELECT count(*) FROM station_record WHERE kind = 'LOAN' AND station_id = '"
                + station + "'");
    }

    private static DownlinkAck.Outcome ack(UUID command) {
        try {
            return new DownlinkSender(E2E.district().database(), Stations.DISTRICT).find(command)
                    .map(DownlinkRecord::outcome).orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.EmbeddedPostgresServer;
import org.warmstation.district.db.PoolSettings;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.SyncConfig;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.CountingOutbox;
import org.warmstation.sync.testing.InMemorySyncState;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 13 item 4: 100 stations (real sync agents with their own MQTT connections, in-memory
 * outboxes) keep recording and sending while the district's PostgreSQL is stopped for two minutes
 * and started again. Every visit ends up stored exactly once, none is lost, the district left its
 * subscription while the database was down and acknowledged nothing it had not stored, and the
 * stations' resends during the outage stay within the bound of their exponential backoff (a fixed
 * resend timer would have sent {@code outage / resendAfter} rounds). Prints the figures.
 */
class DistrictOutageTest {
    private static final int STATIONS = 100;
    private static final int BEFORE = 2;
    /** Visits each station records during the outage, spread over it. */
    private static final int DURING = 3;
    private static final Duration OUTAGE = Duration.ofMinutes(2);
    private static final Duration RESEND_FIRST = Duration.ofSeconds(4);
    private static final Duration RESEND_CAP = Duration.ofSeconds(16);

    @TempDir
    Path dir;

    @Test
    void hundredStationsLoseNothingAndBackOffWhilePostgresIsDownTwoMinutes() throws Exception {
        Path pgData = dir.resolve("pg");
        int port = EmbeddedPostgresServer.freePort();
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(pgData, Duration.ofSeconds(60), port);
        MosquittoBroker broker = MosquittoBroker.startEphemeral(Files.createDirectories(dir.resolve("broker")));
        DistrictDatabase db = DistrictDatabase.open(Optional.of(pg.jdbcUrl()), pgData,
                new PoolSettings(8, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5)));
        DistrictServer district = DistrictServer.start(db,
                new ReceiverSettings(broker.url(), null, null, "district-a", Stations.DISTRICT, "district", Duration.ofSeconds(4)),
                new DistrictService.LedgerSettings(Duration.ofHours(1), Duration.ofHours(1), Optional.empty()),
                Duration.ofMinutes(10));
        TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"),
                List.of(DistrictKey.generate(Stations.DISTRICT).trustedKey()));
        List<CountingOutbox> outboxes = new ArrayList<>();
        List<SyncAgent> agents = new ArrayList<>();
        Set<UUID> recorded = new HashSet<>();
        try {
            Await.until(Duration.ofSeconds(30), "district subscribed", () -> district.receiver().ready(), () -> "not yet");
            for (int i = 0; i < STATIONS; i++) {
                CountingOutbox outbox = new CountingOutbox();
                recorded.addAll(append(outbox, BEFORE));
                SyncConfig config = Stations.config(broker.url(), String.format("out-%03d", i), dir)
                        .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5))
                        .heartbeat(Duration.ofMinutes(10))
                        .resendAfter(RESEND_FIRST)
                        .resendCap(RESEND_CAP)
                        .build();
                SyncAgent agent = new SyncAgent(config, new SyncAgent.Parts(outbox, Stations.SYSTEM_CLOCK, Stations.ZONE,
                        () -> trust, Stations.NO_DOWNLINKS, new InMemorySyncState(), null, null, null));
                outboxes.add(outbox);
                agents.add(agent);
                agent.start();
            }
            Await.until(Duration.ofSeconds(60), "first visits delivered",
                    () -> count(db, "SELECT count(*) FROM visit") == (long) STATIONS * BEFORE && waiting(outboxes) == 0,
                    () -> count(db, "SELECT count(*) FROM visit") + " stored, waiting " + waiting(outboxes));
            long resendsBefore = resends(outboxes);
            long resendBatchesBefore = outboxes.stream().mapToLong(CountingOutbox::resendBatches).sum();

            long receivedBefore = district.receiver().received();
            long down = System.nanoTime();
            pg.close(); // PostgreSQL stopped (fast shutdown: every connection of the pool breaks)
            for (int round = 0; round < DURING; round++) {
                for (CountingOutbox o : outboxes) {
                    recorded.addAll(append(o, 1));
                }
                sleepUntil(down, OUTAGE.multipliedBy(round + 1).dividedBy(DURING));
            }
            long resendsDuring = resends(outboxes) - resendsBefore;
            long resendBatchesDuring = outboxes.stream().mapToLong(CountingOutbox::resendBatches).sum() - resendBatchesBefore;
            long notAckedDuring = district.receiver().notAcknowledged();
            long receivedDuring = district.receiver().received() - receivedBefore;
            pg = EmbeddedPostgresServer.start(pgData, Duration.ofSeconds(60), port);
            double outage = (System.nanoTime() - down) / 1e9;

            Await.until(Duration.ofSeconds(90), "every visit stored after the restart",
                    () -> waiting(outboxes) == 0,
                    () -> count(db, "SELECT count(*) FROM visit") + " stored, waiting " + waiting(outboxes));
            double recovered = (System.nanoTime() - down) / 1e9 - outage;

            long stored = count(db, "SELECT count(*) FROM visit");
            Set<UUID> storedIds = uuids(db);
            Set<UUID> lost = new HashSet<>(recorded);
            lost.removeAll(storedIds);
            // each visit recorded in the outage was pending for the rest of it; the backoff allows it
            // the doubling steps up to the cap, then one resend per cap, plus one at each end; a
            // fixed timer would resend it once per RESEND_FIRST
            long bound = 0;
            long fixedTimer = 0;
            for (int round = 0; round < DURING; round++) {
                double pending = outage - OUTAGE.toSeconds() * round / (double) DURING;
                bound += STATIONS * (doublings() + (long) Math.ceil(pending / RESEND_CAP.toSeconds()) + 2);
                fixedTimer += STATIONS * (long) (pending / RESEND_FIRST.toSeconds());
            }
            System.out.printf("[figures] district outage: PostgreSQL down %.1f s; %d stations sent %d visits (%d during "
                            + "the outage); stored %d, lost %d; resends during the outage %d visits in %d drain rounds "
                            + "(%.2f visits per station-minute; bound %d; a fixed %d s timer: ~%d); district left its subscription %d time(s), received %d "
                            + "messages during the outage and left %d unacknowledged; all stored %.1f s after the restart%n",
                    outage, STATIONS, recorded.size(), STATIONS * DURING, stored, lost.size(), resendsDuring,
                    resendBatchesDuring, resendsDuring / (STATIONS * outage / 60), bound, RESEND_FIRST.toSeconds(), fixedTimer,
                    district.receiver().databaseOutages(), receivedDuring, notAckedDuring, recovered);

            assertEquals(Set.of(), lost, "visits lost");
            assertEquals(recorded, storedIds, "every recorded visit is stored");
            assertEquals(recorded.size(), stored, "each visit stored once");
            assertEquals(stored, count(db, "SELECT count(*) FROM (SELECT DISTINCT station_id, seq FROM visit) s"));
            assertEquals(1, district.receiver().databaseOutages(), "the receiver left the subscription once");
            assertTrue(notAckedDuring >= 1, "the message that failed to store was not acknowledged");
            assertTrue(resendsDuring <= bound, "resends during the outage " + resendsDuring + " > bound " + bound);
            // away from the subscription, the district is not handed the stations' resends
            assertTrue(receivedDuring <= STATIONS, "district received " + receivedDuring + " messages during the outage");
        } finally {
            stopAll(agents);
            district.close();
            db.close();
            pg.close();
            broker.close();
        }
    }

    /** @return how often the resend wait doubles before it reaches the cap */
    private static long doublings() {
        return 63 - Long.numberOfLeadingZeros(RESEND_CAP.toMillis() / RESEND_FIRST.toMillis());
    }

    private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
        long left = startNanos + after.toNanos() - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static List<UUID> append(CountingOutbox outbox, int n) {
        List<UUID> ids = new ArrayList<>();
        long next = outbox.stats(Instant.now()).highestSeq() + 1;
        for (int i = 0; i < n; i++) {
            long seq = next + i;
            WireVisit v = new WireVisit(UUID.randomUUID(), seq, 1, Instant.now(), Stations.ZONE.getId(),
                    String.format("%016x", seq), seq, "COURIER", List.of("HOT_WATER"), "CARD", true, seq);
            outbox.append(v);
            ids.add(v.uuid());
        }
        return ids;
    }

    private static long waiting(List<CountingOutbox> outboxes) {
        Instant now = Instant.now();
        return outboxes.stream().mapToLong(o -> o.stats(now).waiting()).sum();
    }

    private static long resends(List<CountingOutbox> outboxes) {
        return outboxes.stream().mapToLong(CountingOutbox::resends).sum();
    }

    private static long count(DistrictDatabase db, String sql) {
        try (var c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // the database is down
        }
    }

    private static Set<UUID> uuids(DistrictDatabase db) throws java.sql.SQLException {
        Set<UUID> out = new HashSet<>();
        try (var c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT visit_uuid FROM visit")) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    private static void stopAll(List<SyncAgent> agents) throws InterruptedException {
        ExecutorService stopper = Executors.newFixedThreadPool(16);
        agents.forEach(a -> stopper.execute(a::stop));
        stopper.shutdown();
        stopper.awaitTermination(1, TimeUnit.MINUTES);
    }
}

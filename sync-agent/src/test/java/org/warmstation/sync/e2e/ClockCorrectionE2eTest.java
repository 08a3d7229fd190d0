package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.time.ClockSyncWatcher;
import org.warmstation.visitlog.time.SimulatedBoot;
import org.warmstation.visitlog.time.SystemStationClock;

/**
 * Issue 13 item 2 end to end: a terminal without a battery clock boots "in 2019" (no NTP yet),
 * records visits and sends them over a real Mosquitto to the district on embedded PostgreSQL,
 * which files them under 2019. Then NTP syncs: the terminal's clock watcher re-dates the visits
 * from their time since boot (revision 2), the agent sends them again, and the district moves
 * them to their real day, in the visit table and in the month rollups.
 */
class ClockCorrectionE2eTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Instant WRONG_CLOCK = Instant.parse("2019-06-01T00:00:00Z");
    private static final int VISITS = 3;

    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e();

    @Test
    void visitsRecordedOnA2019ClockArriveOnTheirRealDateAfterTheClockIsCorrected() throws Exception {
        String st = "clock-2019-e2e";
        Path dir = E2E.dir().resolve(st);
        SimulatedBoot boot = new SimulatedBoot(dir.resolve("timesync"), WRONG_CLOCK, Duration.ofSeconds(40));
        SystemStationClock clock = boot.clock();
        List<Visit> recorded = new ArrayList<>();
        try (SqliteVisitStore store = new SqliteVisitStore(dir, InstantSource.system(), boot.bootId())) {
            for (int i = 0; i < VISITS; i++) {
                boot.advance(Duration.ofMinutes(7));
                recorded.add(store.record(unsyncedVisit(st, i, clock)));
            }
            SyncAgent agent = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(),
                    DistrictKey.generate(Stations.DISTRICT), clock);
            agent.start();
            try {
                Await.until(LONG, "the unsynced visits stored under 2019",
                        () -> visitsOn(st, LocalDate.of(2019, 6, 1), 1) == VISITS, agent::status);
                assertEquals(VISITS, monthVisits(st, LocalDate.of(2019, 6, 1)));

                boot.advance(Duration.ofMinutes(2));
                Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                boot.ntpSync(realNow);
                Instant bootedAt = realNow.minus(boot.sinceBoot());
                try (ClockSyncWatcher watcher = new ClockSyncWatcher(clock, store::correctUnsyncedVisits,
                        Duration.ofMillis(200)).start()) {
                    Instant firstReal = bootedAt.plus(recorded.getFirst().sinceBoot());
                    LocalDate realDay = firstReal.atZone(Stations.ZONE).toLocalDate();
                    Await.until(LONG, "the corrected visits moved to their real day at the district",
                            () -> correctedAtDistrict(st) == VISITS && Backlog.waiting(dir) == 0,
                            () -> correctedAtDistrict(st) + " corrected; " + agent.status() + "; polls " + watcher.polls());
                    for (Visit v : recorded) {
                        Instant real = bootedAt.plus(v.sinceBoot());
                        assertEquals(real, districtRecordedAt(v.id()), "visit " + v.sequence() + " re-dated by its time since boot");
                    }
                    assertEquals(0, visitsOn(st, LocalDate.of(2019, 6, 1), 1) + visitsOn(st, LocalDate.of(2019, 6, 1), 2),
                            "nothing left on the wrong clock's day");
                    assertEquals(0, monthVisits(st, LocalDate.of(2019, 6, 1)), "the 2019 month rollup is empty again");
                    long realMonth = recorded.stream().map(v -> bootedAt.plus(v.sinceBoot()).atZone(Stations.ZONE)
                            .toLocalDate().withDayOfMonth(1)).filter(m -> m.equals(realDay.withDayOfMonth(1))).count();
                    assertEquals(realMonth, monthVisits(st, realDay), "the real month's rollup counts them");
                    assertTrue(E2E.district().number("SELECT count(*) FROM visit WHERE station_id = '" + st
                            + "' AND local_date = DATE '" + realDay + "'") >= 1, "the real day shows the visits");
                    System.out.printf("[figures] %d visits recorded on a clock at %s re-dated to %s .. %s (revision 2) and"
                            + " stored on %s at the district%n", VISITS, WRONG_CLOCK, firstReal,
                            bootedAt.plus(recorded.getLast().sinceBoot()), realDay);
                }
            } finally {
                agent.stop();
            }
        }
    }

    private static Visit unsyncedVisit(String station, int n, SystemStationClock clock) {
        assertTrue(!clock.synced(), "the clock is not synced yet");
        return new Visit(UUID.randomUUID(), 0, station, clock.now(), Stations.ZONE,
                MemberId.ofHex(String.format("%016x", 0xc10c0 + n)), n + 1, WorkerCategory.COURIER,
                Set.of(Service.HOT_WATER), VisitSource.CARD, false, clock.sinceBoot());
    }

    private static long visitsOn(String station, LocalDate day, int revision) {
        return E2E.district().number("SELECT count(*) FROM visit WHERE station_id = '" + station
                + "' AND local_date = DATE '" + day + "' AND revision = " + revision);
    }

    private static long correctedAtDistrict(String station) {
        return E2E.district().number("SELECT count(*) FROM visit WHERE station_id = '" + station
                + "' AND revision = 2 AND clock_synced AND local_date > DATE '2020-01-01'");
    }

    private static long monthVisits(String station, LocalDate day) {
        return E2E.district().number("SELECT COALESCE(sum(visits), 0) FROM report_month_cell WHERE station_id = '"
                + station + "' AND month = DATE '" + day.withDayOfMonth(1) + "'");
    }

    private static Instant districtRecordedAt(UUID visit) throws Exception {
        try (Connection c = E2E.district().database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT recorded_at FROM visit WHERE visit_uuid = ?")) {
            ps.setObject(1, visit);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "visit " + visit + " at the district");
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}

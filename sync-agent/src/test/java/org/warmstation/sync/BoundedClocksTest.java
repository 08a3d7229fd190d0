package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;
import org.warmstation.sync.testing.TestDistrict;
import org.warmstation.visitlog.store.SqliteTimeFloor;
import org.warmstation.visitlog.time.BoundedClock;
import org.warmstation.visitlog.time.SimulatedBoot;

/**
 * Issue 13 item 3 at the station's sync agent, against a real Mosquitto: downlinks dated more than
 * 10 minutes ahead are refused without blocking later ones of their kind; days close only on a
 * synced clock; on a clock booted "in 2019" a correctly dated downlink is held until the
 * district's acks raise the persisted time floor, then applied.
 */
class BoundedClocksTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final String STATION = "clock-1";

    @TempDir
    Path tmp;
    MosquittoBroker broker;
    TestDistrict district;
    SyncAgent agent;
    Path dir;
    final DistrictKey key = DistrictKey.generate(Stations.DISTRICT);
    final Topics topics = new Topics(Stations.DISTRICT, STATION);

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startEphemeral(tmp);
        district = new TestDistrict(broker.url(), "test-district");
        dir = tmp.resolve("station");
        Backlog.fill(dir, STATION, 3);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
        district.close();
        broker.close();
    }

    private void send(DownlinkCommand cmd) {
        district.publish(topics.topic(Topics.Kind.DOWNLINK), Wire.encode(Downlink.sign(cmd, key)), Downlink.SCHEMA);
    }

    private StationSettings applied() throws Exception {
        Path file = dir.resolve("downlinks").resolve(FileDownlinkApplier.SETTINGS);
        return Files.exists(file) ? Wire.decode(Files.readAllBytes(file), StationSettings.class) : null;
    }

    private void startAgent(org.warmstation.visitlog.domain.StationClock clock) {
        agent = Stations.agent(Stations.config(broker.url(), STATION, dir).build(), key, clock);
        agent.start();
        Await.until(LONG, "the backlog synced", () -> Backlog.waiting(dir) == 0, agent::status);
    }

    @Test
    void aDownlinkDatedInTheFutureIsRefusedAndALaterCorrectlyDatedOneOfItsKindIsApplied() throws Exception {
        startAgent(Stations.SYSTEM_CLOCK);
        // the district's clock ran a year ahead when it signed this one
        send(DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.now().plus(Duration.ofDays(365)),
                new StationSettings(300, List.of("TOILET"), "未来")));
        Await.until(LONG, "the future one answered", () -> district.downlinkAcks().size() == 1, district::downlinkAcks);
        DownlinkAck refused = district.downlinkAcks().getFirst();
        assertEquals(DownlinkAck.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.message().startsWith("dated in the future"), refused.message());
        assertEquals(null, applied(), "nothing of it applied");

        send(DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.now(),
                new StationSettings(120, List.of("HOT_WATER"), "正常")));
        Await.until(LONG, "the correctly dated one answered", () -> district.downlinkAcks().size() == 2,
                district::downlinkAcks);
        assertEquals(DownlinkAck.Outcome.APPLIED, district.downlinkAcks().get(1).outcome(), district.downlinkAcks().toString());
        assertEquals("正常", applied().announcement());
    }

    @Test
    void daysAreClosedOnlyOnceTheClockIsSynced() throws Exception {
        Instant real = Instant.now();
        // not synced and a day ahead: "yesterday" on this clock is today, still open
        SimulatedBoot boot = new SimulatedBoot(tmp.resolve("timesync"), real.plus(Duration.ofDays(1)), Duration.ofMinutes(1));
        startAgent(boot.clock());
        LocalDate today = real.atZone(Stations.ZONE).toLocalDate();
        assertEquals(List.of(), agent.closeDay(today), "nothing closed on an unsynced clock");
        assertEquals(List.of(), district.summaries());

        boot.ntpSync(real);
        List<DaySummary> made = agent.closeDay(today);
        assertEquals(today, made.getLast().date());
        assertEquals(3, made.getLast().visitCount());
        Await.until(LONG, "the summary published", () -> !district.summaries().isEmpty(), district::summaries);
    }

    @Test
    void onAClockBootedIn2019ACorrectlyDatedDownlinkWaitsForTheDistrictsAckAndIsThenApplied() throws Exception {
        SimulatedBoot boot = new SimulatedBoot(tmp.resolve("timesync"), Instant.parse("2019-06-01T00:00:00Z"),
                Duration.ofMinutes(1));
        try (var c = org.warmstation.visitlog.store.VisitLogDatabase.open(dir); var st = c.createStatement()) {
            // the backlog was recorded on this clock: unsynced, "in 2019"
            st.executeUpdate("UPDATE visit SET clock_synced = 0, recorded_at_ms = " + boot.wall().toEpochMilli());
        }
        district.acking(false);
        Instant beforeAcks = Instant.now();
        try (SqliteTimeFloor floor = new SqliteTimeFloor(dir)) {
            BoundedClock clock = new BoundedClock(boot.clock(), floor);
            assertEquals(boot.wall(), clock.now(), "no time seen yet: the 2019 clock");
            agent = Stations.agent(Stations.config(broker.url(), STATION, dir).build(), key, clock);
            agent.start();
            // its first batch arrived (unacknowledged): it subscribed before publishing it
            Await.until(LONG, "the station subscribed and sending", () -> district.batches() > 0, agent::status);
            send(DownlinkCommand.settings(Stations.DISTRICT, STATION, Instant.now(),
                    new StationSettings(120, List.of("HOT_WATER"), "2019")));
            Await.until(LONG, "held: 2026 is years ahead of the unsynced 2019 clock", () -> agent.heldDownlinks() == 1,
                    agent::status);
            assertEquals(List.of(), district.downlinkAcks(), "held unanswered, neither applied nor refused");

            district.acking(true); // the next resend of the backlog is acknowledged: the district's time is known
            boot.advance(Duration.ofSeconds(10)); // time passes on the terminal: the unacknowledged backlog is resent
            Await.until(LONG, "answered once the acks raised the floor", () -> district.downlinkAcks().size() == 1,
                    () -> district.downlinkAcks() + " " + agent.status() + ", best time " + clock.now());
            assertEquals(DownlinkAck.Outcome.APPLIED, district.downlinkAcks().getFirst().outcome(),
                    district.downlinkAcks().toString());
            assertEquals("2019", applied().announcement());
            assertFalse(clock.now().isBefore(beforeAcks), "the acks' commit time is the station's best time: " + clock.now());
            assertFalse(clock.synced(), "still flagged unsynced");
            agent.stop();
            agent = null;
        }
        try (SqliteTimeFloor floor = new SqliteTimeFloor(dir)) {
            SimulatedBoot again = new SimulatedBoot(tmp.resolve("timesync2"), Instant.parse("2019-06-01T00:00:00Z"),
                    Duration.ofSeconds(5));
            assertFalse(new BoundedClock(again.clock(), floor).now().isBefore(beforeAcks), "kept over a restart");
        }
    }
}

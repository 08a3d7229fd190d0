package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncConfig;
import org.warmstation.visitlog.time.SystemStationClock;

/**
 * The sync part of {@code ./station demo}: the demo station's real {@link org.warmstation.sync.SyncAgent}
 * started at once, and on a background thread an in-process broker ({@link DemoBroker}) and the
 * district receiver ({@link DistrictServer}) with its embedded PostgreSQL in
 * {@code <demo data>/district}, so the kiosk window opens without waiting for them. Every two
 * seconds the count of this station's visits the district holds is read, for the staff screen. If
 * the broker or PostgreSQL cannot start, the kiosk runs on (visits wait in the outbox) and the
 * notice says why in one line. With a {@link Console}, the district also gets the simulated
 * Chaoyang district and serves the web console ({@link DemoConsole}); the demo station's birth
 * message carries its profile, its heartbeat the mock room sensors. {@link #sync()} and
 * {@link #notice()} never block.
 */
public final class DemoSyncServices implements StationServices {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSyncServices.class);

    private final AgentServices agent;
    private final Thread district;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String notice = "demo district starting…";
    private volatile long districtVisits = -1;
    private volatile DistrictDatabase database;
    private volatile DemoConsole console;

    /**
     * The demo's web console: where to serve it and where to print its URL and login.
     *
     * @param port preferred port on 127.0.0.1 (a free one when taken); 0 for any free one
     * @param out  prints a line (the URL, then the login)
     */
    public record Console(int port, Consumer<String> out) {
    }

    private DemoSyncServices(AgentServices agent, Path dataDir, int port, DemoStation station, Console web) {
        this.agent = agent;
        this.district = Thread.ofPlatform().name("demo-district").daemon(true)
                .unstarted(() -> runDistrict(dataDir, port, station, web));
    }

    /** @return the demo station's profile: its name, an address in Sanlitun, hours around the clock, every service */
    static StationProfile profile() {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of("00:00-24:00"));
        }
        return new StationProfile(DemoStation.STATION_NAME, "北京市朝阳区三里屯路11号", 39.9365, 116.4551,
                "010-6501-2468", hours, Arrays.stream(org.warmstation.visitlog.domain.Service.values())
                .map(Enum::name).toList(), DemoStation.ZONE.getId());
    }

    /**
     * Starts the demo's sync: the agent now, broker and district in the background. Returns at
     * once (well, after opening the agent's SQLite connections).
     *
     * @param dataDir the demo data directory
     * @param station the demo station
     * @return the running services
     * @throws IOException when no loopback port is free
     */
    public static DemoSyncServices start(Path dataDir, DemoStation station) throws IOException {
        return start(dataDir, station, null, null);
    }

    /**
     * Starts the demo's sync as {@link #start(Path, DemoStation)}, with the mock room sensors in the
     * heartbeat and, when {@code web} is given, the simulated district and the web console.
     *
     * @param dataDir the demo data directory
     * @param station the demo station
     * @param sensors the kiosk's peripheral states (room temperature, motion), or null
     * @param web     the console to serve, or null for none
     * @return the running services
     * @throws IOException when no loopback port is free
     */
    public static DemoSyncServices start(Path dataDir, DemoStation station, PeripheralStates sensors, Console web)
            throws IOException {
        int port = DemoBroker.freePort();
        SyncConfig config = SyncConfig.builder("tcp://127.0.0.1:" + port,
                        new Topics(DemoStation.DISTRICT, DemoStation.STATION_ID), dataDir)
                .appVersion(SyncWiring.APP_VERSION)
                .architecture(UpdateWiring.architecture(UpdateWiring.dpkg())) // as a terminal's birth says it
                .heartbeat(Duration.ofSeconds(10))
                .resendAfter(Duration.ofSeconds(10))
                .backoff(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(3))
                .insecureLab(true) // the demo's in-process broker on 127.0.0.1 (decision 0180)
                .build();
        // settings land where the kiosk reads them; trust and deny lists in downlinks/ (the demo's
        // verifier is fixed: the demo district key)
        FileDownlinkApplier applier = new FileDownlinkApplier(dataDir.resolve("downlinks/trust-list.txt"),
                dataDir.resolve("downlinks/deny-list.txt"), dataDir.resolve("station-settings.json"))
                .withTickets(dataDir);
        Clock clock = Clock.system(DemoStation.ZONE);
        AgentServices agent = SyncWiring.start(config, new SystemStationClock(), DemoStation.ZONE,
                station::trustList, applier, profile(), sensors == null ? null : RoomSensorProbes.temperature(sensors, clock),
                sensors == null ? null : RoomSensorProbes.motion(sensors, clock, DemoStation.ZONE));
        DemoSyncServices s = new DemoSyncServices(agent, dataDir, port, station, web);
        s.district.start();
        return s;
    }

    private void runDistrict(Path dataDir, int port, DemoStation station, Console web) {
        DemoBroker broker = null;
        DistrictDatabase db = null;
        DistrictServer server = null;
        long t0 = System.nanoTime();
        try {
            broker = DemoBroker.start(dataDir.resolve("broker"), port, Duration.ofSeconds(60));
            LOG.info("demo broker up after {} ms", (System.nanoTime() - t0) / 1_000_000);
            db = DistrictDatabase.open(Optional.empty(), dataDir.resolve("district"));
            database = db;
            seedCardLists(db, station);
            server = DistrictServer.start(db, new ReceiverSettings("tcp://127.0.0.1:" + port, null, null,
                            "demo-district", DemoStation.DISTRICT, "district", Duration.ofSeconds(3)),
                    new DistrictService.LedgerSettings(Duration.ofMinutes(1), Duration.ofMinutes(5),
                            Optional.of(station.key())), Duration.ofMinutes(1));
            LOG.info("demo district up after {} ms (broker 127.0.0.1:{}, PostgreSQL {})",
                    (System.nanoTime() - t0) / 1_000_000, port, dataDir.resolve("district"));
            notice = null;
            if (web != null) {
                startConsole(db, dataDir, web);
            }
            while (!stopping.await(2, TimeUnit.SECONDS)) {
                countVisits(db);
            }
        } catch (IOException | SQLException | org.eclipse.paho.mqttv5.common.MqttException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            notice = "demo district not available: " + (why.contains(" ") ? why : e.getClass().getSimpleName() + " " + why);
            LOG.warn("{} (the kiosk runs on; visits wait in the outbox)", notice);
            LOG.debug("demo district failure", e);
            awaitQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (console != null) {
                AgentServices.closeQuietly(console::close, "demo console");
            }
            if (server != null) {
                AgentServices.closeQuietly(server::close, "district server");
            }
            if (db != null) {
                AgentServices.closeQuietly(db::close, "district database");
            }
            if (broker != null) {
                AgentServices.closeQuietly(broker::close, "demo broker");
            }
            ended.countDown();
        }
    }

    /**
     * The demo district holds the demo's lists too (issue 11): it revokes the "revoked" sample card
     * and keeps the demo trust list as version 1, so that the lists it sends the station (on its
     * birth, and every 12 h) match the demo's and the staff screen shows them current.
     */
    private static void seedCardLists(DistrictDatabase db, DemoStation station) throws SQLException {
        var cards = new org.warmstation.district.cards.CardRevocations(db, DemoStation.DISTRICT);
        if (cards.revoked().stream().noneMatch(r -> r.serial() == DemoStation.REVOKED_SERIAL)) {
            cards.register(java.util.List.of(DemoStation.REVOKED_SERIAL));
            cards.revoke(DemoStation.REVOKED_SERIAL, org.warmstation.district.cards.RevocationReason.LOST, "demo",
                    java.time.Instant.now());
        }
        var trust = station.trustList();
        try {
            new org.warmstation.district.cards.TrustListPush(db, DemoStation.DISTRICT).push(
                    new org.warmstation.protocol.card.TrustList(trust.issuedAt(), trust.keys(), 1), "demo",
                    java.time.Instant.now());
        } catch (IllegalArgumentException e) {
            LOG.debug("demo trust list already at the district: {}", e.getMessage());
        }
    }

    private void startConsole(DistrictDatabase db, Path dataDir, Console web) {
        long t0 = System.nanoTime();
        try {
            console = DemoConsole.start(db, dataDir, web.port(), web.out());
            LOG.info("demo console up after {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("demo console not available: {} (the kiosk and the sync run on)", e.toString());
            LOG.debug("demo console failure", e);
        }
    }

    /** @return the console's base URL once it serves (tests), else empty */
    Optional<String> consoleUrl() {
        DemoConsole c = console;
        return c == null ? Optional.empty() : Optional.of(c.url());
    }

    private void awaitQuietly() {
        try {
            stopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void countVisits(DistrictDatabase db) {
        try (Connection c = db.connection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT count(*) FROM visit WHERE district_id = ? AND station_id = ?")) {
            st.setInt(1, DemoStation.DISTRICT);
            st.setString(2, DemoStation.STATION_ID);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                districtVisits = rs.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debug("district count: {}", e.toString());
        }
    }

    /** @return visits of the demo station the district holds, or -1 before the district is up */
    public long districtVisits() {
        return districtVisits;
    }

    /** @return the district's database once it is open (tests), else empty */
    Optional<DistrictDatabase> database() {
        return Optional.ofNullable(database);
    }

    /** @return the agent's services (tests) */
    AgentServices agent() {
        return agent;
    }

    @Override
    public Optional<SyncSnapshot> sync() {
        SyncSnapshot s = AgentServices.snapshot(agent.agent().status());
        long n = districtVisits;
        return Optional.of(n >= 0 ? s.withDistrictVisits(n) : s);
    }

    @Override
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** Stops the agent, then the district, its PostgreSQL and the broker; blocks up to ~30 s. */
    @Override
    public void close() {
        agent.close();
        stopping.countDown();
        try {
            if (!ended.await(30, TimeUnit.SECONDS)) {
                LOG.warn("demo district did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

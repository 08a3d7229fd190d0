package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.warmstation.terminal.kiosk.RealDistrict.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.kiosk.app.KioskRuntime;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.demo.DemoCard;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.kiosk.ui.SameThreadTaskExecutor;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;

/**
 * The kiosk with its sync agent wired in the way {@code ./station kiosk} and {@code ./station demo}
 * do it: a real Mosquitto, the real district receiver on an embedded PostgreSQL, the real SQLite
 * visit log; for the demo, the in-process HiveMQ broker and the demo's own district.
 */
class KioskSyncTest {
    private static final int DISTRICT = 110105;
    private static final String STATION = "CY-0042";

    @RegisterExtension
    static final RealDistrict real = new RealDistrict(DISTRICT);

    private static StationConfig station(Path dir) throws Exception {
        return real.station(dir, STATION, "望京驿站", 39.99, 116.47);
    }

    @Test
    void guestCheckInIsConfirmedByTheDistrictAndTheStaffScreenShowsConnectedWithNothingWaiting(@TempDir Path dir)
            throws Exception {
        StationConfig config = station(dir.resolve("station"));
        SameThreadTaskExecutor ui = new SameThreadTaskExecutor();
        KioskRuntime kiosk = KioskRuntime.fromConfig(config, ui);
        try {
            kiosk.attach(SyncWiring.start(config));
            kiosk.startServices();
            CheckInResult r = kiosk.visitService().checkInGuest(WorkerCategory.COURIER);
            Visit visit = ((CheckInResult.Welcome) r).visit();

            Supplier<SyncSnapshot> shown = () -> kiosk.viewModel().staff().sync().snapshotProperty().get();
            await(ui, "the staff screen shows connected and nothing waiting",
                    () -> shown.get() != null && shown.get().connected() && shown.get().waiting() == 0
                            && shown.get().lastSync().isPresent());
            assertEquals("CONFIRMED", outboxState(((SqliteVisitStore) kiosk.store()).file(), visit.sequence()));
            assertEquals(1, districtRows(real.database(), visit.id()), "the district stored the visit once");
            await(ui, "the district sees the station online with a heartbeat",
                    () -> DistrictStations.row(real.database(), DISTRICT, STATION)
                            .filter(s -> "ONLINE".equals(s.status()) && s.lastHeartbeat() != null).isPresent());
        } finally {
            kiosk.close();
        }
        await(new SameThreadTaskExecutor(), "the station stopped cleanly: OFFLINE at the district",
                () -> "OFFLINE".equals(DistrictStations.status(real.database(), DISTRICT, STATION)));
    }

    @Test
    void unreadablePasswordFileStopsOnlyTheSyncNamingTheKey(@TempDir Path dir) throws Exception {
        StationConfig good = station(dir.resolve("station"));
        Path props = dir.resolve("station/station.properties");
        Files.writeString(props, Files.readString(props) + "broker.username=cy-0042\nbroker.password.file=missing.pw\n");
        StationConfig config = StationConfig.load(props);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> SyncWiring.start(config));
        assertTrue(e.getMessage().startsWith("broker.password.file"), e.getMessage());
        KioskRuntime kiosk = KioskRuntime.fromConfig(good, new SameThreadTaskExecutor());
        try {
            assertTrue(kiosk.visitService().checkInGuest(WorkerCategory.SECURITY_GUARD) instanceof CheckInResult.Welcome,
                    "the kiosk still checks visitors in");
        } finally {
            kiosk.close();
        }
    }

    @Test
    void demoWhosePostgresCannotStartRunsOnAndSaysWhy(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("demo-data");
        SameThreadTaskExecutor ui = new SameThreadTaskExecutor();
        KioskRuntime kiosk = KioskRuntime.demo(data, ui);
        Files.writeString(data.resolve("district"), "not a directory"); // PostgreSQL cannot make its data dir
        DemoSyncServices services = DemoSyncServices.start(data, kiosk.demo().orElseThrow());
        try {
            kiosk.attach(services);
            kiosk.startServices();
            await(ui, "the notice says the district is not available", () -> kiosk.viewModel().staff().sync()
                    .noticeProperty().get().startsWith("demo district not available"));
            CheckInResult r = kiosk.visitService().checkInGuest(WorkerCategory.COURIER);
            assertTrue(r instanceof CheckInResult.Welcome, "the kiosk still checks visitors in: " + r);
            await(ui, "the visit waits in the outbox", () -> kiosk.viewModel().staff().sync().snapshotProperty().get()
                    .waiting() >= 1);
        } finally {
            kiosk.close();
        }
    }

    @Test
    void signedSettingsDownlinkPutsTheAnnouncementOnTheIdleScreen(@TempDir Path dir) throws Exception {
        StationConfig config = station(dir.resolve("station"));
        SameThreadTaskExecutor ui = new SameThreadTaskExecutor();
        KioskRuntime kiosk = KioskRuntime.fromConfig(config, ui);
        try {
            kiosk.attach(SyncWiring.start(config));
            kiosk.startServices();
            assertEquals("", kiosk.viewModel().announcementProperty().get());
            await(ui, "connected", () -> kiosk.viewModel().staff().sync().snapshotProperty().get() != null
                    && kiosk.viewModel().staff().sync().snapshotProperty().get().connected());
            String text = "寒潮预警：今夜最低气温-12°C，驿站通宵开放";
            DownlinkCommand command = DownlinkCommand.settings(DISTRICT, STATION, Instant.now(),
                    new StationSettings(300, List.of("HOT_WATER", "WARM_UP"), text));
            publish(new Topics(DISTRICT, STATION).topic(Topics.Kind.DOWNLINK),
                    Wire.encode(Downlink.sign(command, real.key())));
            await(ui, "the announcement on the idle screen",
                    () -> text.equals(kiosk.viewModel().announcementProperty().get()));
            assertEquals(java.util.EnumSet.of(org.warmstation.visitlog.domain.Service.HOT_WATER,
                    org.warmstation.visitlog.domain.Service.WARM_UP), kiosk.viewModel().offeredServices());

            // one signed by another key changes nothing
            publish(new Topics(DISTRICT, STATION).topic(Topics.Kind.DOWNLINK), Wire.encode(Downlink.sign(
                    DownlinkCommand.settings(DISTRICT, STATION, Instant.now().plusSeconds(1),
                            new StationSettings(300, List.of("HOT_WATER"), "forged")), DistrictKey.generate(DISTRICT))));
            ui.advance(Duration.ofSeconds(4));
            Thread.sleep(1500);
            ui.advance(Duration.ofSeconds(4));
            assertEquals(text, kiosk.viewModel().announcementProperty().get());
        } finally {
            kiosk.close();
        }
    }

    @Test
    void demoStartsBrokerAndDistrictAndACheckInReachesTheDistrictsPostgres(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("demo-data");
        SameThreadTaskExecutor ui = new SameThreadTaskExecutor();
        KioskRuntime kiosk = KioskRuntime.demo(data, ui);
        DemoSyncServices services = DemoSyncServices.start(data, kiosk.demo().orElseThrow());
        try {
            kiosk.attach(services);
            kiosk.startServices();
            DemoCard card = kiosk.demo().orElseThrow().cards().stream().filter(DemoCard::valid).findFirst().orElseThrow();
            CheckInResult r = kiosk.visitService().checkIn(card.qrText());
            Visit visit = ((CheckInResult.Welcome) r).visit();
            await(ui, "the staff screen shows the district holding the visit", () -> {
                SyncSnapshot s = kiosk.viewModel().staff().sync().snapshotProperty().get();
                return s != null && s.districtVisits().orElse(0) >= 1 && s.waiting() == 0;
            });
            assertEquals("", kiosk.viewModel().staff().sync().noticeProperty().get(),
                    "no notice once the district is up");
            DistrictDatabase db = services.database().orElseThrow();
            assertEquals(1, districtRows(db, visit.id()), "the demo district's PostgreSQL holds the visit");
            assertTrue(Files.isDirectory(data.resolve("district")), "PostgreSQL data in demo-data/district");
            // the demo district holds the demo's deny list (the "revoked" sample) and trust list and
            // sends them on the station's birth: the staff screen shows the lists current
            await(ui, "the station holds the district's lists", () -> {
                SyncSnapshot s = kiosk.viewModel().staff().sync().snapshotProperty().get();
                return s != null && s.lists().map(l -> l.denyVersion() == 1 && l.trustVersion() == 1
                        && !l.anyStale(java.time.Instant.now())).orElse(false);
            });
        } finally {
            kiosk.close(); // closes the services too
        }
    }


    private static void publish(String topic, byte[] payload) throws Exception {
        MqttClient c = new MqttClient(real.broker().url(), "test-" + UUID.randomUUID(), new MemoryPersistence());
        c.connect();
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        c.publish(topic, m);
        c.disconnect();
        c.close();
    }

    private static String outboxState(Path visitLog, long seq) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + visitLog);
             PreparedStatement st = c.prepareStatement("SELECT state FROM outbox WHERE seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "no outbox row";
            }
        }
    }

    private static int districtRows(DistrictDatabase db, UUID visit) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM visit WHERE visit_uuid = ?")) {
            st.setObject(1, visit);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.CameraScanner;
import org.warmstation.devices.scan.ImageFrames;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.kiosk.app.EnrollmentKiosk;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.demo.DemoCamera;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.provisioning.CliRun;
import org.warmstation.provisioning.enroll.EnrollmentIssuer;
import org.warmstation.provisioning.enroll.EnrollmentSheet;
import org.warmstation.provisioning.enroll.MosquittoPasswordLine;
import org.warmstation.terminal.StationCli;

/**
 * Station enrollment end to end (issue 5, decision 0060): the district key made by
 * {@code station district init}; the enrollment image made by {@code station station enroll}; a
 * real Mosquitto on 127.0.0.1 without anonymous access, its password file made from the printed
 * line and its ACL the shipped {@code docs/deploy/warmstation.acl}; the district receiver on an
 * embedded PostgreSQL; the terminal's enrollment screen on the headless JavaFX platform, the images
 * going through the simulated camera, CameraScanner and ZXing. Needs the Debian package mosquitto.
 */
class EnrollmentEndToEndTest {
    private static final int DISTRICT = 110105;
    private static final String STATION = "CY-0042";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void enrollmentQrWritesTheConfigConnectsWithItsCredentialAndTheStationIsOnlineAtTheDistrict() throws Exception {
        // district office: key, trust list, enrollment image
        Path keys = dir.resolve("office");
        assertEquals(0, CliRun.run(StationCli.commandLine(), "district", "init", "--district",
                Integer.toString(DISTRICT), "--dir", keys.toString()).exitCode());
        int port = MosquittoBroker.freePort();
        CliRun enroll = CliRun.run(StationCli.commandLine(), "station", "enroll",
                "--key", keys.resolve("district-" + DISTRICT + ".key").toString(),
                "--id", STATION, "--name", "望京街道暖心驿站", "--lat", "39.9961", "--lon", "116.47",
                "--broker", "tcp://127.0.0.1:" + port, "--out", keys.toString());
        assertEquals(0, enroll.exitCode(), enroll.err());
        String passwordLine = enroll.out().lines().filter(l -> l.startsWith(STATION + ":$7$")).findFirst()
                .orElseThrow(() -> new AssertionError("no password line in\n" + enroll.out()));
        assertTrue(enroll.out().contains("topic write ws/v1/" + DISTRICT + "/" + STATION + "/visits"), enroll.out());
        Path image = keys.resolve("enroll-" + STATION + ".png");

        // the terminal: only the district's trust list beside where its configuration will be
        Path etc = dir.resolve("terminal/etc");
        Files.createDirectories(etc);
        DistrictKey haidian = DistrictKey.generate(110108);
        TrustList office = TrustList.parse(Files.readString(keys.resolve("trust-list.txt")));
        Files.writeString(etc.resolve("trust-list.txt"), new TrustList(office.issuedAt(),
                List.of(office.keys().getFirst(), haidian.trustedKey())).format(), StandardCharsets.UTF_8);
        Path configFile = etc.resolve("station.properties");

        String districtPassword = EnrollmentIssuer.credential();
        try (MosquittoBroker broker = broker(dir.resolve("mosquitto"), port, List.of(passwordLine,
                MosquittoPasswordLine.of("district-a", districtPassword.toCharArray())));
             DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("district-pg"));
             DistrictServer district = DistrictServer.start(db, new ReceiverSettings("tcp://127.0.0.1:" + port,
                             "district-a", districtPassword, "district-a", DISTRICT, "district", Duration.ofSeconds(2)),
                     new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Optional.empty()),
                     Duration.ofMinutes(5))) {
            FxToolkit.start();
            DemoCamera camera = new DemoCamera(Duration.ofMillis(100));
            EnrollmentKiosk kiosk = new EnrollmentKiosk(new EnrollmentKiosk.Settings(configFile,
                    etc.resolve("trust-list.txt"), Set.of(DISTRICT), Map.of("scanner.source", "none")),
                    Optional.of(new CameraScanner(camera, new QrDecoder(), CameraScanner.Settings.defaults())),
                    new FxTaskExecutor(), FxTaskExecutor::new, (runtime, config) -> SyncWiring.start(config.orElseThrow()),
                    () -> { });
            Stage stage = FxToolkit.call(() -> {
                Stage s = new Stage();
                Scene scene = new Scene(kiosk.root());
                s.setScene(scene);
                s.show();
                kiosk.start(scene);
                return s;
            });
            try {
                assertTrue(FxToolkit.call(() -> stage.getScene().lookup("#screen-ENROLL") != null), "the enrollment screen first");

                // a genuine code of another district is refused with its reason; nothing is written
                StationEnrollment other = new StationEnrollment(110108, "HD-0001", "海淀驿站", 39.96, 116.3,
                        "tcp://127.0.0.1:" + port, EnrollmentIssuer.credential(), Instant.now().plusSeconds(3600),
                        haidian.keyId());
                camera.show(EnrollmentSheet.render(other, EnrollmentToken.sign(other, haidian.privateKey())));
                await("the other-district refusal", () -> FxToolkit.call(() -> "此注册码属于其他区，本终端不能注册到该区".equals(
                        ((Label) stage.getScene().lookup("#enroll-message-zh")).getText())));
                assertEquals("This enrollment code is for another district; this terminal cannot join it",
                        FxToolkit.call(() -> ((Label) stage.getScene().lookup("#enroll-message-en")).getText()));
                assertFalse(Files.exists(configFile));

                // the printed code: configuration written, kiosk shown, broker connected, station online
                camera.show(ImageFrames.read(image));
                await("the kiosk's idle screen", () -> FxToolkit.call(() -> stage.getScene().lookup("#screen-IDLE") != null));
                StationConfig config = StationConfig.load(configFile);
                assertEquals(STATION, config.stationId());
                assertEquals("望京街道暖心驿站", config.stationName());
                assertEquals(DISTRICT, config.districtId());
                assertEquals(39.9961, config.latitude());
                assertEquals(URI.create("tcp://127.0.0.1:" + port), config.brokerUrl());
                assertEquals(Optional.of(STATION), config.brokerUsername());
                assertTrue(config.sync().password().isEmpty(), "the configuration holds no password (decision 0201)");
                assertEquals(Optional.of(etc.resolve("broker.password")), config.sync().passwordFile());
                assertEquals(etc.resolve("trust-list.txt"), config.trustFile());

                await("the station ONLINE at the district", () -> "ONLINE".equals(DistrictStations.status(db, DISTRICT, STATION)));
                await("the staff screen's sync line connected", () -> FxToolkit.call(() -> kiosk.kiosk().orElseThrow().viewModel()
                        .staff().sync().snapshotProperty().get() != null && kiosk.kiosk().orElseThrow().viewModel()
                        .staff().sync().snapshotProperty().get().connected()));
            } finally {
                FxToolkit.run(stage::close);
                kiosk.close();
            }
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Mosquitto on 127.0.0.1 with a password file and the shipped ACL; no anonymous access. */
    private static MosquittoBroker broker(Path dir, int port, List<String> passwordLines) throws IOException {
        Files.createDirectories(dir);
        Path passwd = Files.write(dir.resolve("warmstation.passwd"), passwordLines);
        Path acl = Files.copy(Path.of("..", "docs", "deploy", "warmstation.acl"), dir.resolve("warmstation.acl"));
        return MosquittoBroker.startWithConfig(dir, "user " + System.getProperty("user.name")
                + "\nper_listener_settings false\nallow_anonymous false\npassword_file " + passwd
                + "\nacl_file " + acl + "\npersistence false\nlog_dest file " + dir.resolve("mosquitto.log")
                + "\nlistener " + port + " 127.0.0.1\nuse_username_as_clientid true\n", port);
    }
}

package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
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
        int port = freePort();
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
        try (Broker broker = Broker.start(dir.resolve("mosquitto"), port, List.of(passwordLine,
                MosquittoPasswordLine.of("district-a", districtPassword.toCharArray())));
             DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("district-pg"));
             DistrictServer district = DistrictServer.start(db, new ReceiverSettings("tcp://127.0.0.1:" + port,
                             "district-a", districtPassword, "district-a", DISTRICT, "district", Duration.ofSeconds(2)),
                     new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Optional.empty()),
                     Duration.ofMinutes(5))) {
            startFx();
            DemoCamera camera = new DemoCamera(Duration.ofMillis(100));
            EnrollmentKiosk kiosk = new EnrollmentKiosk(new EnrollmentKiosk.Settings(configFile,
                    etc.resolve("trust-list.txt"), Set.of(DISTRICT), Map.of("scanner.source", "none")),
                    Optional.of(new CameraScanner(camera, new QrDecoder(), CameraScanner.Settings.defaults())),
                    new FxTaskExecutor(), FxTaskExecutor::new, (runtime, config) -> SyncWiring.start(config.orElseThrow()),
                    () -> { });
            Stage stage = fx(() -> {
                Stage s = new Stage();
                Scene scene = new Scene(kiosk.root());
                s.setScene(scene);
                s.show();
                kiosk.start(scene);
                return s;
            });
            try {
                assertTrue(fx(() -> stage.getScene().lookup("#screen-ENROLL") != null), "the enrollment screen first");

                // a genuine code of another district is refused with its reason; nothing is written
                StationEnrollment other = new StationEnrollment(110108, "HD-0001", "海淀驿站", 39.96, 116.3,
                        "tcp://127.0.0.1:" + port, EnrollmentIssuer.credential(), Instant.now().plusSeconds(3600),
                        haidian.keyId());
                camera.show(EnrollmentSheet.render(other, EnrollmentToken.sign(other, haidian.privateKey())));
                await("the other-district refusal", () -> fx(() -> "此注册码属于其他区，本终端不能注册到该区".equals(
                        ((Label) stage.getScene().lookup("#enroll-message-zh")).getText())));
                assertEquals("This enrollment code is for another district; this terminal cannot join it",
                        fx(() -> ((Label) stage.getScene().lookup("#enroll-message-en")).getText()));
                assertFalse(Files.exists(configFile));

                // the printed code: configuration written, kiosk shown, broker connected, station online
                camera.show(ImageFrames.read(image));
                await("the kiosk's idle screen", () -> fx(() -> stage.getScene().lookup("#screen-IDLE") != null));
                StationConfig config = StationConfig.load(configFile);
                assertEquals(STATION, config.stationId());
                assertEquals("望京街道暖心驿站", config.stationName());
                assertEquals(DISTRICT, config.districtId());
                assertEquals(39.9961, config.latitude());
                assertEquals(URI.create("tcp://127.0.0.1:" + port), config.brokerUrl());
                assertEquals(Optional.of(STATION), config.brokerUsername());
                assertTrue(config.sync().password().isPresent());
                assertEquals(etc.resolve("trust-list.txt"), config.trustFile());

                await("the station ONLINE at the district", () -> "ONLINE".equals(status(db)));
                await("the staff screen's sync line connected", () -> fx(() -> kiosk.kiosk().orElseThrow().viewModel()
                        .staff().sync().snapshotProperty().get() != null && kiosk.kiosk().orElseThrow().viewModel()
                        .staff().sync().snapshotProperty().get().connected()));
            } finally {
                fx(() -> {
                    stage.close();
                    return null;
                });
                kiosk.close();
            }
        }
    }

    private static String status(DistrictDatabase db) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT status FROM station WHERE district_id = ? AND station_id = ?")) {
            st.setInt(1, DISTRICT);
            st.setString(2, STATION);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "no station row";
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

    private static void startFx() {
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            up.complete(null);
        }
        up.join();
        Platform.setImplicitExit(false);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    /** Mosquitto on 127.0.0.1 with a password file and the shipped ACL; no anonymous access. */
    private record Broker(Process process) implements AutoCloseable {
        static Broker start(Path dir, int port, List<String> passwordLines) throws Exception {
            Files.createDirectories(dir);
            Path passwd = Files.write(dir.resolve("warmstation.passwd"), passwordLines);
            Path acl = Files.copy(Path.of("..", "docs", "deploy", "warmstation.acl"), dir.resolve("warmstation.acl"));
            Path conf = Files.writeString(dir.resolve("mosquitto.conf"), "user " + System.getProperty("user.name")
                    + "\nper_listener_settings false\nallow_anonymous false\npassword_file " + passwd
                    + "\nacl_file " + acl + "\npersistence false\nlog_dest file " + dir.resolve("mosquitto.log")
                    + "\nlistener " + port + " 127.0.0.1\nuse_username_as_clientid true\n");
            String bin = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
            Process p = new ProcessBuilder(bin, "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && p.isAlive()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new Broker(p);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            p.destroyForcibly();
            throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.out")));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

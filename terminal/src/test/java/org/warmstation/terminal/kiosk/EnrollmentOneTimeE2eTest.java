package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.CameraScanner;
import org.warmstation.devices.scan.ImageFrames;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.enroll.EnrollmentStore;
import org.warmstation.kiosk.app.EnrolledConfig;
import org.warmstation.kiosk.app.EnrollmentKiosk;
import org.warmstation.kiosk.config.PendingEnrollment;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.demo.DemoCamera;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.mqtt.MosquittoPasswordFile;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.EnrollmentVerdict;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.provisioning.CliRun;
import org.warmstation.provisioning.enroll.EnrollmentIssuer;
import org.warmstation.provisioning.enroll.EnrollmentSheet;
import org.warmstation.terminal.StationCli;

/**
 * The one-time enrollment end to end (issue 13 item 1; decisions 0180–0182), with a real Mosquitto
 * whose stations' listener is TLS (a test CA made by openssl, the shipped ACL, no anonymous access),
 * the real district server on an embedded PostgreSQL keeping the broker's password file, and the
 * terminal's enrollment screen reading the printed code through the simulated camera:
 * {@code station enroll} pins the broker's CA and writes the register; {@code district-server
 * enrollment register} imports it (no line pasted by hand); the terminal enrolls over {@code ssl://},
 * gets a password the district drew, and is ONLINE; the QR's credential no longer logs in as the
 * station; a second terminal presenting the same code is refused, and the district recorded it.
 */
class EnrollmentOneTimeE2eTest {
    private static final int DISTRICT = 110105;
    private static final String STATION = "CY-0042";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void stationEnrollsOnceOverPinnedTlsAndTheCodeIsWorthlessAfterwards() throws Exception {
        // the district's broker: TLS for the stations (test CA), loopback for the district server
        // and the office's district key (LabSite); then the enrollment code of an ssl:// broker, pinned to the CA
        LabSite site = LabSite.prepare(dir, DISTRICT);
        Path pki = site.pki();
        Path passwd = site.passwd();
        Path office = site.office();
        int tlsPort = site.tlsPort();
        CliRun enroll = CliRun.run(StationCli.commandLine(), "station", "enroll",
                "--key", office.resolve("district-" + DISTRICT + ".key").toString(),
                "--id", STATION, "--name", "望京街道暖心驿站", "--lat", "39.9961", "--lon", "116.47",
                "--broker", "ssl://127.0.0.1:" + tlsPort, "--ca-file", pki.resolve("ca.crt").toString(),
                "--out", office.toString());
        assertEquals(0, enroll.exitCode(), enroll.err());
        Path image = office.resolve("enroll-" + STATION + ".png");
        TrustList officeTrust = TrustList.parse(Files.readString(office.resolve("trust-list.txt")));
        StationEnrollment code = ((EnrollmentVerdict.Accepted) new EnrollmentVerifier(officeTrust, Set.of())
                .verify(new QrDecoder().decode(ImageFrames.read(image)).orElseThrow(), Instant.now())).enrollment();

        try (MosquittoBroker broker = site.broker();
             DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("district-pg"));
             DistrictServer district = site.district(db, broker, Duration.ofMinutes(5))) {
            // the district host imports the register: the code's enrollment account reaches the broker
            CliRun register = CliRun.run(StationCli.commandLine(), "district-server", "enrollment", "register",
                    "--district", Integer.toString(DISTRICT), "--jdbc-url", db.url(), "--broker-passwd", passwd.toString(),
                    "--broker-pid-file", dir.resolve("mosquitto/mosquitto.pid").toString(),
                    office.resolve("enroll-" + STATION + ".register").toString());
            assertEquals(0, register.exitCode(), register.err());
            assertTrue(new MosquittoPasswordFile(passwd).contains("enroll." + STATION));
            assertFalse(new MosquittoPasswordFile(passwd).contains(STATION), "no station password before enrollment");

            // terminal A scans the printed code on its enrollment screen; its trust list also holds
            // another district's key, whose genuine code is refused as another district's
            DistrictKey haidian = DistrictKey.generate(110108);
            Path etcA = terminal("a", new TrustList(officeTrust.issuedAt(), List.of(officeTrust.keys().getFirst(),
                    haidian.trustedKey())));
            FxToolkit.start();
            DemoCamera camera = new DemoCamera(Duration.ofMillis(100));
            EnrollmentKiosk kiosk = new EnrollmentKiosk(new EnrollmentKiosk.Settings(etcA.resolve("station.properties"),
                    etcA.resolve("trust-list.txt"), Set.of(DISTRICT), Map.of("scanner.source", "none")),
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
            long t0 = System.nanoTime();
            try {
                assertTrue(FxToolkit.call(() -> stage.getScene().lookup("#screen-ENROLL") != null), "the enrollment screen first");
                // a genuine code of another district is refused with its reason; nothing is written
                StationEnrollment other = new StationEnrollment(110108, "HD-0001", "海淀驿站", 39.96, 116.3,
                        "ssl://127.0.0.1:" + tlsPort, EnrollmentIssuer.credential(), Instant.now().plusSeconds(3600),
                        haidian.keyId(), code.caPin());
                camera.show(EnrollmentSheet.render(other, EnrollmentToken.sign(other, haidian.privateKey())));
                await("the other-district refusal", () -> FxToolkit.call(() -> "此注册码属于其他区，本终端不能注册到该区".equals(
                        ((Label) stage.getScene().lookup("#enroll-message-zh")).getText())));
                assertFalse(Files.exists(etcA.resolve("station.properties")));

                camera.show(ImageFrames.read(image));
                await("the kiosk's idle screen", () -> FxToolkit.call(() -> stage.getScene().lookup("#screen-IDLE") != null));
                StationConfig config = StationConfig.load(etcA.resolve("station.properties"));
                assertEquals(URI.create("ssl://127.0.0.1:" + tlsPort), config.brokerUrl());
                assertEquals(Optional.of(TlsSockets.fingerprint(pki.resolve("ca.crt"))), config.sync().caPin());
                assertFalse(config.sync().insecureLab());
                assertFalse(FxToolkit.call(() -> org.warmstation.kiosk.ui.LabBanner.shown(stage.getScene().getRoot())),
                        "no lab banner on an ssl:// station");

                await("the station ONLINE at the district", () -> "ONLINE".equals(DistrictStations.status(db, DISTRICT, STATION)));
                System.out.printf("enrollment: code scanned to station ONLINE over pinned TLS in %d ms%n",
                        (System.nanoTime() - t0) / 1_000_000);

                // the station's own password: drawn by the district, in a file of its own, mode 600
                Path passwordFile = config.sync().passwordFile().orElseThrow();
                String password = Files.readString(passwordFile).strip();
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
                assertEquals(1, Files.readAllLines(passwordFile).size(), "only the password");
                assertNotEquals(code.credential(), password);
                assertFalse(Files.exists(PendingEnrollment.fileFor(config)), "the code's credential is gone from the terminal");
                assertFalse(Files.readString(etcA.resolve("station.properties")).contains(password), "not inline in the config");
                try (Connection c = db.connection()) {
                    var use = new EnrollmentStore().use(c, EnrollmentToken.codeId(code)).orElseThrow();
                    assertEquals(STATION, use.station());
                    assertTrue(use.stationKey() != null && !use.stationKey().isBlank(), "the day-summary key came along");
                    // registered by the enrollment, not by hand (decision 0195): key and epoch of the terminal's log
                    java.util.UUID epoch = org.warmstation.visitlog.store.LogEpoch.of(config.dataDir()).orElseThrow();
                    assertEquals(epoch.toString(), use.epochId(), "the visit log's epoch came along");
                    var epochs = new org.warmstation.district.db.EpochStore();
                    assertEquals(Optional.of(epoch), epochs.current(c, DISTRICT, STATION), "the station's current epoch");
                    assertEquals(Optional.of(use.stationKey()), epochs.summaryKey(c, DISTRICT, STATION, epoch),
                            "the enrollment registered the key that verifies this epoch's day summaries");
                }

                // the QR's credential no longer logs in as the station; the district's password does
                MqttException refused = assertThrows(MqttException.class,
                        () -> tlsLogin(tlsPort, pki, STATION, code.credential()));
                System.out.println("the QR's credential as the station: " + refused.getMessage());
                tlsLogin(tlsPort, pki, STATION, password);
            } finally {
                FxToolkit.run(stage::close);
                kiosk.close();
            }

            // terminal B, the same printed code: enrolls on its side, and the district refuses it
            Path etcB = terminal("b", officeTrust);
            StationConfig configB = EnrolledConfig.write(code, etcB.resolve("station.properties"),
                    etcB.resolve("trust-list.txt"), Map.of("scanner.source", "none"));
            try (StationServices b = SyncWiring.start(configB)) {
                await("the district's refusal on terminal B's staff screen", () -> b.sync().orElseThrow().problem()
                        .filter(p -> p.contains("refused") && p.contains("ALREADY_USED")).isPresent());
            }
            try (Connection c = db.connection()) {
                var refusals = new EnrollmentStore().refusals(c, DISTRICT, STATION);
                assertEquals(1, refusals.size(), refusals.toString());
                assertEquals(EnrollReply.Refusal.ALREADY_USED, refusals.getFirst().reason());
                assertEquals(PendingEnrollment.read(PendingEnrollment.fileFor(configB)).orElseThrow().terminalId(),
                        refusals.getFirst().terminalId(), "the refused terminal is recorded");
            }
            assertFalse(Files.exists(configB.sync().passwordFile().orElseThrow()), "terminal B got no password");
            tlsLogin(tlsPort, pki, STATION, Files.readString(etcA.resolve("broker.password")).strip()); // A's still works
        }
    }

    /** A terminal's /etc/warm-station: only the district's trust list, as the package installs it. */
    private Path terminal(String name, TrustList trust) throws Exception {
        Path etc = Files.createDirectories(dir.resolve("terminal-" + name + "/etc"));
        Files.writeString(etc.resolve("trust-list.txt"), trust.format(), StandardCharsets.UTF_8);
        return etc;
    }

    /** Logs in over TLS (trusting the test CA) and out again; throws when the broker refuses. */
    static void tlsLogin(int port, Path pki, String user, String password) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient("ssl://127.0.0.1:" + port, user, new MemoryPersistence());
        try {
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setSocketFactory(TlsSockets.trusting(pki.resolve("ca.crt")));
            o.setHttpsHostnameVerificationEnabled(true);
            if (password != null) {
                o.setUserName(user);
                o.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            o.setConnectionTimeout(10);
            c.connect(o).waitForCompletion(15_000);
            c.disconnect().waitForCompletion(5_000);
        } finally {
            c.close(true);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Mosquitto as docs/deploy/mosquitto.conf sets it up: a TLS listener for the stations and a
     * loopback one for the district, the shipped ACL, the password file the district keeps, and a
     * pid file for the reload.
     */
    static MosquittoBroker broker(Path dir, int tlsPort, int localPort, Path pki, Path passwd) throws Exception {
        Files.createDirectories(dir);
        Path acl = Files.writeString(dir.resolve("warmstation.acl"), Files.readString(
                Path.of("..", "docs", "deploy", "warmstation.acl")).replace("/110105/", "/" + DISTRICT + "/"));
        return MosquittoBroker.startWithConfig(dir, String.join("\n", List.of(
                "user " + System.getProperty("user.name"),
                "per_listener_settings false",
                "pid_file " + dir.resolve("mosquitto.pid"),
                "persistence false",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "listener " + tlsPort + " 127.0.0.1",
                "use_username_as_clientid true",
                "certfile " + pki.resolve("broker.crt"),
                "keyfile " + pki.resolve("broker.key"),
                "cafile " + pki.resolve("ca.crt"),
                "listener " + localPort + " 127.0.0.1",
                "use_username_as_clientid true",
                "allow_anonymous false",
                "password_file " + passwd,
                "acl_file " + acl)) + "\n", localPort);
    }
}

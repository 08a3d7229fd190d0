package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.terminal.kiosk.EnrollmentOneTimeE2eTest.await;
import static org.warmstation.terminal.kiosk.EnrollmentOneTimeE2eTest.broker;
import static org.warmstation.terminal.kiosk.EnrollmentOneTimeE2eTest.tlsLogin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.ImageFrames;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.EpochStore;
import org.warmstation.district.ledger.Finding;
import org.warmstation.district.ledger.LedgerStore;
import org.warmstation.kiosk.app.EnrolledConfig;
import org.warmstation.kiosk.app.KioskLauncher;
import org.warmstation.kiosk.app.KioskRuntime;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.enroll.EnrollmentVerdict;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.provisioning.CliRun;
import org.warmstation.sync.store.StationKeyStore;
import org.warmstation.terminal.StationCli;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * Re-enrollment of a damaged terminal from the kiosk end to end (issue 13 item 5, decision 0225),
 * on the set-up of {@link EnrollmentOneTimeE2eTest} (Mosquitto with a TLS listener and the shipped
 * ACL, the district server on an embedded PostgreSQL keeping the password file): a terminal
 * enrolled with one code; its visit log damaged, so the kiosk starts a fresh log under a new epoch
 * with a new day-summary key, whose day summary the district cannot verify (UNKNOWN_STATION_KEY);
 * the staff tap "re-enroll" on the damaged screen, enter the PIN, are refused another station's
 * code, and scan a new code of the station: the district registers the new epoch with the
 * terminal's new key, the terminal gets a new password and syncs on, and the day summary of the
 * new epoch reconciles without a finding. No hand step.
 */
class ReenrollAfterDamageE2eTest {
    private static final int DISTRICT = 110105;
    private static final String STATION = "CY-0042";
    private static final String PIN = "246810";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void damagedTerminalReEnrollsFromTheKioskAndItsNewEpochsSummaryReconciles() throws Exception {
        LabSite site = LabSite.prepare(dir, DISTRICT);
        Path pki = site.pki();
        Path passwd = site.passwd();
        Path office = site.office();
        int tlsPort = site.tlsPort();
        TrustList trust = TrustList.parse(Files.readString(office.resolve("trust-list.txt")));
        Path first = code(office, "first", STATION, tlsPort, pki);
        Path second = code(office, "second", STATION, tlsPort, pki);
        Path stranger = code(office, "stranger", "CY-0099", tlsPort, pki);

        try (MosquittoBroker broker = site.broker();
             DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("district-pg"));
             DistrictServer district = site.district(db, broker, Duration.ZERO)) {
            // the terminal enrolls with the first code, as in EnrollmentOneTimeE2eTest
            register(db, passwd, first);
            Path etc = Files.createDirectories(dir.resolve("terminal/etc"));
            Files.writeString(etc.resolve("trust-list.txt"), trust.format(), StandardCharsets.UTF_8);
            StationConfig config = EnrolledConfig.write(enrollment(trust, first), etc.resolve("station.properties"),
                    etc.resolve("trust-list.txt"), Map.of("scanner.source", "none",
                            "staff.pin", StaffPin.hash(PIN.toCharArray()).encoded()));
            UUID oldEpoch = LogEpoch.of(config.dataDir()).orElseThrow();
            try (var services = SyncWiring.start(config)) {
                await("the first enrollment registers the first epoch", () -> current(db).equals(Optional.of(oldEpoch))
                        && "ONLINE".equals(DistrictStations.status(db, DISTRICT, STATION)));
            }
            String oldKey = Base64.getEncoder().encodeToString(
                    StationKeyStore.loadOrCreate(config.dataDir()).getPublic().getEncoded());
            Path passwordFile = config.sync().passwordFile().orElseThrow();
            String oldPassword = Files.readString(passwordFile).strip();

            // the visit log is damaged: the kiosk sets it aside and starts a fresh log, new epoch, new key
            Files.write(VisitLogDatabase.file(config.dataDir()), "power cut mid write ".repeat(400)
                    .getBytes(StandardCharsets.US_ASCII));
            Files.deleteIfExists(config.dataDir().resolve("visits.db-wal"));
            FxToolkit.start();
            KioskRuntime kiosk = KioskRuntime.fromConfig(config, new FxTaskExecutor());
            KioskLauncher.ServicesFactory services = (r, c) -> SyncWiring.start(c.orElseThrow());
            kiosk.attach(services.start(kiosk, Optional.of(config)));
            kiosk.enableReenrollment(config, services);
            Stage stage = FxToolkit.call(() -> {
                Stage s = new Stage();
                Scene scene = new Scene(kiosk.root(() -> { }));
                s.setScene(scene);
                s.show();
                kiosk.start(scene);
                return s;
            });
            try {
                FxToolkit.waitFor("the damaged screen", WAIT, () -> find(stage, "#screen-DAMAGED") != null);
                UUID newEpoch = LogEpoch.of(config.dataDir()).orElseThrow();
                assertNotEquals(oldEpoch, newEpoch);
                KeyPair newKey = StationKeyStore.loadOrCreate(config.dataDir());
                Visit visit = ((CheckInResult.Welcome) kiosk.visitService().checkInGuest(WorkerCategory.COURIER)).visit();
                // the old password still logs the station in: the new epoch's visit arrives, its summary does not verify
                await("the new epoch's visit at the district", () -> visitsOfEpoch(db, newEpoch) == 1);
                DaySummary summary = summary(visit, newEpoch, newKey, config);
                // delivered as QoS 1 would: again until the district may acknowledge it (stored)
                String ledger = new Topics(DISTRICT, STATION).topic(Topics.Kind.LEDGER);
                await("the new epoch's summary stored", () -> district.service().handle(ledger, Wire.encode(summary)));
                // reconciled once its receipt is past (grace 0, the district's clock): before re-enrollment the key is unknown
                List<List<Finding.Kind>> seen = new java.util.ArrayList<>(List.of(List.of()));
                try {
                    await("the new epoch's summary an UNKNOWN_STATION_KEY finding", () -> {
                        seen.set(0, findings(district));
                        return seen.getFirst().equals(List.of(Finding.Kind.UNKNOWN_STATION_KEY));
                    });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; open findings of the station: " + seen.getFirst()
                            + ", its day summaries: " + summaries(db), e);
                }

                // the district registers a second code of the same station; staff re-enroll from the kiosk
                register(db, passwd, second);
                FxToolkit.run(() -> ((Button) find(stage, "#damaged-reenroll")).fire());
                FxToolkit.waitFor("the PIN keypad", WAIT, () -> find(stage, "#screen-STAFF_PIN") != null);
                FxToolkit.run(() -> {
                    PIN.chars().forEach(ch -> kiosk.viewModel().pinDigit(ch - '0'));
                    kiosk.viewModel().pinSubmit();
                });
                FxToolkit.waitFor("the re-enrollment screen", WAIT, () -> find(stage, "#screen-STAFF_REENROLL") != null);
                String strangerText = text(stranger);
                FxToolkit.run(() -> kiosk.viewModel().scanned(strangerText));
                FxToolkit.waitFor("another station's code refused", WAIT, () -> "此注册码属于其他驿站，本终端只能用本站的新注册码重新登记"
                        .equals(((Label) find(stage, "#enroll-message-zh")).getText()));
                assertEquals(Optional.of(oldKey), summaryKey(db, newEpoch),
                        "still the station's old key: nothing registered for another station's code");

                long t0 = System.nanoTime();
                String secondText = text(second);
                FxToolkit.run(() -> kiosk.viewModel().scanned(secondText));
                await("the district's current epoch is the new one, with the terminal's new key",
                        () -> current(db).equals(Optional.of(newEpoch)) && summaryKey(db, newEpoch)
                                .equals(Optional.of(Base64.getEncoder().encodeToString(newKey.getPublic().getEncoded()))));
                await("the terminal syncs again with its new password", () -> !Files.readString(passwordFile).strip()
                        .equals(oldPassword) && kiosk.services().sync().filter(s -> s.connected()).isPresent());
                System.out.printf("re-enrollment: code scanned to new epoch registered and agent connected in %d ms%n",
                        (System.nanoTime() - t0) / 1_000_000);
                assertEquals(Optional.of(oldKey), summaryKey(db, oldEpoch), "the old epoch keeps its key");
                assertEquals(List.of(), findings(district), "the new epoch's summary reconciles: no unknown key");
                assertThrows(MqttException.class, () -> tlsLogin(tlsPort, pki, STATION, oldPassword),
                        "the password before re-enrollment no longer logs in");
                assertFalse(Files.exists(config.dataDir().resolve("enrollment.pending")), "the new code's credential is gone");
            } finally {
                FxToolkit.run(stage::close);
                kiosk.close();
            }
        }
    }

    /** {@code station enroll} for a station into its own folder: the code's image. */
    private static Path code(Path office, String name, String station, int tlsPort, Path pki) {
        Path out = office.resolve(name);
        CliRun enroll = CliRun.run(StationCli.commandLine(), "station", "enroll",
                "--key", office.resolve("district-" + DISTRICT + ".key").toString(),
                "--id", station, "--name", "望京街道暖心驿站", "--lat", "39.9961", "--lon", "116.47",
                "--broker", "ssl://127.0.0.1:" + tlsPort, "--ca-file", pki.resolve("ca.crt").toString(),
                "--out", out.toString());
        assertEquals(0, enroll.exitCode(), enroll.err());
        return out.resolve("enroll-" + station + ".png");
    }

    /** {@code district-server enrollment register} of the code beside the image. */
    private void register(DistrictDatabase db, Path passwd, Path image) {
        CliRun register = CliRun.run(StationCli.commandLine(), "district-server", "enrollment", "register",
                "--district", Integer.toString(DISTRICT), "--jdbc-url", db.url(), "--broker-passwd", passwd.toString(),
                "--broker-pid-file", dir.resolve("mosquitto/mosquitto.pid").toString(),
                image.toString().replace(".png", ".register"));
        assertEquals(0, register.exitCode(), register.err());
    }

    private static String text(Path image) throws Exception {
        return new QrDecoder().decode(ImageFrames.read(image)).orElseThrow();
    }

    private static StationEnrollment enrollment(TrustList trust, Path image) throws Exception {
        return ((EnrollmentVerdict.Accepted) new EnrollmentVerifier(trust, java.util.Set.of())
                .verify(text(image), Instant.now())).enrollment();
    }

    /** The day summary the terminal's ledger would sign for the visit's day, with the key it holds. */
    private static DaySummary summary(Visit visit, UUID epoch, KeyPair key, StationConfig config) {
        String chain = DaySummary.chain(DaySummary.GENESIS_HASH, List.of(visit.id()).iterator());
        return DaySummary.sign(DISTRICT, STATION, visit.recordedAt().atZone(config.zone()).toLocalDate(), config.zone(),
                visit.sequence(), visit.sequence(), DaySummary.GENESIS_HASH, chain, key, epoch);
    }

    private static List<Finding.Kind> findings(DistrictServer district) throws Exception {
        return district.service().reconcile().stream().map(LedgerStore.OpenFinding::finding)
                .filter(f -> f.station().equals(STATION)).map(Finding::kind).toList();
    }

    /** The station's stored day summaries as "epoch day signature_ok reconciled_at", for a failure message. */
    private static List<String> summaries(DistrictDatabase db) throws Exception {
        try (Connection c = db.connection(); var ps = c.prepareStatement("""
                SELECT epoch, day, signature_ok, received_at, reconciled_at FROM day_summary WHERE station_id = ?""")) {
            ps.setString(1, STATION);
            List<String> out = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " ok=" + rs.getBoolean(3) + " received "
                            + rs.getString(4) + " reconciled " + rs.getString(5));
                }
            }
            return out;
        }
    }

    private static Optional<UUID> current(DistrictDatabase db) throws Exception {
        try (Connection c = db.connection()) {
            return new EpochStore().current(c, DISTRICT, STATION);
        }
    }

    private static Optional<String> summaryKey(DistrictDatabase db, UUID epoch) throws Exception {
        try (Connection c = db.connection()) {
            return new EpochStore().summaryKey(c, DISTRICT, STATION, epoch);
        }
    }

    private static long visitsOfEpoch(DistrictDatabase db, UUID epoch) throws Exception {
        try (Connection c = db.connection();
             var ps = c.prepareStatement("SELECT count(*) FROM visit WHERE station_id = ? AND epoch = ?")) {
            ps.setString(1, STATION);
            ps.setObject(2, epoch);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Node find(Stage stage, String selector) {
        return stage.getScene().lookup(selector);
    }
}

package org.warmstation.provisioning.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.provisioning.CliRun;

class StationInitTest {
    @TempDir
    Path dir;
    Path trust;
    Path out;

    @BeforeEach
    void district() {
        Path keys = dir.resolve("keys");
        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", keys.toString()).exitCode());
        trust = keys.resolve("trust-list.txt");
        out = dir.resolve("etc/station.properties");
    }

    private List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("station", "init", "--id", "CY-0042", "--name", "望京街道暖心驿站",
                "--district", "110105", "--lat", "39.9961", "--lon", "116.4700", "--broker", "ssl://mqtt.example.cn:8883",
                "--trust", trust.toString(), "--out", out.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    private static List<String> replace(List<String> args, String option, String value) {
        List<String> a = new ArrayList<>(args);
        a.set(a.indexOf(option) + 1, value);
        return a;
    }

    @Test
    void writesAConfigThatLoadsBackWithTheTrustListBesideIt() throws Exception {
        CliRun r = CliRun.run(args("--pin", "482613").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        StationConfig c = StationConfig.load(out);
        assertEquals("CY-0042", c.stationId());
        assertEquals("望京街道暖心驿站", c.stationName());
        assertEquals(110105, c.districtId());
        assertEquals(39.9961, c.latitude(), 1e-9);
        assertEquals(URI.create("ssl://mqtt.example.cn:8883"), c.brokerUrl());
        assertEquals(out.getParent().resolve("trust-list.txt"), c.trustFile());
        assertEquals(Files.readString(trust), Files.readString(c.trustFile()));
        assertEquals(out.getParent().resolve("data"), c.dataDir());
        assertTrue(c.staffPin().orElseThrow().matches("482613".toCharArray()));
        assertFalse(Files.readString(out).contains("482613"));
    }

    @Test
    void profileOptionsAreWrittenAndDefaultsAreHoursNotPublishedAndEveryService() throws Exception {
        CliRun r = CliRun.run(args("--address", "北京市朝阳区望京街10号", "--phone", "010-6470 1234",
                "--hours", "MON-FRI 08:00-20:00; SAT,SUN 09:00-17:00", "--services", "TOILET,HOT_WATER").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        StationConfig c = StationConfig.load(out);
        assertEquals("北京市朝阳区望京街10号", c.profile().address());
        assertEquals("010-6470 1234", c.profile().phone());
        assertEquals(List.of("09:00-17:00"), c.profile().openingHours().get(java.time.DayOfWeek.SUNDAY));
        assertEquals(List.of("HOT_WATER", "TOILET"), c.profile().serviceNames());
        assertEquals(0, CliRun.run(args("--force").toArray(String[]::new)).exitCode());
        StationConfig plain = StationConfig.load(out);
        assertTrue(plain.profile().openingHours().isEmpty());
        assertEquals(8, plain.profile().serviceNames().size());
    }

    @ParameterizedTest
    @CsvSource({"--hours, MON-FRI 8-20, station.hours", "--services, HOT_WATER;SAUNA, station.services"})
    void badProfileValueIsAUsageErrorNamingOptionAndKey(String option, String value, String key) {
        CliRun r = CliRun.run(args(option, value).toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains(option) && r.err().contains(key), r.err());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @CsvSource({"--district, 11010, district.id", "--lat, 95, location.latitude", "--lon, east, location.longitude",
            "--broker, http://x, broker.url", "--id, cy 42, station.id"})
    void badValueIsAUsageErrorNamingOptionAndKey(String option, String value, String key) {
        CliRun r = CliRun.run(replace(args(), option, value).toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains(option) && r.err().contains(key), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void existingConfigIsKeptUnlessForced() throws Exception {
        assertEquals(0, CliRun.run(args().toArray(String[]::new)).exitCode());
        CliRun again = CliRun.run(replace(args(), "--id", "CY-0043").toArray(String[]::new));
        assertEquals(1, again.exitCode(), again.toString());
        assertEquals("CY-0042", StationConfig.load(out).stationId());
        CliRun forced = CliRun.run(replace(args("--force"), "--id", "CY-0043").toArray(String[]::new));
        assertEquals(0, forced.exitCode(), forced.toString());
        assertEquals("CY-0043", StationConfig.load(out).stationId());
    }

    @Test
    void trustListWithoutTheStationsDistrictIsRefused() {
        CliRun r = CliRun.run(replace(args(), "--district", "110108").toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("110108"), r.err());
    }

    @Test
    void shortPinIsRefused() {
        CliRun r = CliRun.run(args("--pin", "12").toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void caFileBecomesThePinAndInsecureLabAllowsPlainTcp() throws Exception {
        Path ca = dir.resolve("ca.crt");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", "2", "-subj", "/CN=test-ca", "-keyout", dir.resolve("ca.key").toString(),
                "-out", ca.toString()).redirectErrorStream(true).start();
        String made = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, made);
        CliRun pinned = CliRun.run(args("--ca-file", ca.toString()).toArray(String[]::new));
        assertEquals(0, pinned.exitCode(), pinned.err());
        assertEquals(java.util.Optional.of(org.warmstation.mqtt.TlsSockets.fingerprint(ca)),
                StationConfig.load(out).sync().caPin());
        assertFalse(pinned.out().contains("note:"), pinned.out());

        CliRun lab = CliRun.run(replace(args("--force", "--insecure-lab"), "--broker", "tcp://127.0.0.1:1883")
                .toArray(String[]::new));
        assertEquals(0, lab.exitCode(), lab.err());
        assertTrue(StationConfig.load(out).sync().insecureLab());
        CliRun plain = CliRun.run(replace(args("--force"), "--broker", "tcp://127.0.0.1:1883").toArray(String[]::new));
        assertTrue(plain.out().contains("--insecure-lab"), "says the agent will refuse it: " + plain.out());

        CliRun badCa = CliRun.run(args("--force", "--ca-file", dir.resolve("missing.crt").toString()).toArray(String[]::new));
        assertEquals(2, badCa.exitCode());
        assertTrue(badCa.err().startsWith("station init: --ca-file: "), badCa.err());
    }
}

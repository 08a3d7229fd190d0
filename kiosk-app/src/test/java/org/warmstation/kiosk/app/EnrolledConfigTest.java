package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.config.ScannerSettings;
import org.warmstation.kiosk.config.PendingEnrollment;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.visitlog.secret.PasswordFile;

class EnrolledConfigTest {
    @TempDir
    Path dir;

    private final DistrictKey key = DistrictKey.generate(110105);

    private static final String PIN = "0123456789abcdef".repeat(4);

    private StationEnrollment enrollment(String stationId) {
        return new StationEnrollment(110105, stationId, "望京街道暖心驿站", 39.9961, 116.47, "ssl://mqtt.example.cn:8883",
                "q8Xr2mLwTz9KpV4nYc", Instant.parse("2030-01-01T00:00:00Z"), key.keyId(), PIN);
    }

    private StationEnrollment labEnrollment() {
        return new StationEnrollment(110105, "CY-0042", "望京街道暖心驿站", 39.9961, 116.47, "tcp://127.0.0.1:1883",
                "q8Xr2mLwTz9KpV4nYc", Instant.parse("2030-01-01T00:00:00Z"), key.keyId());
    }

    private Path trustList(Path where) throws IOException {
        Files.createDirectories(where.getParent());
        return Files.writeString(where, new TrustList(Instant.parse("2026-11-01T00:00:00Z"),
                List.of(key.trustedKey())).format(), StandardCharsets.UTF_8);
    }

    @Test
    void enrollmentWritesAPrivateConfigThatLoadsWithTheCodesValuesAndCopiesTheTrustList() throws Exception {
        Path trust = trustList(dir.resolve("usb/trust-list.txt"));
        Path file = dir.resolve("etc/station.properties");
        StationConfig c = EnrolledConfig.write(enrollment("CY-0042"), file, trust, Map.of("scanner.source", "none"));

        StationConfig read = StationConfig.load(file);
        assertEquals(c, read);
        assertEquals("CY-0042", read.stationId());
        assertEquals("望京街道暖心驿站", read.stationName());
        assertEquals(110105, read.districtId());
        assertEquals(39.9961, read.latitude());
        assertEquals(116.47, read.longitude());
        assertEquals(URI.create("ssl://mqtt.example.cn:8883"), read.brokerUrl());
        assertEquals(Optional.of(PIN), read.sync().caPin(), "the station trusts only the pinned CA");
        assertFalse(read.sync().insecureLab());
        assertEquals(Optional.of("CY-0042"), read.brokerUsername());
        assertEquals(Optional.empty(), read.sync().password(), "the code's credential is not the station's password");
        assertEquals(Optional.of(dir.resolve("etc/broker.password")), read.sync().passwordFile());
        PendingEnrollment pending = PendingEnrollment.read(PendingEnrollment.fileFor(read)).orElseThrow();
        assertEquals("q8Xr2mLwTz9KpV4nYc", pending.credential());
        assertEquals(org.warmstation.protocol.enroll.EnrollmentToken.codeId(enrollment("CY-0042")),
                pending.codeId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                PendingEnrollment.fileFor(read))));
        assertEquals(dir.resolve("etc/trust-list.txt"), read.trustFile());
        assertEquals(Files.readString(trust), Files.readString(read.trustFile()));
        assertEquals(dir.resolve("etc/data"), read.dataDir());
        assertEquals(ScannerSettings.Source.NONE, read.scanner().source());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(file.getParent())) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void enrolledConfigHoldsNoPasswordAndTheCodesCredentialIsNotTheStationsPassword() throws Exception {
        Path file = dir.resolve("etc/station.properties");
        EnrolledConfig.write(enrollment("CY-0042"), file, trustList(dir.resolve("usb/trust-list.txt")), Map.of());

        Path pw = dir.resolve("etc/" + PasswordFile.DEFAULT_NAME);
        assertFalse(Files.exists(pw), "filled by the district's first answer (decision 0181), not from the code");
        String config = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(config.contains("q8Xr2mLwTz9KpV4nYc"), config);
        assertFalse(config.lines().anyMatch(l -> l.startsWith("broker.password=")), config);
        assertTrue(config.contains("broker.password.file=" + pw), config);
    }

    @Test
    void tcpCodeIsRefusedWithoutLabModeAndMarksTheConfigWithIt() throws Exception {
        Path trust = trustList(dir.resolve("etc/trust-list.txt"));
        Path file = dir.resolve("etc/station.properties");
        var e = assertThrows(IllegalArgumentException.class, () -> EnrolledConfig.write(labEnrollment(), file, trust,
                Map.of()));
        assertTrue(e.getMessage().contains("--insecure-lab") && e.getMessage().contains("未加密"), e.getMessage());
        assertFalse(Files.exists(file));
        StationConfig lab = EnrolledConfig.write(labEnrollment(), file, trust, Map.of(EnrolledConfig.INSECURE_LAB, "true"));
        assertTrue(lab.sync().insecureLab());
        assertEquals(Optional.empty(), lab.sync().caPin());
    }

    @Test
    void trustListAlreadyBesideTheConfigIsKept() throws Exception {
        Path trust = trustList(dir.resolve("etc/trust-list.txt"));
        String before = Files.readString(trust);
        StationConfig c = EnrolledConfig.write(enrollment("CY-0042"), dir.resolve("etc/station.properties"), trust, Map.of());
        assertEquals(trust, c.trustFile());
        assertEquals(before, Files.readString(trust));
    }

    @Test
    void existingConfigurationIsNeverReplaced() throws Exception {
        Path trust = trustList(dir.resolve("etc/trust-list.txt"));
        Path file = Files.writeString(dir.resolve("etc/station.properties"), "station.id=CY-0001\n");
        assertThrows(IOException.class, () -> EnrolledConfig.write(enrollment("CY-0042"), file, trust, Map.of()));
        assertEquals("station.id=CY-0001\n", Files.readString(file));
    }

    @Test
    void stationIdTheConfigurationRefusesIsNamedAndNothingIsWritten() throws Exception {
        Path trust = trustList(dir.resolve("etc/trust-list.txt"));
        Path file = dir.resolve("etc/station.properties");
        var e = assertThrows(IllegalArgumentException.class,
                () -> EnrolledConfig.write(enrollment("0042"), file, trust, Map.of()));
        assertTrue(e.getMessage().contains("station.id"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}

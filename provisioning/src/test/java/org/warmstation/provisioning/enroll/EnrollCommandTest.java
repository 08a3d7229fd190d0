package org.warmstation.provisioning.enroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.ImageFrames;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.EnrollmentVerdict;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.provisioning.CliRun;

/** {@code station station enroll}: the image, what it prints, and the values it refuses. */
class EnrollCommandTest {
    @TempDir
    Path dir;
    private Path key;

    @BeforeEach
    void district() {
        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString()).exitCode());
        key = dir.resolve("district-110105.key");
    }

    private CliRun enroll(String... extra) {
        String[] base = {"station", "enroll", "--key", key.toString(), "--id", "CY-0042", "--name", "望京街道暖心驿站",
                "--lat", "39.9961", "--lon", "116.47", "--broker", "ssl://mqtt.chaoyang.example.cn:8883",
                "--out", dir.resolve("out").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.run(all);
    }

    @Test
    void printedImageDecodesToACodeTheTerminalAcceptsAndThePasswordLineMatchesItsCredential() throws Exception {
        Instant before = Instant.now();
        CliRun r = enroll();
        assertEquals(0, r.exitCode(), r.err());
        Path png = dir.resolve("out/enroll-CY-0042.png");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)),
                "the image carries the broker password");

        String text = new QrDecoder().decode(ImageFrames.read(png)).orElseThrow();
        TrustList trust = TrustList.parse(Files.readString(dir.resolve("trust-list.txt")));
        var accepted = assertInstanceOf(EnrollmentVerdict.Accepted.class,
                new EnrollmentVerifier(trust, Set.of(110105)).verify(text, Instant.now()));
        StationEnrollment e = accepted.enrollment();
        assertEquals("CY-0042", e.stationId());
        assertEquals("望京街道暖心驿站", e.stationName());
        assertEquals(110105, e.districtId());
        assertEquals("ssl://mqtt.chaoyang.example.cn:8883", e.brokerUrl());
        Duration left = Duration.between(before, e.expiresAt());
        assertTrue(left.compareTo(Duration.ofHours(71)) > 0 && left.compareTo(Duration.ofHours(73)) < 0, left.toString());
        assertFalse(r.out().contains(e.credential()), "the plain password is not printed");

        int version = EnrollmentSheet.qrVersion(text);
        System.out.printf("enrollment code: %d characters, QR version %d-M%n", text.length(), version);
        assertTrue(r.out().contains("QR version " + version + "-M"), r.out());
        assertTrue(version <= 12, "version " + version);

        String line = r.out().lines().filter(l -> l.startsWith("CY-0042:$7$101$")).findFirst().orElseThrow();
        String[] f = line.split("\\$");
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(
                e.credential().toCharArray(), Base64.getDecoder().decode(f[3]), 101, 512)).getEncoded();
        assertArrayEquals(expected, Base64.getDecoder().decode(f[4]), "the line holds the QR's credential");

        for (String acl : new String[] {"user CY-0042", "topic write ws/v1/110105/CY-0042/visits",
                "topic write ws/v1/110105/CY-0042/status", "topic write ws/v1/110105/CY-0042/telemetry",
                "topic write ws/v1/110105/CY-0042/downlink-ack", "topic write ws/v1/110105/CY-0042/ledger",
                "topic read ws/v1/110105/CY-0042/ack", "topic read ws/v1/110105/CY-0042/downlink"}) {
            assertTrue(r.out().lines().anyMatch(acl::equals), "missing '" + acl + "' in\n" + r.out());
        }
    }

    @Test
    void eachCodeCarriesANewCredential() throws Exception {
        assertEquals(0, enroll().exitCode());
        String first = new QrDecoder().decode(ImageFrames.read(dir.resolve("out/enroll-CY-0042.png"))).orElseThrow();
        assertEquals(0, enroll().exitCode());
        String second = new QrDecoder().decode(ImageFrames.read(dir.resolve("out/enroll-CY-0042.png"))).orElseThrow();
        TrustList trust = TrustList.parse(Files.readString(dir.resolve("trust-list.txt")));
        EnrollmentVerifier v = new EnrollmentVerifier(trust, Set.of());
        String c1 = ((EnrollmentVerdict.Accepted) v.verify(first, Instant.now())).enrollment().credential();
        String c2 = ((EnrollmentVerdict.Accepted) v.verify(second, Instant.now())).enrollment().credential();
        assertFalse(c1.equals(c2));
        assertEquals(24, c1.length());
    }

    @Test
    void badValuesAreRefusedNamingTheOptionAndWriteNothing() {
        CliRun lat = CliRun.run("station", "enroll", "--key", key.toString(), "--id", "CY-0042", "--name", "望京",
                "--lat", "95", "--lon", "116.47", "--broker", "tcp://h:1883", "--out", dir.resolve("out").toString());
        assertEquals(2, lat.exitCode());
        assertTrue(lat.err().contains("--lat (location.latitude)"), lat.err());

        CliRun valid = enroll("--valid", "P60D");
        assertEquals(2, valid.exitCode());
        assertTrue(valid.err().contains("--valid"), valid.err());

        CliRun longName = CliRun.run("station", "enroll", "--key", key.toString(), "--id", "CY-0042",
                "--name", "驿".repeat(21), "--lat", "39.9", "--lon", "116.4", "--broker", "tcp://h:1883",
                "--out", dir.resolve("out").toString());
        assertEquals(2, longName.exitCode());
        assertTrue(longName.err().contains("station name"), longName.err());
        assertFalse(Files.exists(dir.resolve("out/enroll-CY-0042.png")));
    }

    @Test
    void longestCodeStillFitsQrVersion15AtLevelM() {
        DistrictKey k = DistrictKey.generate(110105);
        StationEnrollment biggest = new StationEnrollment(110105, "A".repeat(16), "驿".repeat(20), -89.999999,
                -179.999999, "ssl://" + "h".repeat(94), "x".repeat(64), Instant.parse("2106-01-01T00:00:00Z"), k.keyId());
        String token = EnrollmentToken.sign(biggest, k.privateKey());
        int version = EnrollmentSheet.qrVersion(token);
        System.out.printf("longest enrollment code: %d characters, QR version %d-M%n", token.length(), version);
        assertTrue(version <= EnrollmentSheet.MAX_QR_VERSION, "version " + version);
    }
}

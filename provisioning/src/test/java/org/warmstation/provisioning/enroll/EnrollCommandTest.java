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

    /** @return a CA certificate made by openssl, as the district's broker has one */
    private Path caFile() throws Exception {
        Path ca = dir.resolve("ca.crt");
        if (!Files.exists(ca)) {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=test-ca", "-keyout",
                    dir.resolve("ca.key").toString(), "-out", ca.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, out);
        }
        return ca;
    }

    private CliRun enroll(String... extra) throws Exception {
        String[] base = {"station", "enroll", "--key", key.toString(), "--id", "CY-0042", "--name", "望京街道暖心驿站",
                "--lat", "39.9961", "--lon", "116.47", "--broker", "ssl://mqtt.chaoyang.example.cn:8883",
                "--ca-file", caFile().toString(), "--out", dir.resolve("out").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.run(all);
    }

    @Test
    void printedImageDecodesToACodeTheTerminalAcceptsAndTheRegisterHoldsItsIdPinAndCredentialHash() throws Exception {
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

        assertEquals(org.warmstation.mqtt.TlsSockets.fingerprint(caFile()), e.caPin(), "the code pins the broker's CA");
        assertFalse(r.out().contains("topic write") || r.out().contains(":$7$"), "no line to paste by hand: " + r.out());

        Path registerFile = dir.resolve("out/enroll-CY-0042.register");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(registerFile)));
        var register = org.warmstation.protocol.enroll.EnrollmentRegister.parse(Files.readString(registerFile));
        assertEquals(org.warmstation.protocol.enroll.EnrollmentToken.codeId(e), register.codeId());
        assertEquals(e.expiresAt(), register.expiresAt());
        assertTrue(r.out().contains("district-server enrollment register"), r.out());
        assertFalse(Files.readString(registerFile).contains(e.credential()), "only the credential's hash");
        String line = register.accountLine();
        assertTrue(line.startsWith("enroll.CY-0042:$7$101$"), line);
        String[] f = line.split("\\$");
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(
                e.credential().toCharArray(), Base64.getDecoder().decode(f[3]), 101, 512)).getEncoded();
        assertArrayEquals(expected, Base64.getDecoder().decode(f[4]), "the account's line holds the QR's credential");
    }

    @Test
    void tcpBrokerNeedsInsecureLabAndSslBrokerNeedsItsCaFile() throws Exception {
        String[] tcp = {"station", "enroll", "--key", key.toString(), "--id", "CY-0042", "--name", "望京",
                "--lat", "39.9", "--lon", "116.4", "--broker", "tcp://127.0.0.1:1883", "--out", dir.resolve("out").toString()};
        CliRun plain = CliRun.run(tcp);
        assertEquals(2, plain.exitCode());
        assertTrue(plain.err().contains("--insecure-lab") && plain.err().contains("unencrypted"), plain.err());
        String[] lab = java.util.Arrays.copyOf(tcp, tcp.length + 1);
        lab[tcp.length] = "--insecure-lab";
        CliRun labRun = CliRun.run(lab);
        assertEquals(0, labRun.exitCode(), labRun.err());
        assertTrue(labRun.out().contains("LAB MODE"), labRun.out());
        CliRun noCa = CliRun.run("station", "enroll", "--key", key.toString(), "--id", "CY-0042", "--name", "望京",
                "--lat", "39.9", "--lon", "116.4", "--broker", "ssl://h:8883", "--out", dir.resolve("out2").toString());
        assertEquals(2, noCa.exitCode());
        assertTrue(noCa.err().contains("--ca-file"), noCa.err());
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
    void badValuesAreRefusedNamingTheOptionAndWriteNothing() throws Exception {
        CliRun lat = CliRun.run("station", "enroll", "--key", key.toString(), "--id", "CY-0042", "--name", "望京",
                "--lat", "95", "--lon", "116.47", "--broker", "tcp://h:1883", "--out", dir.resolve("out").toString());
        assertEquals(2, lat.exitCode());
        assertTrue(lat.err().contains("--lat (location.latitude)"), lat.err());

        CliRun valid = enroll("--valid", "P60D");
        assertEquals(2, valid.exitCode());
        assertTrue(valid.err().contains("--valid"), valid.err());

        CliRun longName = CliRun.run("station", "enroll", "--key", key.toString(), "--id", "CY-0042",
                "--name", "驿".repeat(21), "--lat", "39.9", "--lon", "116.4", "--broker", "tcp://h:1883",
                "--insecure-lab", "--out", dir.resolve("out").toString());
        assertEquals(2, longName.exitCode());
        assertTrue(longName.err().contains("station name"), longName.err());
        assertFalse(Files.exists(dir.resolve("out/enroll-CY-0042.png")));
    }

    @Test
    void longestCodeStillFitsQrVersion15AtLevelM() {
        DistrictKey k = DistrictKey.generate(110105);
        StationEnrollment biggest = new StationEnrollment(110105, "A".repeat(16), "驿".repeat(20), -89.999999,
                -179.999999, "ssl://" + "h".repeat(94), "x".repeat(64), Instant.parse("2106-01-01T00:00:00Z"), k.keyId(), "ff".repeat(32));
        String token = EnrollmentToken.sign(biggest, k.privateKey());
        int version = EnrollmentSheet.qrVersion(token);
        System.out.printf("longest enrollment code: %d characters, QR version %d-M%n", token.length(), version);
        assertTrue(version <= EnrollmentSheet.MAX_QR_VERSION, "version " + version);
    }
}

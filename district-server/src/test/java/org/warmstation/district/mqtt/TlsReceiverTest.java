package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.testing.MosquittoBroker;

/**
 * The receiver's TLS connection (--ca-file, ssl:// URL) to a real Mosquitto TLS listener with
 * certificates made by openssl: the right CA and host name connect, a foreign CA or a certificate
 * for another host name never does.
 */
class TlsReceiverTest {
    @TempDir
    static Path dir;
    private static MosquittoBroker broker;
    private static int tlsPort;

    @BeforeAll
    static void start() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        ca(pki, "ca");
        ca(pki, "other-ca");
        server(pki, "ip", "IP:127.0.0.1");
        server(pki, "wrong-name", "DNS:district.example");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            tlsPort = s.getLocalPort();
        }
        broker = MosquittoBroker.start(dir.resolve("broker"), String.join("\n",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + pki.resolve("ca.crt"),
                "certfile " + pki.resolve("ip.crt"),
                "keyfile " + pki.resolve("ip.key")));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static void ca(Path pki, String name) throws Exception {
        openssl(pki, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", name + ".key", "-out", name + ".crt");
    }

    private static void server(Path pki, String name, String san) throws Exception {
        openssl(pki, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout", name + ".key",
                "-out", name + ".csr");
        Files.writeString(pki.resolve(name + ".ext"), "subjectAltName=" + san + "\n");
        openssl(pki, "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt");
    }

    private static void openssl(Path cwd, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + args[0] + ": " + out);
    }

    private static boolean connects(String caFile) throws Exception {
        ReceiverSettings s = new ReceiverSettings("ssl://127.0.0.1:" + tlsPort, null, null, "tls-" + caFile, 110105,
                "district", Duration.ofSeconds(1), dir.resolve("pki").resolve(caFile));
        try (DistrictReceiver r = new DistrictReceiver(s)) {
            r.start(null);
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                if (r.connected()) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        }
    }

    @Test
    void connectsWithTheBrokersCaAndVerifiedHostName() throws Exception {
        assertTrue(connects("ca.crt"));
    }

    @Test
    void refusesABrokerSignedByAnotherCa() throws Exception {
        assertFalse(connects("other-ca.crt"));
    }

    @Test
    void refusesACertificateIssuedForAnotherHostName() throws Exception {
        broker.stop();
        String conf = Files.readString(dir.resolve("broker").resolve("mosquitto.conf"));
        assertTrue(conf.contains("ip.crt"));
        try (MosquittoBroker wrong = MosquittoBroker.start(dir.resolve("broker-wrong"), String.join("\n",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + dir.resolve("pki/ca.crt"),
                "certfile " + dir.resolve("pki/wrong-name.crt"),
                "keyfile " + dir.resolve("pki/wrong-name.key")))) {
            assertFalse(connects("ca.crt"));
        } finally {
            broker.restart();
        }
        assertEquals(true, connects("ca.crt"), "the right certificate connects again");
    }
}

package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.mqtt.LabPki;

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
        LabPki.ca(pki, "ca");
        LabPki.ca(pki, "other-ca");
        LabPki.server(pki, "ip", "IP:127.0.0.1");
        LabPki.server(pki, "wrong-name", "DNS:district.example");
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

    private static boolean connects(String caFile) throws Exception {
        return connects(caFile, Duration.ofSeconds(20));
    }

    /** A refused handshake fails in milliseconds; 3 s of retries show it never succeeds. */
    private static boolean neverConnects(String caFile) throws Exception {
        return !connects(caFile, Duration.ofSeconds(3));
    }

    private static boolean connects(String caFile, Duration within) throws Exception {
        ReceiverSettings s = new ReceiverSettings("ssl://127.0.0.1:" + tlsPort, null, null, "tls-" + caFile, 110105,
                "district", Duration.ofSeconds(1), dir.resolve("pki").resolve(caFile));
        try (DistrictReceiver r = new DistrictReceiver(s)) {
            r.start(null);
            long deadline = System.nanoTime() + within.toNanos();
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
        assertTrue(neverConnects("other-ca.crt"));
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
            assertTrue(neverConnects("ca.crt"));
        } finally {
            broker.restart();
        }
        assertEquals(true, connects("ca.crt"), "the right certificate connects again");
    }
}

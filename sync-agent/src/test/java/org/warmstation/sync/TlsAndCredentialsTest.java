package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.sync.testing.Stations;
import org.warmstation.sync.testing.TestCertificates;
import org.warmstation.sync.testing.TestDistrict;
import org.warmstation.visitlog.secret.PasswordFile;

/**
 * TLS with a CA file or a pinned CA (decision 0180) and hostname verification, and a
 * username/password per station, against a real Mosquitto with a TLS listener that requires a
 * password (the test district uses a plain loopback listener of the same broker); plain TCP only in
 * lab mode.
 */
class TlsAndCredentialsTest {
    @TempDir
    static Path certs;
    @TempDir
    Path tmp;
    MosquittoBroker broker;
    TestDistrict district;
    SyncAgent agent;
    int tlsPort;
    final DistrictKey key = DistrictKey.generate(Stations.DISTRICT);

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCertificates.create(certs);
    }

    @BeforeEach
    void start() throws Exception {
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", tmp.resolve("passwords").toString(), "tls-1", "s3cret")
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1, new String(p.getInputStream().readAllBytes()));
        tlsPort = MosquittoBroker.freePort();
        broker = MosquittoBroker.startEphemeral(tmp, "per_listener_settings true",
                "listener " + tlsPort + " 127.0.0.1",
                "certfile " + certs.resolve("server.pem"),
                "keyfile " + certs.resolve("server.key"),
                "cafile " + certs.resolve("ca.pem"), // so the broker sends its chain up to the CA, as deployed
                "allow_anonymous false",
                "password_file " + tmp.resolve("passwords"));
        district = new TestDistrict(broker.url(), "test-district");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
        district.close();
        broker.close();
    }

    private SyncAgent agent(String host, String password, Path dir) {
        return Stations.agent(Stations.config("ssl://" + host + ":" + tlsPort, "tls-1", dir)
                .caFile(certs.resolve("ca.pem")).credentials("tls-1", password.toCharArray()).build(), key);
    }

    @Test
    void stationWithCaFileAndPasswordSyncsOverTls() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "tls-1", 30);
        agent = agent("localhost", "s3cret", dir);
        agent.start();
        Await.until(Duration.ofSeconds(60), "outbox empty over TLS", () -> Backlog.waiting(dir) == 0, agent::status);
        assertEquals(ids, district.stored());
    }

    @Test
    void certificateNotMadeForTheHostNameIsRefused() throws Exception {
        Path dir = tmp.resolve("station");
        Backlog.fill(dir, "tls-1", 5);
        agent = agent("127.0.0.1", "s3cret", dir); // the certificate names only DNS:localhost
        agent.start();
        Await.until(Duration.ofSeconds(60), "several refused attempts", () -> agent.connectAttempts() >= 3
                && agent.status().problem().isPresent(), agent::status);
        assertFalse(agent.status().connected());
        assertEquals(5, Backlog.waiting(dir));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        Path dir = tmp.resolve("station");
        Backlog.fill(dir, "tls-1", 5);
        agent = agent("localhost", "wrong", dir);
        agent.start();
        Await.until(Duration.ofSeconds(60), "several refused attempts", () -> agent.connectAttempts() >= 3
                && agent.status().problem().isPresent(), agent::status);
        assertFalse(agent.status().connected());
        assertEquals(5, Backlog.waiting(dir));
        assertFalse(Files.readString(broker.logFile()).isEmpty());
    }

    @Test
    void passwordFileIsReadAtEachConnectSoAReplacedPasswordIsUsedWithoutRestart() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "tls-1", 5);
        Path pw = tmp.resolve("etc/broker.password");
        PasswordFile.write(pw, "wrong".toCharArray());
        agent = Stations.agent(Stations.config("ssl://localhost:" + tlsPort, "tls-1", dir)
                .caFile(certs.resolve("ca.pem")).credentials("tls-1", null).passwordFile(pw).build(), key);
        agent.start();
        Await.until(Duration.ofSeconds(60), "refused with the old password", () -> agent.connectAttempts() >= 2
                && agent.status().problem().isPresent(), agent::status);
        assertEquals(5, Backlog.waiting(dir));

        PasswordFile.write(pw, "s3cret".toCharArray()); // as the district's first-connect answer does
        Await.until(Duration.ofSeconds(60), "outbox empty with the new password", () -> Backlog.waiting(dir) == 0,
                agent::status);
        assertEquals(ids, district.stored());
    }

    private SyncAgent pinned(String pin, Path dir) {
        return Stations.agent(Stations.config("ssl://localhost:" + tlsPort, "tls-1", dir).insecureLab(false)
                .caPin(pin).credentials("tls-1", "s3cret".toCharArray()).build(), key);
    }

    @Test
    void stationTrustingOnlyItsPinnedCaSyncsOverTls() throws Exception {
        Path dir = tmp.resolve("station");
        Set<UUID> ids = Backlog.fill(dir, "tls-1", 10);
        agent = pinned(org.warmstation.mqtt.TlsSockets.fingerprint(certs.resolve("ca.pem")), dir);
        agent.start();
        Await.until(Duration.ofSeconds(60), "outbox empty over TLS to the pinned CA", () -> Backlog.waiting(dir) == 0,
                agent::status);
        assertEquals(ids, district.stored());
    }

    @Test
    void stationWithAWrongCaPinRefusesToConnect() throws Exception {
        Path dir = tmp.resolve("station");
        Backlog.fill(dir, "tls-1", 5);
        agent = pinned("ab".repeat(32), dir); // not the broker's CA
        agent.start();
        Await.until(Duration.ofSeconds(60), "several refused attempts", () -> agent.connectAttempts() >= 3
                && agent.status().problem().isPresent(), agent::status);
        assertFalse(agent.status().connected());
        assertEquals(5, Backlog.waiting(dir));
        broker.stop(); // flushes the log: the station never got as far as its CONNECT
        assertFalse(Files.readString(broker.logFile()).contains("as tls-1"), "the station never logged in");
        broker.restart();
    }

    @Test
    void tcpBrokerWithoutInsecureLabIsRefusedWithAClearMessage() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Stations.config("tcp://127.0.0.1:1883", "tls-1", tmp).insecureLab(false).build());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--insecure-lab")
                && e.getMessage().contains("unencrypted"), e.getMessage());
        var noTrust = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Stations.config("ssl://localhost:8883", "tls-1", tmp).build());
        org.junit.jupiter.api.Assertions.assertTrue(noTrust.getMessage().contains("broker.ca.pin"), noTrust.getMessage());
    }
}

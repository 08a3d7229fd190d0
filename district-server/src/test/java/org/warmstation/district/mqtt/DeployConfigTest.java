package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.mqtt.LabPki;
import org.warmstation.district.testing.TestClient;

/**
 * The shipped docs/deploy/mosquitto.conf, as it is, with only its paths moved into a temporary
 * directory and its listeners moved to free ports on 127.0.0.1: Mosquitto 2.0 accepts it, a
 * station connects over TLS with its password and reaches the district over the loopback
 * listener, anonymous and plain-TCP station connections are refused.
 */
class DeployConfigTest {
    @TempDir
    static Path dir;
    private static MosquittoBroker broker;
    private static int tlsPort;
    private static int localPort;

    @BeforeAll
    static void start() throws Exception {
        Path pki = Files.createDirectories(dir.resolve("certs"));
        LabPki.ca(pki, "ca");
        LabPki.server(pki, "district", "IP:127.0.0.1");
        Path passwd = Files.createDirectories(dir.resolve("warmstation")).resolve("passwd");
        passwd(passwd, "-c", "st-a", "pass-a");
        passwd(passwd, null, "district-a", "pass-d");
        Files.copy(Path.of("..", "docs", "deploy", "warmstation.acl"), dir.resolve("warmstation.acl"));
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("log"));
        tlsPort = MosquittoBroker.freePort();
        localPort = MosquittoBroker.freePort();
        String shipped = Files.readString(Path.of("..", "docs", "deploy", "mosquitto.conf"));
        String conf = shipped
                .replace("listener 8883\n", "listener " + tlsPort + " 127.0.0.1\n")
                .replace("listener 1883 127.0.0.1\n", "listener " + localPort + " 127.0.0.1\n")
                .replace("/etc/mosquitto/certs/", pki + "/")
                .replace("/etc/mosquitto/", dir + "/")
                .replace("/var/lib/mosquitto/", dir.resolve("lib") + "/")
                .replace("/var/log/mosquitto/", dir.resolve("log") + "/")
                + "\nuser root\n";
        assertTrue(!conf.contains("/etc/") && !conf.contains("/var/"), "a path was not moved: " + conf);
        assertEquals(2, conf.lines().filter(l -> l.startsWith("listener ")).count());
        assertEquals(2, conf.lines().filter(l -> l.equals("use_username_as_clientid true")).count());
        assertTrue(conf.lines().filter(l -> l.startsWith("listener ")).allMatch(l -> l.endsWith(" 127.0.0.1")));
        broker = MosquittoBroker.startWithConfig(dir.resolve("broker"), conf, localPort);
    }

    private static void passwd(Path file, String create, String user, String pass) throws Exception {
        ProcessBuilder pb = create == null ? new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), user, pass)
                : new ProcessBuilder("mosquitto_passwd", create, "-b", file.toString(), user, pass);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static MqttAsyncClient tlsStation(String clientId) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient("ssl://127.0.0.1:" + tlsPort, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(TlsSockets.trusting(dir.resolve("certs/ca.crt")));
        o.setHttpsHostnameVerificationEnabled(true);
        o.setUserName("st-a");
        o.setPassword("pass-a".getBytes(StandardCharsets.UTF_8));
        o.setConnectionTimeout(10);
        c.connect(o).waitForCompletion(15_000);
        return c;
    }

    @Test
    void stationOverTlsReachesTheDistrictOnTheLoopbackListener() throws Exception {
        try (TestClient district = TestClient.connect("tcp://127.0.0.1:" + localPort, "district-a", "district-a", "pass-d")) {
            district.subscribe("$share/district/ws/v1/110105/+/visits");
            MqttAsyncClient station = tlsStation("ignored-client-id");
            try {
                station.publish("ws/v1/110105/st-a/visits", "hello".getBytes(StandardCharsets.UTF_8), 1, false)
                        .waitForCompletion(10_000);
                TestClient.Received r = district.next(Duration.ofSeconds(10));
                assertNotNull(r, "nothing reached the district");
                assertEquals("ws/v1/110105/st-a/visits", r.topic());
            } finally {
                station.disconnect().waitForCompletion(5_000);
                station.close();
            }
        }
        broker.stop(); // Mosquitto 2.0 buffers its log file; a clean stop flushes it
        String log = Files.readString(dir.resolve("log/warmstation.log"));
        broker.restart();
        assertTrue(log.matches(
                "(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d: New client connected from 127\\.0\\.0\\.1:\\d+ as st-a .*"),
                "use_username_as_clientid and the timestamped connect log: " + log);
    }

    @Test
    void anonymousAndWrongPasswordAreRefused() {
        assertThrows(MqttException.class, () -> TestClient.connect("tcp://127.0.0.1:" + localPort, "x", null, null).close());
        assertThrows(MqttException.class,
                () -> TestClient.connect("tcp://127.0.0.1:" + localPort, "st-a", "st-a", "wrong").close());
    }
}

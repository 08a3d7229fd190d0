package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.district.testing.TestClient;

/**
 * The shipped docs/deploy ACL and password setup, loaded into a real Mosquitto: a station's
 * credentials reach only its own topics.
 */
class BrokerAclTest {
    private static final String D = "ws/v1/110105/";
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path deploy = Path.of("..", "docs", "deploy");
        Path acl = dir.resolve("warmstation.acl");
        Files.copy(deploy.resolve("warmstation.acl"), acl);
        Path passwd = dir.resolve("warmstation.passwd");
        passwd("-c", passwd, "st-a", "pass-a");
        passwd("", passwd, "st-b", "pass-b");
        passwd("", passwd, "district-a", "pass-d");
        broker = MosquittoBroker.start(dir.resolve("broker"), String.join("\n",
                "allow_anonymous false",
                "password_file " + passwd.toAbsolutePath(),
                "acl_file " + acl.toAbsolutePath(),
                "use_username_as_clientid true"));
    }

    private static void passwd(String create, Path file, String user, String password) throws Exception {
        ProcessBuilder pb = create.isEmpty()
                ? new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), user, password)
                : new ProcessBuilder("mosquitto_passwd", create, "-b", file.toString(), user, password);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mosquitto_passwd: " + out);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void stationCannotPublishIntoAnotherStationsTopics() throws Exception {
        try (TestClient district = TestClient.connect(broker.url(), "district-a", "district-a", "pass-d");
             TestClient a = TestClient.connect(broker.url(), "st-a", "st-a", "pass-a")) {
            assertTrue(district.subscribe("$share/district/" + D + "+/visits")[0] < 0x80, "shared subscription refused");
            assertTrue(district.subscribe(D + "+/ledger")[0] < 0x80);
            int[] forged = a.publish(D + "st-b/visits", bytes("forged by A"));
            a.publish(D + "st-b/ledger", bytes("forged by A"));
            a.publish(D + "st-a/visits", bytes("marker"));
            TestClient.Received first = district.next(WAIT);
            assertNotNull(first, "the district receives A's own visits");
            assertEquals(D + "st-a/visits", first.topic(), "A's message into B's topic was delivered");
            assertNull(district.next(QUIET));
            assertArrayEquals(new int[] {0x87}, forged, "PUBACK reason: not authorized");
        }
    }

    @Test
    void stationCannotPublishUnderAnotherDistrict() throws Exception {
        try (TestClient a = TestClient.connect(broker.url(), "st-a", "st-a", "pass-a")) {
            assertArrayEquals(new int[] {0x87}, a.publish("ws/v1/999999/st-a/visits", bytes("x")));
            int own = a.publish(D + "st-a/visits", bytes("x"))[0];
            assertTrue(own < 0x80, "own topic refused: " + own); // 0x10 = accepted, no subscriber
        }
    }

    @Test
    void stationCannotReadAnotherStationsAcksOrDownlinks() throws Exception {
        try (TestClient district = TestClient.connect(broker.url(), "district-a", "district-a", "pass-d");
             TestClient a = TestClient.connect(broker.url(), "st-a", "st-a", "pass-a");
             TestClient b = TestClient.connect(broker.url(), "st-b", "st-b", "pass-b")) {
            // Mosquitto 2.0 grants such a SUBACK and applies the read ACL to each delivery instead
            a.subscribe(D + "st-b/ack");
            a.subscribe(D + "+/downlink");
            a.subscribe("#");
            b.subscribe(D + "st-b/ack");
            district.publish(D + "st-b/ack", bytes("for B"));
            district.publish(D + "st-b/downlink", bytes("for B"));
            district.publish(D + "st-a/ack", bytes("for A"));
            TestClient.Received atB = b.next(WAIT);
            assertNotNull(atB, "B receives its own ack");
            TestClient.Received atA = a.next(WAIT);
            assertNotNull(atA);
            assertEquals(D + "st-a/ack", atA.topic(), "A received a message of B");
            assertNull(a.next(QUIET), "A received a message of B");
        }
    }

    @Test
    void stationCannotTakeOverAnotherStationsClientId() throws Exception {
        try (TestClient b = TestClient.connect(broker.url(), "st-b", "st-b", "pass-b");
             TestClient impostor = TestClient.connect(broker.url(), "st-b", "st-a", "pass-a")) {
            assertTrue(impostor.connected());
            assertNull(b.nextDisconnect(Duration.ofSeconds(1)), "B was disconnected by A using B's client id");
            assertTrue(b.connected());
        }
    }

    @Test
    void wrongPasswordAndAnonymousAreRefused() {
        assertThrows(MqttException.class, () -> TestClient.connect(broker.url(), "st-b", "st-b", "pass-a").close());
        assertThrows(MqttException.class, () -> TestClient.connect(broker.url(), "st-b", null, null).close());
    }

    /**
     * Documents what Mosquitto cannot do: a second connection with the SAME credentials takes the
     * session over (MQTT 3.1.1 section 3.1.4, MQTT 5 section 3.1.4), the first is disconnected.
     */
    @Test
    void secondConnectionWithSameCredentialsTakesOverTheFirst() throws Exception {
        try (TestClient first = TestClient.connect(broker.url(), "st-a", "st-a", "pass-a");
             TestClient second = TestClient.connect(broker.url(), "st-a", "st-a", "pass-a")) {
            assertNotNull(first.nextDisconnect(WAIT), "Mosquitto kept both connections");
            assertFalse(first.connected());
            assertTrue(second.connected());
            broker.stop(); // Mosquitto 2.0 buffers its log file; a clean stop flushes it
            String log = broker.log();
            broker.restart();
            assertTrue(log.contains("already connected, closing old connection"), log);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package org.warmstation.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoBrokerTest {
    @TempDir
    Path dir;

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void brokerListensOnItsPortUntilKilledAndAgainAfterARestart() throws Exception {
        try (MosquittoBroker b = MosquittoBroker.startEphemeral(dir)) {
            assertTrue(b.running());
            assertTrue(accepts(b.port()));
            assertEquals("tcp://127.0.0.1:" + b.port(), b.url());
            b.kill();
            assertFalse(b.running());
            assertFalse(accepts(b.port()));
            b.restart();
            assertTrue(accepts(b.port()), "same port after a restart");
        }
    }

    @Test
    void aBrokerThatCannotStartSaysWhyWithItsLog() {
        IOException e = assertThrows(IOException.class,
                () -> MosquittoBroker.start(dir, "no_such_option here"));
        assertTrue(e.getMessage().contains("no_such_option"), e.getMessage());
    }
}

package org.warmstation.district.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The receiver's gate without a broker or a database: a probe the test switches, actions recorded. */
class StoreGateTest {
    private final AtomicBoolean databaseUp = new AtomicBoolean();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final StoreGate gate = new StoreGate(databaseUp::get, Duration.ofMillis(200), new StoreGate.Actions() {
        @Override
        public void leave() {
            actions.add("leave");
        }

        @Override
        public void rejoin() {
            actions.add("rejoin");
        }
    }, "gate-test");

    @Test
    void aFailureWithTheDatabaseDownLeavesUntilItAnswersThenRejoins() throws Exception {
        gate.failed();
        assertFalse(gate.open(), "closed at once: later messages are not handled");
        await(() -> actions.contains("leave"));
        databaseUp.set(true);
        await(gate::open);
        await(() -> actions.equals(List.of("leave", "rejoin")));
        assertEquals(1, gate.outages());
        assertEquals(1, gate.notAcknowledgedCount());
        gate.close();
    }

    @Test
    void aFailureWithTheDatabaseAnsweringRejoinsOnAFreshSessionWithoutLeaving() throws Exception {
        databaseUp.set(true);
        gate.failed();
        gate.notAcknowledged(); // one more arrived while closed
        await(() -> actions.equals(List.of("rejoin")));
        assertTrue(gate.open());
        assertEquals(0, gate.outages(), "not an outage of the database");
        assertEquals(2, gate.notAcknowledgedCount());
        gate.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }
}

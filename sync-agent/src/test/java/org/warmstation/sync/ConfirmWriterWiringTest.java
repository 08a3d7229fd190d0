package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;
import org.warmstation.sync.testing.TestDistrict;
import org.warmstation.visitlog.outbox.ConfirmWriter;
import org.warmstation.visitlog.outbox.ForwardingOutbox;
import org.warmstation.visitlog.outbox.SqliteOutbox;

/**
 * The agent writes visit confirmations through the outbox's confirm writer (decision 0320), against
 * a real Mosquitto, a test district that acks, and the real SQLite outbox: it opens one writer at
 * start, confirms every visit through it and none on its own thread, and closes it at stop.
 */
class ConfirmWriterWiringTest {
    @TempDir
    Path tmp;

    /** The real outbox, watching which handle confirms. */
    private static final class WatchedOutbox extends ForwardingOutbox {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger viaWriter = new AtomicInteger();
        final AtomicInteger viaOutbox = new AtomicInteger();
        final AtomicBoolean writerClosed = new AtomicBoolean();

        WatchedOutbox(SqliteOutbox real) {
            super(real);
        }

        @Override
        public int confirmSent(List<Sent<WireVisit>> sent, Instant at) {
            int n = super.confirmSent(sent, at);
            viaOutbox.addAndGet(n);
            return n;
        }

        @Override
        public ConfirmWriter<WireVisit> openConfirmWriter() {
            opened.incrementAndGet();
            ConfirmWriter<WireVisit> writer = super.openConfirmWriter();
            return new ConfirmWriter<>() {
                @Override
                public int confirmSent(List<Sent<WireVisit>> sent, Instant at) {
                    int n = writer.confirmSent(sent, at);
                    viaWriter.addAndGet(n);
                    return n;
                }

                @Override
                public void close() {
                    writerClosed.set(true);
                    writer.close();
                }
            };
        }
    }

    @Test
    void theAgentConfirmsThroughOneWriterOfItsOwnAndClosesItAtStop() throws Exception {
        Path dir = tmp.resolve("station");
        Backlog.fill(dir, "cw-1", 300);
        try (MosquittoBroker broker = MosquittoBroker.startEphemeral(tmp);
             TestDistrict district = new TestDistrict(broker.url(), "test-district");
             WatchedOutbox outbox = new WatchedOutbox(new SqliteOutbox(dir));
             SqliteSyncState state = new SqliteSyncState(dir)) {
            TrustList none = new TrustList(Instant.EPOCH, List.of());
            SyncAgent agent = new SyncAgent(Stations.config(broker.url(), "cw-1", dir).build(),
                    new SyncAgent.Parts(outbox, Stations.SYSTEM_CLOCK, Stations.ZONE, () -> none,
                            new FileDownlinkApplier(dir.resolve("downlinks")), state, null, null, null));
            try {
                agent.start();
                Await.until(Duration.ofSeconds(60), "every visit confirmed", () -> Backlog.waiting(dir) == 0,
                        () -> Backlog.waiting(dir) + " waiting, " + district.stored().size() + " stored");
                Await.until(Duration.ofSeconds(10), "the last write counted", () -> outbox.viaWriter.get() == 300,
                        outbox.viaWriter::get);
                assertEquals(1, outbox.opened.get(), "one writer");
                assertEquals(0, outbox.viaOutbox.get(), "nothing confirmed on the agent's thread");
                assertTrue(!outbox.writerClosed.get(), "open while the agent runs");
            } finally {
                agent.stop();
            }
            assertTrue(outbox.writerClosed.get(), "closed at stop");
        }
    }
}

package org.warmstation.district.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.district.testing.TestClient;
import org.warmstation.district.testing.Visits;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;

/**
 * Benchmark (not a test): how many visits per second one district-server instance stores and
 * acknowledges, fed by simulated stations publishing batches at QoS 1 to a real Mosquitto, into
 * the embedded PostgreSQL (fsync and synchronous_commit on). Batches are gzip-compressed, as stations
 * send them. Arguments: stations (default 20),
 * batches per station (50), visits per batch (100). Prints the figure.
 */
public final class DistrictIngestBench {
    private DistrictIngestBench() {
    }

    /**
     * @param args stations, batches per station, visits per batch
     * @throws Exception when the broker or database cannot start
     */
    public static void main(String[] args) throws Exception {
        int stations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("district-bench");
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("broker"), "");
             DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             DistrictServer server = DistrictServer.start(db, new ReceiverSettings(broker.url(), null, null, "bench",
                     110105, "district", Duration.ofSeconds(2)), new DistrictService.LedgerSettings(Duration.ZERO,
                     Duration.ofHours(1), Optional.empty()), Duration.ofHours(1))) {
            while (!server.receiver().ready()) {
                Thread.sleep(50);
            }
            TestClient[] clients = new TestClient[stations];
            for (int s = 0; s < stations; s++) {
                clients[s] = TestClient.connect(broker.url(), "bench-" + s, null, null);
                clients[s].subscribe("ws/v1/110105/bench-" + s + "/ack");
            }
            AtomicLong acks = new AtomicLong();
            long t0 = System.nanoTime();
            Thread[] senders = new Thread[stations];
            for (int s = 0; s < stations; s++) {
                int station = s;
                senders[s] = Thread.ofPlatform().start(() -> {
                    try {
                        for (int b = 0; b < batches; b++) {
                            VisitBatch batch = Visits.batch(110105, "bench-" + station,
                                    Visits.run(1L + (long) b * perBatch, perBatch, Instant.parse("2026-11-20T01:00:00Z")));
                            clients[station].publish("ws/v1/110105/bench-" + station + "/visits", Wire.encodeCompressed(batch)); // as stations send them (decision 0240)
                            if (clients[station].next(Duration.ofSeconds(60)) != null) {
                                acks.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        System.err.println("station " + station + ": " + e);
                    }
                });
            }
            for (Thread t : senders) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long visits = (long) stations * batches * perBatch;
            System.out.printf("[figures] district ingest: %d stations x %d batches x %d visits = %d visits in %.1f s: "
                            + "%.0f visits/s, %.0f batches/s stored and acked (%d acks)%n", stations, batches, perBatch,
                    visits, seconds, visits / seconds, stations * batches / seconds, acks.get());
            for (TestClient c : clients) {
                c.close();
            }
        }
    }
}

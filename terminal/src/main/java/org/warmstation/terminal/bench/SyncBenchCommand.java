package org.warmstation.terminal.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.warmstation.mqtt.NoDelaySockets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.SyncConfig;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.sync.mqtt.MqttLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.warmstation.mqtt.MosquittoBroker;

/**
 * {@code station sync-bench}: on one broker in one run, measures (1) a raw Eclipse Paho QoS 1
 * publish loop of visit batches with the same window and the agent's encoding (gzip JSON,
 * {@link Wire#encodeCompressed}) — the ceiling — and (2) the sync agent
 * draining a SQLite outbox backlog of the same size until the (benchmark) district has acked every
 * visit. Prints both in visits/s and their ratio, for each of {@code --rounds} rounds (raw loop
 * and drain alternate, so both see the same load; the district has worked off the raw loop's
 * batches before the drain starts), then the median ratio. {@code --warmup} rounds run first and
 * are printed but not counted: in a JIT-cold round the raw loop is slow, and the ratio says more
 * about the JIT than about the drain. On a shared machine compare the ratio, not the absolute
 * figures. A benchmark, not a test: figures depend on the machine.
 */
@Command(name = "sync-bench", mixinStandardHelpOptions = true,
        description = {"Backlog drain rate of the sync agent beside a raw Paho QoS 1 publish loop (the ceiling), same broker, same run.",
                "Starts its own Mosquitto on 127.0.0.1 unless --broker is given."})
public final class SyncBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--broker", description = "broker URI (default: start mosquitto on a free 127.0.0.1 port)")
    String broker;

    @Option(names = "--visits", defaultValue = "100000",
            description = "backlog size: each drain lasts about a second (default ${DEFAULT-VALUE})")
    int visits;

    @Option(names = "--batch", defaultValue = "100", description = "visits per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--in-flight", defaultValue = "10", description = "QoS 1 publishes in flight, < 20 (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--awaiting-ack", defaultValue = "20", description = "agent batches awaiting the district's ack (default ${DEFAULT-VALUE})")
    int awaitingAck;

    @Option(names = "--rate", defaultValue = "1000000", description = "agent drain cap in visits/s (default ${DEFAULT-VALUE}: uncapped)")
    int rate;

    @Option(names = "--rounds", defaultValue = "3",
            description = "raw loop and agent drain this many times, alternately (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "1",
            description = "rounds run first and not counted, while the JIT compiles both paths (default ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rounds < 1 || warmup < 0 || visits < batch) {
            throw new ParameterException(spec.commandLine(),
                    "--rounds must be >= 1, --warmup >= 0 and --visits at least --batch");
        }
        Path tmp = Files.createTempDirectory("sync-bench");
        MosquittoBroker own = broker == null ? MosquittoBroker.startEphemeral(tmp) : null;
        String uri = broker != null ? broker : own.url();
        try (BenchDistrict district = new BenchDistrict(uri)) {
            out.printf("broker %s, %d visits, batches of %d, %d in flight, %d warm-up and %d counted rounds%n", uri,
                    visits, batch, inFlight, warmup, rounds);
            List<Double> ratios = new ArrayList<>();
            for (int i = 1; i <= warmup + rounds; i++) {
                String r = i <= warmup ? "warm-up " + i : "round " + (i - warmup);
                long before = district.received();
                long t0 = System.nanoTime();
                double raw = rawLoop(uri);
                out.printf("%s raw Paho QoS 1 publish loop : %,10.0f visits/s (ceiling)%n", r, raw);
                district.awaitReceived(before + rawVisits(), Duration.ofMinutes(2)); // the agent starts on an idle district
                out.printf("%s raw loop, all at the district: %,10.0f visits/s (publish start to the district's"
                        + " last decode)%n", r, rawVisits() / ((System.nanoTime() - t0) / 1e9));
                out.flush();
                Drain drain = agentDrain(uri, tmp.resolve("station-" + i), "bench-agent-" + i);
                double agent = drain.visitsPerSecond();
                out.printf("%s sync agent backlog drain    : %,10.0f visits/s (SQLite outbox, confirmed by district ack,"
                        + " cap %d/s; from connected, %d ms after start)%n", r, agent, rate, drain.connect().toMillis());
                out.printf("%s agent / ceiling             : %10.0f %%%s%n", r, 100 * agent / raw,
                        i <= warmup ? " (not counted)" : "");
                out.flush();
                if (i > warmup) {
                    ratios.add(agent / raw);
                }
            }
            Collections.sort(ratios);
            out.printf("agent / ceiling, median of %d   : %10.0f %% (lowest %.0f %%, highest %.0f %%; warm-up not counted)%n", rounds,
                    100 * ratios.get(ratios.size() / 2), 100 * ratios.getFirst(), 100 * ratios.getLast());
            return 0;
        } finally {
            if (own != null) {
                own.close();
            }
            deleteTree(tmp);
        }
    }

    private double rawLoop(String uri) throws Exception {
        List<WireVisit> vs = new ArrayList<>();
        for (int i = 1; i <= batch; i++) {
            vs.add(new WireVisit(UUID.randomUUID(), i, 1, Instant.now(), "Asia/Shanghai", String.format("%016x", i), i,
                    "COURIER", List.of("HOT_WATER", "REST"), "CARD", true, i));
        }
        Topics t = new Topics(110105, "bench-raw");
        MqttAsyncClient c = new MqttAsyncClient(uri, "bench-raw", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSocketFactory(NoDelaySockets.plain()); // as the agent's and the district's clients
        c.connect(o).waitForCompletion(10_000);
        Semaphore window = new Semaphore(inFlight);
        int messages = rawVisits() / batch;
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                window.release();
            }
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            window.acquire();
            // the agent's bytes: gzip JSON of a batch asking for the counted ack (decision 0275)
            byte[] payload = Wire.encodeCompressed(new VisitBatch(VisitBatch.SCHEMA, t.district(), t.station(),
                    UUID.randomUUID(), Instant.now(), vs, null, true));
            c.publish(t.topic(Topics.Kind.VISITS), MqttLink.message(payload, 1, false, VisitBatch.SCHEMA), null, release);
        }
        window.acquire(inFlight);
        double secs = (System.nanoTime() - t0) / 1e9;
        c.disconnect().waitForCompletion(5000);
        c.close();
        return messages * (double) batch / secs;
    }

    /** @return the visits the raw loop publishes: whole batches, at least one */
    private int rawVisits() {
        return Math.max(1, visits / batch) * batch;
    }

    /**
     * One drain of the agent.
     *
     * @param visitsPerSecond visits confirmed per second, from connected to the last confirmation
     * @param connect         from start to connected (not counted, as the raw loop's connect is not)
     */
    private record Drain(double visitsPerSecond, Duration connect) {
    }

    private Drain agentDrain(String uri, Path dir, String station) throws Exception {
        BenchBacklog.fill(dir, station, visits);
        SyncConfig config = SyncConfig.builder(uri, new Topics(110105, station), dir)
                .batchSize(batch).maxInFlight(inFlight).maxAwaitingAck(awaitingAck).drainRate(rate)
                .backoff(Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(5))
                .insecureLab(true) // a bench against a broker of its own (decision 0180)
                .build();
        TrustList none = new TrustList(Instant.EPOCH, List.of());
        try (SqliteOutbox outbox = new SqliteOutbox(dir); SqliteSyncState state = new SqliteSyncState(dir)) {
            ConfirmCountingOutbox counted = new ConfirmCountingOutbox(outbox, visits);
            SyncAgent agent = new SyncAgent(config, new SyncAgent.Parts(counted, new SystemStationClock(),
                    ZoneId.of("Asia/Shanghai"), () -> none, new FileDownlinkApplier(dir.resolve("downlinks")),
                    state, null, null, null));
            long start = System.nanoTime();
            agent.start();
            try {
                while (!agent.status().connected()) { // set just before the first drain
                    TimeUnit.MILLISECONDS.sleep(1);
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("the agent did not connect in 30 s");
                    }
                }
                long t0 = System.nanoTime();
                // the end is the confirmation of the last visit, told by the outbox itself: no
                // query of the outbox and no polling interval while the agent works
                long end = counted.awaitTarget(Duration.ofMinutes(10));
                long waiting = outbox.stats(Instant.now()).waiting();
                if (waiting > 0) {
                    throw new IllegalStateException("all " + visits + " visits confirmed, yet " + waiting + " waiting");
                }
                return new Drain(visits / ((end - t0) / 1e9), Duration.ofNanos(t0 - start));
            } finally {
                agent.stop();
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the bench for
        }
    }
}

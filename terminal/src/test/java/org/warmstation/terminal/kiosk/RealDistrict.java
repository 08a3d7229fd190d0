package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.ui.SameThreadTaskExecutor;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;

/**
 * JUnit extension for the terminal's end-to-end tests: one real Mosquitto, a district key, and the
 * real district server (receiver, downlink dispatcher) on an embedded PostgreSQL, started once per
 * test class and stopped after it; {@link #station} writes a kiosk's station config against them
 * the way an installed terminal has it. Register as a static field with {@code @RegisterExtension}.
 */
final class RealDistrict implements BeforeAllCallback, AfterAllCallback {
    /** How long {@link #await} waits for the station and the district to agree. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private final int district;
    private Path dir;
    private MosquittoBroker broker;
    private DistrictKey key;
    private DistrictDatabase database;
    private DistrictServer server;

    /** @param district the district id of the key, the server and the stations */
    RealDistrict(int district) {
        this.district = district;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("terminal-e2e");
        broker = MosquittoBroker.startEphemeral(dir.resolve("mosquitto"));
        key = DistrictKey.generate(district);
        database = DistrictDatabase.open(Optional.empty(), dir.resolve("district-pg"));
        server = DistrictServer.start(database, new ReceiverSettings(broker.url(), null, null, "test-district",
                        district, "district", Duration.ofSeconds(2)),
                new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Optional.of(key)),
                Duration.ofMinutes(5));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (AutoCloseable b = broker; AutoCloseable db = database; AutoCloseable s = server) {
            // closed in reverse order: server, database, broker
        } finally {
            deleteDirectory();
        }
    }

    private void deleteDirectory() throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** @return the broker */
    MosquittoBroker broker() {
        return broker;
    }

    /** @return the district's signing key (trusted by the stations {@link #station} writes) */
    DistrictKey key() {
        return key;
    }

    /** @return the district's database */
    DistrictDatabase database() {
        return database;
    }

    /**
     * Writes a station's trust list and config into {@code dir} and loads it: this district, this
     * broker (plain TCP on 127.0.0.1: lab mode, decision 0180), no scanner, heartbeat every 2 s.
     *
     * @param dir       the station's directory, created when missing
     * @param station   station id
     * @param name      station name
     * @param latitude  WGS 84 degrees
     * @param longitude WGS 84 degrees
     * @return the loaded config
     * @throws Exception when writing or loading fails
     */
    StationConfig station(Path dir, String station, String name, double latitude, double longitude) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("trust-list.txt"), new TrustList(Instant.parse("2026-01-01T00:00:00Z"),
                List.of(key.trustedKey())).format(), StandardCharsets.UTF_8);
        Path file = dir.resolve("station.properties");
        Files.write(file, List.of("station.id=" + station, "station.name=" + name, "district.id=" + district,
                "location.latitude=" + latitude, "location.longitude=" + longitude, "broker.url=" + broker.url(),
                "trust.file=trust-list.txt", "scanner.source=none", "sync.heartbeat=PT2S",
                "broker.insecure-lab=true"), StandardCharsets.UTF_8);
        return StationConfig.load(file);
    }

    /**
     * Waits until {@code condition} holds, running the kiosk's queued UI work every 200 ms (and
     * moving its virtual clock on by 1 s each time); blocks.
     *
     * @param ui        the kiosk's same-thread UI executor
     * @param what      what is awaited, for the failure message
     * @param condition the condition
     * @throws AssertionError when it does not hold within {@link #PATIENCE}
     * @throws InterruptedException when interrupted
     */
    static void await(SameThreadTaskExecutor ui, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(200);
            ui.advance(Duration.ofSeconds(1));
        }
    }
}

package org.warmstation.sync.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.outbox.Outbox;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.SyncConfig;
import org.warmstation.sync.store.SqliteLedger;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.sync.store.StationKeyStore;

/** Builds real stations for tests: SQLite visit log, outbox, ledger, file downlinks, a real agent. */
public final class Stations {
    /** The district of test stations. */
    public static final int DISTRICT = 110105;
    /** Zone of test stations. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Stations() {
    }

    /** A clock that reads the system time and says it is synced. */
    public static final StationClock SYSTEM_CLOCK = new StationClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public boolean synced() {
            return true;
        }

        @Override
        public Duration sinceBoot() {
            return Duration.ofNanos(System.nanoTime());
        }
    };

    /**
     * Test defaults: short backoffs and resend timeout, no first-attempt spread; lab mode (the tests'
     * brokers listen on plain TCP on 127.0.0.1, decision 0180).
     *
     * @param uri     broker
     * @param station station id
     * @param dir     data directory
     * @return a builder
     */
    public static SyncConfig.Builder config(String uri, String station, Path dir) {
        return SyncConfig.builder(uri, new Topics(DISTRICT, station), dir)
                .backoff(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2))
                .resendAfter(Duration.ofSeconds(3))
                .heartbeat(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(5))
                .drainRate(100_000)
                .insecureLab(true);
    }

    /**
     * @param config     settings (its data directory is used)
     * @param districtKey the district key the station trusts for downlinks
     * @return an agent over the real SQLite outbox of the config's data directory (not started)
     */
    public static SyncAgent agent(SyncConfig config, DistrictKey districtKey) {
        return agent(config, districtKey, null, null, null);
    }

    /**
     * @param config      settings (its data directory is used)
     * @param districtKey the district key the station trusts for downlinks
     * @param temperature room temperature sensor, or null
     * @param motion      motion sensor entry counter, or null
     * @param profile     the profile for the birth message, or null
     * @return an agent over the real SQLite outbox of the config's data directory (not started)
     */
    public static SyncAgent agent(SyncConfig config, DistrictKey districtKey, org.warmstation.sync.TemperatureProbe temperature,
                                  org.warmstation.sync.MotionProbe motion,
                                  org.warmstation.protocol.wire.StationProfile profile) {
        return agent(config, districtKey, temperature, motion, profile, List.of());
    }

    /**
     * @param config      settings (its data directory is used)
     * @param districtKey the district key the station trusts for downlinks
     * @param records     record outboxes drained besides visits
     * @return an agent over the real SQLite outbox of the config's data directory (not started)
     */
    public static SyncAgent agent(SyncConfig config, DistrictKey districtKey,
                                  List<org.warmstation.visitlog.outbox.RecordOutbox> records) {
        return agent(config, districtKey, null, null, null, records);
    }

    /**
     * @param config      settings (its data directory is used)
     * @param districtKey the district key the station trusts for downlinks
     * @param clock       the station clock (e.g. a simulated boot "in 2019")
     * @return an agent over the real SQLite outbox of the config's data directory (not started)
     */
    public static SyncAgent agent(SyncConfig config, DistrictKey districtKey, StationClock clock) {
        return agent(config, districtKey, clock, null, null, null, List.of());
    }

    private static SyncAgent agent(SyncConfig config, DistrictKey districtKey, org.warmstation.sync.TemperatureProbe temperature,
                                   org.warmstation.sync.MotionProbe motion,
                                   org.warmstation.protocol.wire.StationProfile profile,
                                   List<org.warmstation.visitlog.outbox.RecordOutbox> records) {
        return agent(config, districtKey, SYSTEM_CLOCK, temperature, motion, profile, records);
    }

    private static SyncAgent agent(SyncConfig config, DistrictKey districtKey, StationClock clock,
                                   org.warmstation.sync.TemperatureProbe temperature,
                                   org.warmstation.sync.MotionProbe motion,
                                   org.warmstation.protocol.wire.StationProfile profile,
                                   List<org.warmstation.visitlog.outbox.RecordOutbox> records) {
        TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(districtKey.trustedKey()));
        return agent(config, () -> trust, clock, temperature, motion, profile, records);
    }

    /**
     * An agent whose downlinks are checked against the trust list it holds now, as the terminal
     * does: the list a {@code TRUST_LIST} downlink wrote into its data directory, else {@code initial}.
     *
     * @param config  settings (its data directory is used)
     * @param initial the trust list the station was installed with
     * @return an agent over the real SQLite outbox of the config's data directory (not started)
     */
    public static SyncAgent agentHoldingItsTrustList(SyncConfig config, TrustList initial) {
        Path file = config.dataDirectory().resolve("downlinks").resolve(FileDownlinkApplier.TRUST_LIST);
        java.util.function.Supplier<TrustList> held = () -> {
            try {
                return java.nio.file.Files.exists(file)
                        ? TrustList.parse(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8))
                        : initial;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return agent(config, held, SYSTEM_CLOCK, null, null, null, List.of());
    }

    private static SyncAgent agent(SyncConfig config, java.util.function.Supplier<TrustList> trust, StationClock clock,
                                   org.warmstation.sync.TemperatureProbe temperature,
                                   org.warmstation.sync.MotionProbe motion,
                                   org.warmstation.protocol.wire.StationProfile profile,
                                   List<org.warmstation.visitlog.outbox.RecordOutbox> records) {
        Path dir = config.dataDirectory();
        Outbox outbox = new SqliteOutbox(dir);
        var key = StationKeyStore.loadOrCreate(dir);
        return new SyncAgent(config, new SyncAgent.Parts(outbox, clock, ZONE, trust,
                new FileDownlinkApplier(dir.resolve("downlinks")).withTickets(dir), new SqliteSyncState(dir),
                new SqliteLedger(dir, config.topics(), ZONE, key),
                java.util.Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), temperature, motion,
                profile, records));
    }

    /**
     * A visit as the kiosk records it.
     *
     * @param station station id
     * @param n       a number making the member differ
     * @return the visit (sequence assigned by the store)
     */
    public static Visit visit(String station, int n) {
        return new Visit(UUID.randomUUID(), 0, station, Instant.now(), ZONE, MemberId.ofHex(String.format("%016x", n + 1)),
                n + 1, WorkerCategory.FOOD_DELIVERY, Set.of(Service.HOT_WATER), VisitSource.CARD, true,
                Duration.ofSeconds(n));
    }

    /** Does nothing; for lambdas. */
    public static final Consumer<Object> IGNORE = o -> { };

    /** A downlink applier that ignores every list and setting (for load tests of the uplink). */
    public static final org.warmstation.sync.DownlinkApplier NO_DOWNLINKS = new org.warmstation.sync.DownlinkApplier() {
        @Override
        public void applyTrustList(TrustList list) {
        }

        @Override
        public void applyDenyList(org.warmstation.protocol.card.DenyList list) {
        }

        @Override
        public void applySettings(org.warmstation.protocol.wire.StationSettings settings) {
        }
    };
}

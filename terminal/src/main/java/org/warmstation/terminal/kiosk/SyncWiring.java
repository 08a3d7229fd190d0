package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.outbox.RecordOutbox;
import org.warmstation.visitlog.outbox.SqliteRecordOutbox;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.visitlog.store.SqliteTimeFloor;
import org.warmstation.visitlog.time.BoundedClock;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.sync.DownlinkApplier;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.LoanDownlinkApplier;
import org.warmstation.visitlog.store.SqliteLoanStore;
import org.warmstation.sync.MotionProbe;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.SyncConfig;
import org.warmstation.sync.TemperatureProbe;
import org.warmstation.sync.store.SqliteLedger;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.sync.store.StationKeyStore;

/**
 * Starts the station's {@link SyncAgent} beside the kiosk from its configuration: broker URL,
 * username, password (file), CA file and heartbeat of the {@code broker.*} and {@code sync.*} keys;
 * the outbox, day-close ledger and agent state in the station's SQLite visit log; downlinks written
 * where the kiosk reads them (the configured trust list, the deny-list and the station settings
 * file, each re-read by the kiosk when it changes). The agent runs on its own thread; nothing here
 * blocks on the network.
 */
public final class SyncWiring {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWiring.class);
    /** Version sent in the birth message and heartbeats. */
    public static final String APP_VERSION = "0.1.0";

    private SyncWiring() {
    }

    /**
     * @param config the station configuration
     * @return the settings of the agent
     * @throws IOException when the password file cannot be read
     * @throws IllegalArgumentException when a value is out of the agent's range
     */
    public static SyncConfig syncConfig(StationConfig config) throws IOException {
        return syncConfig(config, APP_VERSION);
    }

    /**
     * @param config     the station configuration
     * @param appVersion the version the birth message and heartbeats report
     * @return the settings of the agent
     * @throws IOException when the password file cannot be read
     * @throws IllegalArgumentException when a value is out of the agent's range
     */
    static SyncConfig syncConfig(StationConfig config, String appVersion) throws IOException {
        return syncConfig(config, appVersion, null);
    }

    /**
     * @param config       the station configuration
     * @param appVersion   the version the birth message and heartbeats report
     * @param architecture the Debian architecture the birth message reports, or null when unknown
     * @return the agent's settings, credentials included
     * @throws IOException when the password file cannot be read
     */
    static SyncConfig syncConfig(StationConfig config, String appVersion, String architecture) throws IOException {
        Consumer<String> warn = w -> LOG.warn("{}", w);
        SyncConfig.Builder b = builder(config, appVersion).architecture(architecture);
        char[] password = config.sync().readPassword(warn).orElse(null);
        if (config.brokerUsername().isPresent() || password != null) {
            b.credentials(config.brokerUsername().orElse(null), password);
        }
        config.sync().passwordFile().ifPresent(b::passwordFile); // re-read at each connect (decision 0201)
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
        return b.build();
    }

    /**
     * @param config     the station configuration
     * @param appVersion the version the birth message and heartbeats report
     * @return the agent's settings without credentials: broker URL, CA pin or file, lab mode, heartbeat
     */
    static SyncConfig.Builder builder(StationConfig config, String appVersion) {
        SyncConfig.Builder b = SyncConfig.builder(config.brokerUrl().toString(),
                        new Topics(config.districtId(), config.stationId()), config.dataDir())
                .appVersion(appVersion)
                .heartbeat(config.sync().heartbeat());
        config.sync().caFile().ifPresent(b::caFile);
        config.sync().caPin().ifPresent(b::caPin);
        return b.insecureLab(config.sync().insecureLab());
    }

    /**
     * Starts the agent of a configured station; while its enrollment is pending, first the
     * one-time enrollment handshake (decision 0181), then the agent.
     *
     * @param config the station configuration
     * @return the running agent as the kiosk's background services
     * @throws IOException when the password file cannot be read
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public static org.warmstation.kiosk.sync.StationServices start(StationConfig config) throws IOException {
        return enrollingOr(config, () -> startAgent(config, null, UpdateWiring.Kiosk.NONE, UpdateWiring.dpkg()));
    }

    /**
     * Starts the agent of a configured station whose heartbeats carry the room temperature and the
     * motion sensor's entries from the kiosk's peripherals.
     *
     * @param config  the station configuration
     * @param sensors the kiosk's live peripheral states (e.g. {@code runtime.peripherals().states()})
     * @return the running agent as the kiosk's background services
     * @throws IOException when the password file cannot be read
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public static org.warmstation.kiosk.sync.StationServices start(StationConfig config, PeripheralStates sensors)
            throws IOException {
        return enrollingOr(config, () -> startAgent(config, sensors, UpdateWiring.Kiosk.NONE, UpdateWiring.dpkg()));
    }

    /**
     * Starts the agent of a configured station with signed updates (issue 15): downlinks of kind
     * {@code UPDATE} go to the station's updater, and the running version is marked healthy once
     * the kiosk, its camera and the broker connection are fine.
     *
     * @param config  the station configuration
     * @param runtime the assembled kiosk (its peripherals, visit log and scanner)
     * @return the running agent as the kiosk's background services
     * @throws IOException when the password file cannot be read
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public static org.warmstation.kiosk.sync.StationServices start(StationConfig config,
                                                                   org.warmstation.kiosk.app.KioskRuntime runtime)
            throws IOException {
        UpdateWiring.Kiosk kiosk = new UpdateWiring.Kiosk(() -> lastCheckIn(runtime, config.zone()),
                () -> runtime.scanner().isEmpty() || runtime.scannerStatus()
                        .filter(s -> s.state() == org.warmstation.devices.scan.ScannerStatus.State.RUNNING).isPresent());
        return enrollingOr(config, () -> startAgent(config, runtime.peripherals().states(), kiosk, UpdateWiring.dpkg()));
    }

    /**
     * @param config the station configuration
     * @param agent  starts the station's agent
     * @return while the station's enrollment is pending, the one-time enrollment handshake that
     *         starts the agent once the district answered (decision 0181); else the agent, started
     * @throws IOException when the pending enrollment or the password file cannot be read
     */
    private static org.warmstation.kiosk.sync.StationServices enrollingOr(StationConfig config,
                                                                         EnrollingServices.AgentStarter agent)
            throws IOException {
        var enrolling = EnrollingServices.startIfPending(config, agent);
        return enrolling.isPresent() ? enrolling.get() : agent.start();
    }

    private static java.util.Optional<java.time.Instant> lastCheckIn(org.warmstation.kiosk.app.KioskRuntime runtime,
                                                                     java.time.ZoneId zone) {
        java.time.Instant now = java.time.Instant.now();
        return runtime.store().between(now.minus(UpdateWiring.IDLE_LOOKBACK), now).stream()
                .map(org.warmstation.visitlog.domain.Visit::recordedAt).max(java.util.Comparator.naturalOrder());
    }

    static AgentServices startAgent(StationConfig config, PeripheralStates sensors, UpdateWiring.Kiosk kiosk,
                                    org.warmstation.sync.update.PackageSystem packages) throws IOException {
        TrustListFile trust = new TrustListFile(config.trustFile());
        UpdateWiring updates = UpdateWiring.start(config, trust, kiosk, packages);
        DownlinkApplier applier = updates.wrap(new FileDownlinkApplier(config.trustFile(), config.denyListFile(),
                config.settingsFile()).withTickets(config.dataDir()));
        Clock clock = Clock.system(config.zone());
        AgentServices services = start(syncConfig(config, updates.running(), updates.architecture()), new SystemStationClock(), config.zone(),
                trust, applier, profile(config), sensors == null ? null : RoomSensorProbes.temperature(sensors, clock),
                sensors == null ? null : RoomSensorProbes.motion(sensors, clock, config.zone()));
        updates.watchHealth(() -> services.kioskPolledWithin(java.time.Duration.ofSeconds(5)), kiosk.cameraHealthy(),
                () -> services.agent().status().connected());
        return services.alsoClosing(updates);
    }

    /**
     * @param config the station configuration
     * @return the profile the birth message carries: name, address, position, phone, hours, services, zone
     */
    public static StationProfile profile(StationConfig config) {
        return new StationProfile(config.stationName(), config.profile().address(), config.latitude(),
                config.longitude(), config.profile().phone(), config.profile().openingHours(),
                config.profile().serviceNames(), config.zone().getId());
    }

    /**
     * Starts an agent over the SQLite visit log of the config's data directory.
     *
     * @param sync    agent settings
     * @param clock   the station clock
     * @param zone    the station's zone
     * @param trust   the trust list for downlink signatures
     * @param applier applies verified downlinks
     * @return the running agent as the kiosk's background services
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    static AgentServices start(SyncConfig sync, StationClock clock, java.time.ZoneId zone, Supplier<TrustList> trust,
                               DownlinkApplier applier) {
        return start(sync, clock, zone, trust, applier, null, null, null);
    }

    /**
     * As {@link #start(SyncConfig, StationClock, java.time.ZoneId, Supplier, DownlinkApplier)}, with the
     * profile for the birth message and the room sensors for the heartbeat.
     *
     * @param sync        agent settings
     * @param clock       the station clock; bounded here by the time floor of the data directory ({@link BoundedClock})
     * @param zone        the station's zone
     * @param trust       the trust list for downlink signatures
     * @param applier     applies verified downlinks
     * @param profile     the station's profile, or null
     * @param temperature room temperature, or null without a sensor
     * @param motion      motion sensor entries, or null without a sensor
     * @return the running agent as the kiosk's background services
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    static AgentServices start(SyncConfig sync, StationClock clock, java.time.ZoneId zone, Supplier<TrustList> trust,
                               DownlinkApplier applier, StationProfile profile, TemperatureProbe temperature,
                               MotionProbe motion) {
        Path dir = sync.dataDirectory();
        // the station's best time never reads below the latest time seen (issue 13 item 3, decision 0185)
        SqliteTimeFloor floor = new SqliteTimeFloor(dir);
        StationClock bounded = clock instanceof BoundedClock ? clock : new BoundedClock(clock, floor);
        SqliteOutbox outbox = new SqliteOutbox(dir);
        KeyPair key = StationKeyStore.loadOrCreate(dir);
        SqliteSyncState state = new SqliteSyncState(dir);
        SqliteLedger ledger = new SqliteLedger(dir, sync.topics(), zone, key);
        // every record kind with a body type is drained (typed outbox, decision 0115)
        List<RecordOutbox> records = RecordTypes.standard().kinds().stream()
                .<RecordOutbox>map(kind -> new SqliteRecordOutbox(dir, kind)).toList();
        // LOANS downlinks close the loans returned at other stations (issue 12, decision 0156)
        SqliteLoanStore loans = new SqliteLoanStore(dir, java.time.InstantSource.system());
        SyncAgent agent = new SyncAgent(sync, new SyncAgent.Parts(outbox, bounded, zone, trust,
                new LoanDownlinkApplier(applier, loans), state, ledger,
                Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), temperature, motion, profile)
                .withRecords(records));
        agent.start();
        LOG.info("sync agent of {} started ({}), records of {}", sync.topics().station(), sync.serverUri(),
                RecordTypes.standard().kinds());
        List<AutoCloseable> closing = new java.util.ArrayList<>(List.of(ledger, state, outbox, loans, floor));
        closing.addAll(records);
        return new AgentServices(agent, closing);
    }
}

package org.warmstation.sync;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.StationClock;
import org.warmstation.kiosk.outbox.Outbox;
import org.warmstation.kiosk.outbox.OutboxStats;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.sync.downlink.DownlinkHandler;
import org.warmstation.sync.drain.OutboxDrainer;
import org.warmstation.sync.mqtt.ConnectOptions;
import org.warmstation.sync.mqtt.MqttLink;

/**
 * The terminal side of the MQTT sync ({@code docs/mqtt.md}): keeps a connection to the broker with
 * its own reconnect loop ({@link Backoff}), drains the {@link Outbox} ({@link OutboxDrainer}),
 * publishes birth/will status, heartbeats and day summaries, and handles downlinks
 * ({@link DownlinkHandler}).
 *
 * <p>All work runs on one thread of its own ({@code sync-agent-<station>}); Paho's callbacks only
 * hand over to it. {@link #start} and {@link #status} return at once; {@link #stop} blocks until
 * the agent is down (a few seconds at most). No method throws for a broker or storage problem:
 * those are logged, shown in {@link #status}, and retried.
 */
public final class SyncAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    /**
     * What the agent works with.
     *
     * @param outbox      the station's outbox
     * @param clock       the station clock (wall time and whether it is synced)
     * @param zone        the station's zone (day close)
     * @param trust       the current trust list, for downlink signatures
     * @param applier     applies verified downlinks
     * @param state       durable agent state
     * @param ledger      the day-close ledger, or null for none
     * @param stationKey  Base64 X.509 of the station public key for the birth message, or null
     * @param temperature a temperature sensor, or null without one
     */
    public record Parts(Outbox outbox, StationClock clock, ZoneId zone, Supplier<TrustList> trust,
                        DownlinkApplier applier, SyncState state, Ledger ledger, String stationKey,
                        TemperatureProbe temperature) {
        public Parts {
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(applier, "applier");
            Objects.requireNonNull(state, "state");
        }
    }

    private final SyncConfig config;
    private final Parts parts;
    private final Topics topics;
    private final InstantSource wall;
    private final ScheduledExecutorService thread;
    private final MqttLink link;
    private final Backoff backoff;
    private final OutboxDrainer drainer;
    private final DownlinkHandler downlinks;
    private final TelemetryQueue telemetry;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicInteger connectAttempts = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private volatile SyncStatus status = SyncStatus.INITIAL;
    private volatile boolean connected;
    private volatile String problem;
    private boolean connecting;
    private boolean stopped;
    private Instant connectedSince;

    /**
     * @param config the settings
     * @param parts  the collaborators
     * @throws IllegalArgumentException when the server URI or station id is not usable
     */
    public SyncAgent(SyncConfig config, Parts parts) {
        this.config = Objects.requireNonNull(config, "config");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.topics = config.topics();
        this.wall = () -> parts.clock().now();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-agent-" + topics.station());
            t.setDaemon(true);
            return t;
        });
        this.backoff = new Backoff(config.firstAttemptSpread(), config.backoffBase(), config.backoffCap(),
                RandomGenerator.getDefault());
        this.drainer = new OutboxDrainer(parts.outbox(), wall, topics.district(), topics.station(), config.batchSize(),
                config.maxInFlight(), config.maxAwaitingAck(), config.resendAfter(), config.drainRate());
        this.downlinks = new DownlinkHandler(topics, parts.trust(), parts.applier(), parts.outbox(), parts.state(), wall);
        this.telemetry = new TelemetryQueue(config.telemetryQueue());
        this.link = new MqttLink(config.serverUri(), topics.station(), new MqttLink.Events() {
            @Override
            public void connectionLost(String reason) {
                run("connection lost", () -> onConnectionLost(reason));
            }

            @Override
            public void message(String topic, byte[] payload) {
                run("message", () -> onMessage(topic, payload));
            }
        });
    }

    /** Starts connecting (after a random first delay) and syncing; returns at once. */
    public void start() {
        run("start", this::scheduleConnect);
        long hb = Math.max(1, config.heartbeat().toMillis());
        thread.scheduleWithFixedDelay(() -> guard("heartbeat", this::heartbeat), hb, hb, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(() -> guard("status", this::refreshStatus), 0, 1, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(() -> guard("day close", this::closeDays), 5, 600, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(() -> guard("retention", this::purge), 60, 6 * 3600, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(() -> guard("drain poll", this::drainNow), 1, 1, TimeUnit.SECONDS);
    }

    /** @return the latest sync state for the staff screen; never blocks */
    public SyncStatus status() {
        return status;
    }

    /** @return connect attempts made since start (for tests and the bench) */
    public int connectAttempts() {
        return connectAttempts.get();
    }

    /** @return downlinks ignored so far */
    public long ignoredDownlinks() {
        return downlinks.ignored();
    }

    /**
     * Closes every day up to {@code date} now (on demand) and publishes the summaries when connected.
     *
     * @param date last local date to close
     * @return the summaries made, after they were handed to the broker (or queued while offline)
     * @throws IllegalStateException when there is no ledger
     * @throws Exception when closing failed
     */
    public List<DaySummary> closeDay(LocalDate date) throws Exception {
        if (parts.ledger() == null) {
            throw new IllegalStateException("this agent has no ledger");
        }
        return thread.submit(() -> {
            List<DaySummary> made = parts.ledger().closeThrough(date);
            publishLedger();
            return made;
        }).get(30, TimeUnit.SECONDS);
    }

    // --- connection ---------------------------------------------------------------------------

    private void scheduleConnect() {
        if (stopped) {
            return;
        }
        Duration delay = backoff.next();
        log.debug("{}: connect attempt {} in {} ms", topics.station(), backoff.attempts(), delay.toMillis());
        thread.schedule(() -> guard("connect", this::connect), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (stopped || connecting || connected) {
            return;
        }
        connecting = true;
        connectAttempts.incrementAndGet();
        StationStatus will = statusMessage(StationStatus.State.OFFLINE);
        link.connect(ConnectOptions.of(config, will), error -> run("connected", () -> onConnectResult(error)));
    }

    private void onConnectResult(Throwable error) {
        connecting = false;
        if (stopped) {
            return;
        }
        if (error != null) {
            problem = "cannot reach the district server: " + error.getMessage();
            log.info("{}: connect failed: {}", topics.station(), error.getMessage());
            refreshStatus();
            scheduleConnect();
            return;
        }
        connected = true;
        problem = null;
        connectedSince = wall.instant();
        backoff.reset();
        log.info("{}: connected to {}", topics.station(), config.serverUri());
        link.subscribe(List.of(topics.topic(Kind.ACK), topics.topic(Kind.DOWNLINK)), err -> {
            if (err != null) {
                log.warn("{}: subscribe failed: {}", topics.station(), err.getMessage());
            }
        });
        publish(Kind.STATUS, Wire.encode(statusMessage(StationStatus.State.ONLINE)), 1, true, StationStatus.SCHEMA);
        flushTelemetry();
        publishLedger();
        refreshStatus();
        drainNow();
    }

    private void onConnectionLost(String reason) {
        if (!connected) {
            return;
        }
        connected = false;
        drainer.connectionLost();
        problem = "connection lost: " + reason;
        log.info("{}: connection lost: {}", topics.station(), reason);
        refreshStatus();
        scheduleConnect();
    }

    private StationStatus statusMessage(StationStatus.State state) {
        return new StationStatus(StationStatus.SCHEMA, topics.district(), topics.station(), state, config.appVersion(),
                connectedSince != null && state == StationStatus.State.ONLINE ? connectedSince : wall.instant(),
                parts.stationKey());
    }

    private void publish(Kind kind, byte[] payload, int qos, boolean retained, String schema) {
        link.publish(topics.topic(kind), payload, qos, retained, schema, err -> {
            if (err != null) {
                log.debug("{}: publish on {} failed: {}", topics.station(), kind, err.getMessage());
            }
        });
    }

    // --- visits -------------------------------------------------------------------------------

    private void drainNow() {
        drainQueued.set(false);
        if (!connected || stopped) {
            return;
        }
        Duration next = drainer.drain((bytes, done) -> link.publish(topics.topic(Kind.VISITS), bytes, 1, false,
                VisitBatch.SCHEMA, err -> {
                    done.accept(err);
                    wakeDrain();
                }));
        if (next.compareTo(Duration.ofSeconds(1)) < 0 && drainQueued.compareAndSet(false, true)) {
            thread.schedule(() -> guard("drain", this::drainNow), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void wakeDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            run("drain", this::drainNow);
        }
    }

    private void onMessage(String topic, byte[] payload) {
        if (topic.equals(topics.topic(Kind.ACK))) {
            try {
                VisitAck ack = Wire.decode(payload, VisitAck.class);
                if (ack.district() != topics.district() || !ack.station().equals(topics.station())) {
                    log.warn("{}: ack for {}/{} ignored", topics.station(), ack.district(), ack.station());
                    return;
                }
                drainer.onAck(ack);
                wakeDrain();
            } catch (WireFormatException e) {
                log.warn("{}: malformed ack ignored: {}", topics.station(), e.getMessage());
            }
        } else if (topic.equals(topics.topic(Kind.DOWNLINK))) {
            Optional<DownlinkAck> ack = downlinks.handle(payload);
            ack.ifPresent(a -> publish(Kind.DOWNLINK_ACK, Wire.encode(a), 1, false, DownlinkAck.SCHEMA));
            wakeDrain(); // a RESEND re-queued visits
        } else {
            log.debug("{}: message on unexpected topic {} ignored", topics.station(), topic);
        }
    }

    // --- telemetry, status, ledger, retention ---------------------------------------------------

    private void heartbeat() {
        OutboxStats s = parts.outbox().stats(wall.instant());
        long free = diskFree();
        Double temp = null;
        if (parts.temperature() != null) {
            var t = parts.temperature().celsius();
            temp = t.isPresent() ? t.getAsDouble() : null;
        }
        telemetry.offer(new Telemetry(Telemetry.SCHEMA, topics.district(), topics.station(), wall.instant(),
                config.appVersion(), (System.nanoTime() - startNanos) / 1_000_000_000L, s.waiting(),
                s.oldestWaitingAge().map(Duration::toSeconds).orElse(null), s.lastConfirmedSeq(), Math.max(0, free),
                free >= 0 && free < config.diskWarningBytes(), parts.clock().synced(), temp, telemetry.dropped()));
        flushTelemetry();
    }

    private void flushTelemetry() {
        if (!connected) {
            return;
        }
        for (Telemetry t : telemetry.drain()) {
            publish(Kind.TELEMETRY, Wire.encode(t), 0, false, Telemetry.SCHEMA);
        }
    }

    private void refreshStatus() {
        Instant now = wall.instant();
        OutboxStats s = parts.outbox().stats(now);
        long free = diskFree();
        status = new SyncStatus(connected, Optional.ofNullable(drainer.lastConfirmation()), s.waiting(),
                s.oldestWaitingAge(), free, free >= 0 && free < config.diskWarningBytes(), Optional.ofNullable(problem));
    }

    private long diskFree() {
        try {
            return Files.getFileStore(config.dataDirectory()).getUsableSpace();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private void closeDays() {
        if (parts.ledger() == null) {
            return;
        }
        LocalDate today = wall.instant().atZone(parts.zone()).toLocalDate();
        parts.ledger().closeThrough(today.minusDays(1));
        publishLedger();
    }

    private void publishLedger() {
        if (parts.ledger() == null || !connected) {
            return;
        }
        for (DaySummary s : parts.ledger().unpublished()) {
            link.publish(topics.topic(Kind.LEDGER), Wire.encode(s), 1, false, DaySummary.SCHEMA, err -> {
                if (err == null) {
                    run("ledger published", () -> parts.ledger().markPublished(s.date(), wall.instant()));
                }
            });
        }
    }

    private void purge() {
        int n = parts.outbox().purgeConfirmed(wall.instant().minus(Outbox.RETENTION));
        if (n > 0) {
            log.info("{}: purged {} visits confirmed more than {} days ago", topics.station(), n, Outbox.RETENTION.toDays());
        }
    }

    // --- plumbing -----------------------------------------------------------------------------

    private void run(String what, Runnable task) {
        try {
            thread.execute(() -> guard(what, task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("{}: {} after stop ignored", topics.station(), what);
        }
    }

    private void guard(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) { // keep the periodic tasks alive; OOM still ends the JVM
            problem = what + " failed: " + e.getMessage();
            log.error("{}: {} failed: {}", topics.station(), what, e.toString());
        }
    }

    /**
     * Publishes OFFLINE, disconnects cleanly and stops the agent's thread; blocks up to ~10 s.
     * Idempotent. Nothing is lost: unconfirmed visits stay in the outbox.
     */
    public void stop() {
        try {
            thread.submit(() -> {
                stopped = true;
                if (connected) {
                    link.publish(topics.topic(Kind.STATUS), Wire.encode(statusMessage(StationStatus.State.OFFLINE)), 1,
                            true, StationStatus.SCHEMA, err -> { });
                    connected = false;
                }
                link.disconnect(Duration.ofSeconds(2));
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("{}: stop: {}", topics.station(), e.toString());
        }
        thread.shutdownNow();
        link.close();
    }

    @Override
    public void close() {
        stop();
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.outbox.ConfirmWriter;
import org.warmstation.visitlog.outbox.Outbox;
import org.warmstation.visitlog.outbox.RecordOutbox;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.sync.drain.Drainer;
import org.warmstation.sync.drain.PublishWindow;
import org.warmstation.sync.drain.RecordDrainer;
import org.warmstation.sync.drain.TokenBucket;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.downlink.DownlinkHandler;
import org.warmstation.sync.drain.OutboxDrainer;
import org.warmstation.sync.mqtt.MqttLink;

/**
 * The terminal side of the MQTT sync ({@code docs/mqtt.md}): keeps a connection to the broker with
 * its own reconnect loop and birth/will status ({@link BrokerSession}), drains the {@link Outbox}
 * of visits and each record kind's {@link RecordOutbox} (one {@link Uplink} per kind, sharing one
 * publish window and one pace; acks grouped by {@link AckInbox}), publishes heartbeats and day summaries ({@link StationReports}), and
 * handles downlinks ({@link DownlinkHandler}).
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
     * @param temperature the room temperature sensor, or null without one
     * @param motion      the motion sensor's entry counter, or null without one
     * @param profile     the station's profile for the birth message, or null to send none
     * @param records     the outboxes of the other record kinds to drain (at most one per kind;
     *                    null or empty for visits only)
     */
    public record Parts(Outbox outbox, StationClock clock, ZoneId zone, Supplier<TrustList> trust,
                        DownlinkApplier applier, SyncState state, Ledger ledger, String stationKey,
                        TemperatureProbe temperature, MotionProbe motion, StationProfile profile,
                        List<RecordOutbox> records) {
        /** @throws IllegalArgumentException when two record outboxes have the same kind */
        public Parts {
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(applier, "applier");
            Objects.requireNonNull(state, "state");
            records = records == null ? List.of() : List.copyOf(records);
            if (records.stream().map(RecordOutbox::kind).distinct().count() != records.size()) {
                throw new IllegalArgumentException("two record outboxes of one kind");
            }
        }

        /** Parts for visits only; otherwise as the canonical constructor. */
        public Parts(Outbox outbox, StationClock clock, ZoneId zone, Supplier<TrustList> trust,
                     DownlinkApplier applier, SyncState state, Ledger ledger, String stationKey,
                     TemperatureProbe temperature, MotionProbe motion, StationProfile profile) {
            this(outbox, clock, zone, trust, applier, state, ledger, stationKey, temperature, motion, profile, null);
        }

        /**
         * @param more record outboxes to drain besides visits
         * @return these parts with those record outboxes
         */
        public Parts withRecords(List<RecordOutbox> more) {
            return new Parts(outbox, clock, zone, trust, applier, state, ledger, stationKey, temperature, motion,
                    profile, more);
        }

        /** Parts without motion sensor and profile; otherwise as the canonical constructor. */
        public Parts(Outbox outbox, StationClock clock, ZoneId zone, Supplier<TrustList> trust,
                     DownlinkApplier applier, SyncState state, Ledger ledger, String stationKey,
                     TemperatureProbe temperature) {
            this(outbox, clock, zone, trust, applier, state, ledger, stationKey, temperature, null, null, null);
        }
    }

    private final SyncConfig config;
    private final Parts parts;
    private final Topics topics;
    private final AgentThread thread;
    /** Encodes and publishes the uplinks' batches, in send order (decision 0245). */
    private final java.util.concurrent.ExecutorService encoder;
    /** Writes the visits' confirmations on a connection of its own (decision 0320). */
    private final java.util.concurrent.ExecutorService confirmer;
    private final OutboxDrainer visitDrainer;
    private volatile ConfirmWriter<WireVisit> confirmWriter;
    private final MqttLink link;
    private final BrokerSession session;
    private final Uplink visits;
    private final List<Uplink> uplinks;
    private final Map<RecordKind, Uplink> recordUplinks;
    private final AckInbox acks;
    private final StationReports reports;
    private final DownlinkHandler downlinks;
    private final SettingsGuard settingsGuard;
    private volatile SyncStatus status = SyncStatus.INITIAL;
    /** Counting the outbox for the status takes at most a twentieth of this thread (a large backlog). */
    private final StatusPace statusPace = new StatusPace(Duration.ofSeconds(1), 20);

    /**
     * @param config the settings
     * @param parts  the collaborators
     * @throws IllegalArgumentException when the server URI or station id is not usable
     */
    public SyncAgent(SyncConfig config, Parts parts) {
        this.config = Objects.requireNonNull(config, "config");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.topics = config.topics();
        InstantSource wall = () -> parts.clock().now();
        this.thread = new AgentThread(topics.station(), this::reportProblem);
        this.encoder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sync-encode-" + topics.station());
            t.setDaemon(true);
            return t;
        });
        this.confirmer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sync-confirm-" + topics.station());
            t.setDaemon(true);
            return t;
        });
        this.session = new BrokerSession(config, wall, parts.stationKey(), parts.profile(), parts.applier()::held,
                parts.applier()::updateReport, thread);
        Drainer.Limits limits = new Drainer.Limits(config.batchSize(), config.maxAwaitingAck(), config.resendAfter(),
                config.resendCap());
        PublishWindow window = new PublishWindow(config.maxInFlight()); // every kind together below Receive Maximum
        TokenBucket pace = TokenBucket.of(config.drainRate(), config.batchSize());
        this.visitDrainer = new OutboxDrainer(parts.outbox(), wall, topics.district(), topics.station(),
                limits, window, pace);
        this.visits = new Uplink(visitDrainer, Kind.VISITS, VisitBatch.SCHEMA, session, thread, encoder);
        Map<RecordKind, RecordDrainer> recordDrainers = new EnumMap<>(RecordKind.class);
        Map<RecordKind, Uplink> byKind = new EnumMap<>(RecordKind.class);
        for (RecordOutbox box : parts.records()) {
            RecordDrainer d = new RecordDrainer(box, wall, topics.district(), topics.station(), limits, window, pace);
            recordDrainers.put(box.kind(), d);
            byKind.put(box.kind(), new Uplink(d, Kind.RECORDS, RecordBatch.SCHEMA, session, thread, encoder));
        }
        this.recordUplinks = Map.copyOf(byKind);
        List<Uplink> all = new ArrayList<>(List.of(visits));
        all.addAll(byKind.values());
        this.uplinks = List.copyOf(all);
        this.acks = new AckInbox(thread, new AckReceiver(topics, visitDrainer, recordDrainers, parts.clock()),
                visits::wake, kind -> recordUplinks.get(kind).wake());
        this.reports = new StationReports(config, parts, wall, session, thread);
        this.settingsGuard = new SettingsGuard(config, parts.state(), parts.applier(), wall);
        this.downlinks = new DownlinkHandler(topics, parts.trust(), parts.applier(), parts.outbox(), parts.state(), wall,
                parts.clock()::synced, settingsGuard);
        String visitAcks = topics.topic(Kind.ACK);
        String recordAcks = topics.topic(Kind.RECORDS_ACK);
        this.link = new MqttLink(settingsGuard.broker(), topics.station(), new MqttLink.Events() {
            @Override
            public void connectionLost(String reason) {
                thread.run("connection lost", () -> session.onConnectionLost(reason));
            }

            @Override
            public void message(String topic, byte[] payload) {
                if (topic.equals(visitAcks) || topic.equals(recordAcks)) {
                    acks.offer(topic.equals(visitAcks), payload); // grouped: see AckInbox
                } else {
                    thread.run("message", () -> onMessage(topic, payload));
                }
            }
        });
        session.attach(link, new BrokerSession.Listener() {
            @Override
            public void connected() {
                publishRollbackReport();
                reports.flushTelemetry();
                reports.publishLedger();
                refreshStatus();
                uplinks.forEach(Uplink::drainNow);
            }

            @Override
            public void disconnected() {
                uplinks.forEach(Uplink::connectionLost);
            }

            @Override
            public void changed() {
                refreshStatus();
            }
        });
    }

    /** Starts connecting (after a random first delay) and syncing; returns at once. */
    public void start() {
        thread.run("start", () -> {
            confirmElsewhere();
            session.scheduleConnect();
        });
        Duration hb = Duration.ofMillis(Math.max(1, config.heartbeat().toMillis()));
        thread.every("heartbeat", hb, hb, reports::heartbeat);
        thread.every("status", Duration.ZERO, Duration.ofSeconds(1), () -> {
            if (statusPace.due(System.nanoTime())) {
                refreshStatus();
            }
        });
        thread.every("day close", Duration.ofSeconds(5), Duration.ofSeconds(600), reports::closeDays);
        thread.every("retention", Duration.ofSeconds(60), Duration.ofHours(6), reports::purge);
        thread.every("time floor", Duration.ofSeconds(5), Duration.ofSeconds(60), this::noteSyncedTime);
        thread.every("held downlinks", Duration.ofSeconds(1), Duration.ofSeconds(1), this::decideHeldDownlinks);
        thread.every("drain poll", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> uplinks.forEach(Uplink::drainNow));
        thread.every("settings rollback", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            followSettingsBroker(); // also after a held downlink was decided
            settingsGuard.check(session.connected()).ifPresent(session::switchBroker);
        });
    }

    /**
     * Confirms visits on a connection and thread of their own (decision 0320); if the second
     * connection cannot be opened, on the agent's thread as before.
     */
    private void confirmElsewhere() {
        try {
            ConfirmWriter<WireVisit> writer = parts.outbox().openConfirmWriter();
            confirmWriter = writer;
            // a written confirmation frees its place in the ack window: drain again
            visitDrainer.confirmOn(writer, confirmer, r -> thread.run("writing visit confirmations", () -> {
                try {
                    r.run();
                } finally {
                    visits.wake();
                }
            }));
        } catch (RuntimeException e) {
            log.warn("{}: no connection of its own for confirmations ({}); confirming on the agent's thread",
                    topics.station(), e.toString());
        }
    }

    /** Moves to the broker of a settings document just applied, when it names another one (decision 0211). */
    private void followSettingsBroker() {
        if (settingsGuard.takeApplied()) {
            String broker = settingsGuard.broker();
            if (!broker.equals(link.server())) {
                session.switchBroker(broker);
            }
        }
    }

    /** Hands a settings rollback report (decision 0211) to the broker; forgotten once the broker has it. */
    private void publishRollbackReport() {
        settingsGuard.report().ifPresent(report -> session.publish(Kind.DOWNLINK_ACK, report, 1, false,
                DownlinkAck.SCHEMA, err -> {
                    if (err == null) {
                        thread.run("rollback reported", settingsGuard::reported);
                    }
                }));
    }

    /** @return the latest sync state for the staff screen; never blocks */
    public SyncStatus status() {
        return status;
    }

    /** @return connect attempts made since start (for tests and the bench) */
    public int connectAttempts() {
        return session.attempts();
    }

    /** @return downlinks ignored so far */
    public long ignoredDownlinks() {
        return downlinks.ignored();
    }

    /**
     * Closes every day up to {@code date} now (on demand) and publishes the summaries when connected.
     * Days are closed only on a synced clock (issue 13 item 3): while the station clock is not
     * synced nothing is closed and the result is empty.
     *
     * @param date last local date to close
     * @return the summaries made, after they were handed to the broker (or queued while offline);
     *         empty while the clock is not synced
     * @throws IllegalStateException when there is no ledger
     * @throws Exception when closing failed
     */
    public List<DaySummary> closeDay(LocalDate date) throws Exception {
        if (parts.ledger() == null) {
            throw new IllegalStateException("this agent has no ledger");
        }
        return thread.call(() -> reports.closeThrough(date), Duration.ofSeconds(30));
    }

    private void onMessage(String topic, byte[] payload) {
        if (topic.equals(topics.topic(Kind.DOWNLINK))) {
            Optional<DownlinkAck> ack = downlinks.handle(payload);
            ack.ifPresent(a -> session.publish(Kind.DOWNLINK_ACK, Wire.encode(a), 1, false, DownlinkAck.SCHEMA));
            visits.wake(); // a RESEND re-queued visits
            followSettingsBroker();
        } else {
            log.debug("{}: message on unexpected topic {} ignored", topics.station(), topic);
        }
    }

    /** @return verified downlinks held unanswered until the station knows the time (decision 0187) */
    public int heldDownlinks() {
        return downlinks.held();
    }

    /** Answers the held downlinks that are due now that a district time or the clock sync is known. */
    private void decideHeldDownlinks() {
        if (!session.connected()) {
            return;
        }
        for (DownlinkAck a : downlinks.retryHeld()) {
            session.publish(Kind.DOWNLINK_ACK, Wire.encode(a), 1, false, DownlinkAck.SCHEMA);
        }
    }

    /** A synced clock reading is a time seen: it raises a bounded clock's floor (decision 0185). */
    private void noteSyncedTime() {
        if (parts.clock().synced()) {
            parts.clock().saw(parts.clock().now(), "synced clock");
        }
    }

    private void reportProblem(String problem) {
        session.problem(problem);
    }

    private void refreshStatus() {
        long start = System.nanoTime();
        status = reports.status(visits.lastConfirmation());
        statusPace.took(start, System.nanoTime());
    }

    /**
     * Publishes OFFLINE, disconnects cleanly, stops the agent's thread and waits for the confirmations
     * handed to the confirm writer; blocks up to ~15 s.
     * Idempotent. Nothing is lost: unconfirmed visits stay in the outbox.
     */
    public void stop() {
        try {
            thread.call(() -> {
                session.stop();
                return null;
            }, Duration.ofSeconds(10));
        } catch (Exception e) {
            log.debug("{}: stop: {}", topics.station(), e.toString());
        }
        thread.shutdownNow();
        encoder.shutdownNow(); // batches not yet published stay in the outbox
        confirmer.shutdown(); // confirmations handed over are written (a few ms), then the writer closes
        try {
            if (!confirmer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("{}: confirmations still being written after 5 s; those visits will be sent again",
                        topics.station());
                confirmer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ConfirmWriter<WireVisit> writer = confirmWriter;
        if (writer != null && confirmer.isTerminated()) {
            writer.close();
        }
        link.close();
    }

    @Override
    public void close() {
        stop();
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.HeldLists;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.mqtt.ConnectOptions;
import org.warmstation.sync.mqtt.MqttLink;
import org.warmstation.mqtt.Backoff;

/**
 * The connection lifecycle ({@code docs/mqtt.md}): connects with the OFFLINE will, retries with
 * {@link Backoff}, subscribes and publishes the retained ONLINE birth status on connect, and the
 * OFFLINE status on a clean stop. Holds the connection state and the current problem shown on the
 * staff screen.
 *
 * <p>Not thread-safe: every method except {@link #connected()}, {@link #problem()} and
 * {@link #attempts()} runs on the agent's thread; so do the {@link Listener} calls.
 */
final class BrokerSession {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    /** What the rest of the agent does when the connection changes; called on the agent's thread. */
    interface Listener {
        /** Connected, subscribed and birth status sent. */
        void connected();

        /** The connection was lost; called before the problem is set and the status refreshed. */
        void disconnected();

        /** The connection state or problem changed. */
        void changed();
    }

    private final SyncConfig config;
    private final Topics topics;
    private final InstantSource wall;
    private final String stationKey;
    private final StationProfile profile;
    private final java.util.function.Supplier<HeldLists> lists;
    private final java.util.function.Supplier<org.warmstation.protocol.wire.UpdateReport> update;
    private final AgentThread thread;
    private final Backoff backoff;
    private final AtomicInteger attempts = new AtomicInteger();
    private MqttLink link;
    private Listener listener;
    private volatile boolean connected;
    private volatile String problem;
    private boolean connecting;
    private boolean stopped;
    private Instant connectedSince;
    /** Counts broker switches: a connect attempt of an earlier one is dropped. */
    private int generation;

    BrokerSession(SyncConfig config, InstantSource wall, String stationKey, StationProfile profile,
                  java.util.function.Supplier<HeldLists> lists,
                  java.util.function.Supplier<org.warmstation.protocol.wire.UpdateReport> update, AgentThread thread) {
        this.config = config;
        this.lists = lists;
        this.update = update;
        this.topics = config.topics();
        this.wall = wall;
        this.stationKey = stationKey;
        this.profile = profile;
        this.thread = thread;
        this.backoff = new Backoff(config.firstAttemptSpread(), config.backoffBase(), config.backoffCap(),
                RandomGenerator.getDefault());
    }

    /** Wires the link and the listener; once, before {@link #scheduleConnect}. */
    void attach(MqttLink link, Listener listener) {
        this.link = link;
        this.listener = listener;
    }

    boolean connected() {
        return connected;
    }

    boolean stopped() {
        return stopped;
    }

    String problem() {
        return problem;
    }

    void problem(String problem) {
        this.problem = problem;
    }

    int attempts() {
        return attempts.get();
    }

    /** Schedules the next connect attempt after the backoff delay, unless stopped. */
    void scheduleConnect() {
        if (stopped) {
            return;
        }
        Duration delay = backoff.next();
        log.debug("{}: connect attempt {} in {} ms", topics.station(), backoff.attempts(), delay.toMillis());
        int g = generation;
        thread.after("connect", delay, () -> {
            if (g == generation) {
                connect();
            }
        });
    }

    private void connect() {
        if (stopped || connecting || connected) {
            return;
        }
        connecting = true;
        attempts.incrementAndGet();
        StationStatus will = statusMessage(StationStatus.State.OFFLINE);
        int g = generation;
        try {
            link.connect(ConnectOptions.of(config, will), error -> thread.run("connected", () -> onConnectResult(g, error)));
        } catch (java.io.UncheckedIOException e) {
            onConnectResult(g, e); // the password file cannot be read: retried with backoff
        }
    }

    /**
     * Moves to another broker (decision 0211): publishes the OFFLINE status and disconnects when
     * connected, then connects to {@code uri} after the first-attempt delay; an attempt to the old
     * broker still under way is dropped. On the agent's thread; blocks up to ~3 s while disconnecting.
     *
     * @param uri the broker URI
     */
    void switchBroker(String uri) {
        if (stopped) {
            return;
        }
        log.info("{}: moving from broker {} to {} (station settings)", topics.station(), link.server(), uri);
        generation++;
        if (connected) {
            publish(Kind.STATUS, Wire.encode(statusMessage(StationStatus.State.OFFLINE)), 1, true,
                    StationStatus.SCHEMA, err -> { });
            connected = false;
            listener.disconnected();
            link.disconnect(Duration.ofSeconds(2));
        }
        connecting = false;
        problem = "moving to the broker " + uri;
        link.server(uri);
        listener.changed();
        backoff.reset();
        scheduleConnect();
    }

    private void onConnectResult(int g, Throwable error) {
        if (g != generation) { // an attempt to the broker before a switch
            if (error == null) {
                link.disconnect(Duration.ofSeconds(1));
            }
            return;
        }
        connecting = false;
        if (stopped) {
            return;
        }
        if (error != null) {
            problem = "cannot reach the district server: " + error.getMessage();
            log.info("{}: connect failed: {}", topics.station(), error.getMessage());
            listener.changed();
            scheduleConnect();
            return;
        }
        connected = true;
        problem = null;
        connectedSince = wall.instant();
        backoff.reset();
        log.info("{}: connected to {}", topics.station(), link.server());
        link.subscribe(List.of(topics.topic(Kind.ACK), topics.topic(Kind.DOWNLINK), topics.topic(Kind.RECORDS_ACK)), err -> {
            if (err != null) {
                log.warn("{}: subscribe failed: {}", topics.station(), err.getMessage());
            }
        });
        publish(Kind.STATUS, Wire.encode(statusMessage(StationStatus.State.ONLINE)), 1, true, StationStatus.SCHEMA);
        listener.connected();
    }

    /** Paho reported the connection lost (on the agent's thread). */
    void onConnectionLost(String reason) {
        if (!connected) {
            return;
        }
        connected = false;
        listener.disconnected();
        problem = "connection lost: " + reason;
        log.info("{}: connection lost: {}", topics.station(), reason);
        listener.changed();
        scheduleConnect();
    }

    /**
     * The birth message carries the profile, heartbeat interval, lists held, the update report and
     * the architecture; the will and the clean OFFLINE do not.
     */
    private StationStatus statusMessage(StationStatus.State state) {
        boolean online = state == StationStatus.State.ONLINE;
        long hb = Math.clamp(config.heartbeat().toSeconds(), 1, 3600);
        return new StationStatus(StationStatus.SCHEMA, topics.district(), topics.station(), state, config.appVersion(),
                connectedSince != null && online ? connectedSince : wall.instant(),
                stationKey, online ? profile : null, online ? (int) hb : null, online ? lists.get() : null,
                online ? update.get() : null, online ? config.architecture() : null);
    }

    /** Publishes on this station's topic of {@code kind}; a failure is only logged. */
    void publish(Kind kind, byte[] payload, int qos, boolean retained, String schema) {
        publish(kind, payload, qos, retained, schema, err -> {
            if (err != null) {
                log.debug("{}: publish on {} failed: {}", topics.station(), kind, err.getMessage());
            }
        });
    }

    /** Publishes on this station's topic of {@code kind}; {@code done} is called on a Paho thread. */
    void publish(Kind kind, byte[] payload, int qos, boolean retained, String schema, MqttLink.Done done) {
        link.publish(topics.topic(kind), payload, qos, retained, schema, done);
    }

    /** Stops retrying, publishes the OFFLINE status when connected and disconnects (agent's thread). */
    void stop() {
        stopped = true;
        if (connected) {
            publish(Kind.STATUS, Wire.encode(statusMessage(StationStatus.State.OFFLINE)), 1, true,
                    StationStatus.SCHEMA, err -> { });
            connected = false;
        }
        link.disconnect(Duration.ofSeconds(2));
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;

/**
 * Rolls back a district settings document that leaves the station without its broker (issue 15,
 * decision 0211). After a settings downlink is applied the previous document stays kept (by the
 * {@link DownlinkApplier}); when the station is connected again with the new document in force,
 * it is confirmed; when it has not been connected for {@link SyncConfig#settingsRollbackAfter}
 * since, the previous document is restored and a FAILED {@link DownlinkAck} of the command saying
 * so is kept until it has been handed to the broker.
 *
 * <p>What is pending survives a restart in the {@link SyncState} (the window then starts again at
 * the restart). Not thread-safe: every method runs on the agent's thread; may block on storage.
 */
final class SettingsGuard implements org.warmstation.sync.downlink.DownlinkHandler.SettingsWatch {
    private static final Logger log = LoggerFactory.getLogger(SettingsGuard.class);
    /** The command id, version and issue time of an applied document not yet confirmed: {@code ID VERSION}. */
    static final String PENDING = "settings.rollback.pending";
    /** The rollback ack (wire JSON) not yet handed to the broker. */
    static final String REPORT = "settings.rollback.report";
    /** The id of the last command rolled back, answered FAILED again when re-sent. */
    static final String ROLLED_BACK = "settings.rollback.command";
    private static final String NONE = "-";

    private final Topics topics;
    private final SyncState state;
    private final DownlinkApplier applier;
    private final Duration window;
    private final InstantSource wall;
    private final String configuredBroker;
    private final SyncConfig config;
    private long deadline;
    /** The pending document as in {@link #PENDING}, null when none; read from the state at the first check. */
    private String pending;
    private boolean loaded;
    private boolean applied;

    /**
     * @param config  the agent's settings (topics, own broker, rollback window)
     * @param state   where what is pending is kept
     * @param applier keeps and restores the documents
     * @param wall    the station clock, for the ack
     */
    SettingsGuard(SyncConfig config, SyncState state, DownlinkApplier applier, InstantSource wall) {
        this.topics = config.topics();
        this.state = Objects.requireNonNull(state, "state");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.window = config.settingsRollbackAfter();
        this.wall = Objects.requireNonNull(wall, "wall");
        this.configuredBroker = config.serverUri();
        this.config = config;
        this.deadline = System.nanoTime() + window.toNanos();
    }

    /** @return whether a settings document was applied since the last call (its broker may differ) */
    boolean takeApplied() {
        boolean was = applied;
        applied = false;
        return was;
    }

    /** @return the broker of the settings in force, else the station's own */
    String broker() {
        return applier.settingsInForce().map(StationSettings::brokerUrl).orElse(configuredBroker);
    }

    /**
     * A settings command was just applied: watch it.
     *
     * @param command the command
     */
    @Override
    public void applied(DownlinkCommand command) {
        pending = command.id() + " " + command.settings().version();
        loaded = true;
        applied = true;
        state.put(PENDING, pending);
        deadline = System.nanoTime() + window.toNanos();
    }

    /**
     * Refuses a settings document naming a broker this station may not use (decision 0180: tcp://
     * only in lab mode, ssl:// only with a CA pin or file), and answers a re-send of a document
     * rolled back before FAILED again.
     */
    @Override
    public Optional<DownlinkAck> answer(DownlinkCommand command, Instant now) {
        String broker = command.settings().brokerUrl();
        String refusal = broker == null ? null : config.brokerRefusal(broker);
        if (refusal != null) {
            return Optional.of(DownlinkAck.of(command, DownlinkAck.Outcome.REFUSED, refusal, now));
        }
        return state.get(ROLLED_BACK).filter(id -> id.equals(command.id().toString()))
                .map(id -> DownlinkAck.of(command, DownlinkAck.Outcome.FAILED,
                        "rolled back earlier: the station could not reach the broker with these settings", now));
    }

    /**
     * Called every second: confirms the watched document when connected, rolls it back when the
     * window passed without a connection.
     *
     * @param connected whether the agent is connected to the broker now
     * @return the broker to connect to from now on when a rollback changed it, else empty
     */
    Optional<String> check(boolean connected) {
        if (!loaded) {
            pending = state.get(PENDING).filter(p -> !p.equals(NONE)).orElse(null);
            loaded = true;
        }
        if (pending == null) {
            return Optional.empty();
        }
        if (connected) {
            log.info("{}: settings {} confirmed: the broker is reachable with them", topics.station(), pending);
            clear();
            return Optional.empty();
        }
        if (System.nanoTime() - deadline < 0) {
            return Optional.empty();
        }
        String[] f = pending.split(" ");
        String before = broker();
        Optional<StationSettings> restored;
        try {
            restored = applier.restorePreviousSettings();
        } catch (Exception e) {
            log.error("{}: settings {} could not be rolled back: {}", topics.station(), f[0], e.toString());
            clear();
            return Optional.empty();
        }
        String now = restored.map(s -> "version " + s.version()).orElse("the station's own settings");
        String message = "rolled back: no broker connection for " + window + " after applying settings version "
                + f[1] + "; " + now + " in force again";
        DownlinkAck report = new DownlinkAck(DownlinkAck.SCHEMA, topics.district(), topics.station(),
                UUID.fromString(f[0]), DownlinkAck.Outcome.FAILED, message, wall.instant());
        state.put(ROLLED_BACK, f[0]);
        state.put(REPORT, new String(Wire.encode(report), java.nio.charset.StandardCharsets.UTF_8));
        clear();
        log.warn("{}: settings {} {}", topics.station(), f[0], message);
        String after = broker();
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }

    private void clear() {
        pending = null;
        state.put(PENDING, NONE);
    }

    /** @return the rollback report still to hand to the broker, if any */
    Optional<byte[]> report() {
        return state.get(REPORT).filter(r -> !r.equals(NONE))
                .map(r -> r.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The broker took the report (PUBACK). */
    void reported() {
        state.put(REPORT, NONE);
    }
}

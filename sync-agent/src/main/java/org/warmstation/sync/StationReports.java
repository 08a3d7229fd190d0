package org.warmstation.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.outbox.Outbox;
import org.warmstation.visitlog.outbox.OutboxStats;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Topics.Kind;
import org.warmstation.protocol.wire.Wire;

/**
 * What the station reports besides visits ({@code docs/mqtt.md}): heartbeat telemetry (queued while
 * offline in a {@link TelemetryQueue}), day summaries from the {@link Ledger}, and the
 * {@link SyncStatus} for the staff screen; also purges long-confirmed visits from the outbox. All
 * methods run on the agent's thread.
 */
final class StationReports {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    private final SyncConfig config;
    private final SyncAgent.Parts parts;
    private final Topics topics;
    private final InstantSource wall;
    private final BrokerSession session;
    private final AgentThread thread;
    private final TelemetryQueue telemetry;
    private final EntryWindow entries = new EntryWindow();
    private final long startNanos = System.nanoTime();
    private boolean closeWaitsForSync;

    StationReports(SyncConfig config, SyncAgent.Parts parts, InstantSource wall, BrokerSession session,
                   AgentThread thread) {
        this.config = config;
        this.parts = parts;
        this.topics = config.topics();
        this.wall = wall;
        this.session = session;
        this.thread = thread;
        this.telemetry = new TelemetryQueue(config.telemetryQueue());
    }

    /** Queues a telemetry record and publishes the queue when connected. */
    void heartbeat() {
        OutboxStats s = parts.outbox().stats(wall.instant());
        long free = diskFree();
        Double temp = null;
        if (parts.temperature() != null) {
            var t = parts.temperature().celsius();
            temp = t.isPresent() && Math.abs(t.getAsDouble()) <= 200 ? t.getAsDouble() : null;
        }
        Instant now = wall.instant();
        Long today = null;
        Long lastHour = null;
        if (parts.motion() != null) {
            var n = parts.motion().entriesToday();
            if (n.isPresent() && n.getAsLong() >= 0) {
                today = n.getAsLong();
                lastHour = entries.lastHour(now, today);
            }
        }
        telemetry.offer(new Telemetry(Telemetry.SCHEMA, topics.district(), topics.station(), now,
                config.appVersion(), (System.nanoTime() - startNanos) / 1_000_000_000L, s.waiting(),
                s.oldestWaitingAge().map(Duration::toSeconds).orElse(null), s.lastConfirmedSeq(), Math.max(0, free),
                free >= 0 && free < config.diskWarningBytes(), parts.clock().synced(), temp, telemetry.dropped(),
                today, lastHour, parts.applier().held(), parts.applier().updateReport()));
        flushTelemetry();
    }

    /** Publishes the queued telemetry (QoS 0) when connected. */
    void flushTelemetry() {
        if (!session.connected()) {
            return;
        }
        for (Telemetry t : telemetry.drain()) {
            session.publish(Kind.TELEMETRY, Wire.encode(t), 0, false, Telemetry.SCHEMA);
        }
    }

    /**
     * @param lastConfirmation when the district last confirmed visits, or null
     * @return the state for the staff screen now
     */
    SyncStatus status(Instant lastConfirmation) {
        Instant now = wall.instant();
        OutboxStats s = parts.outbox().stats(now);
        long free = diskFree();
        return new SyncStatus(session.connected(), Optional.ofNullable(lastConfirmation), s.waiting(),
                s.oldestWaitingAge(), free, free >= 0 && free < config.diskWarningBytes(),
                Optional.ofNullable(session.problem()), Optional.ofNullable(parts.applier().held()));
    }

    private long diskFree() {
        try {
            return Files.getFileStore(config.dataDirectory()).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Closes every day before today (station zone) and publishes the summaries; nothing without a
     * ledger, nothing while the clock is not synced ({@link #closeThrough}).
     */
    void closeDays() {
        if (parts.ledger() == null) {
            return;
        }
        LocalDate today = wall.instant().atZone(parts.zone()).toLocalDate();
        closeThrough(today.minusDays(1));
    }

    /**
     * Closes every day up to {@code date}, publishes, and returns the summaries made (ledger
     * required). Only on a synced clock: an unsynced one may read a day that has not ended (a
     * clock ahead) or may be corrected later, and a closed day is signed and never reopened; so
     * while it is not synced nothing is closed (logged once) and the result is empty.
     */
    List<DaySummary> closeThrough(LocalDate date) {
        if (!parts.clock().synced()) {
            if (!closeWaitsForSync) {
                log.info("{}: days are closed once the clock is synced (it reads {}, not synced)", topics.station(),
                        wall.instant());
                closeWaitsForSync = true;
            }
            return List.of();
        }
        closeWaitsForSync = false;
        List<DaySummary> made = parts.ledger().closeThrough(date);
        publishLedger();
        return made;
    }

    /** Publishes the unpublished day summaries (QoS 1) when connected; marks each published once sent. */
    void publishLedger() {
        if (parts.ledger() == null || !session.connected()) {
            return;
        }
        for (DaySummary s : parts.ledger().unpublished()) {
            session.publish(Kind.LEDGER, Wire.encode(s), 1, false, DaySummary.SCHEMA, err -> {
                if (err == null) {
                    thread.run("ledger published", () -> parts.ledger().markPublished(s.date(), wall.instant()));
                }
            });
        }
    }

    /** Deletes visits confirmed longer than {@link Outbox#RETENTION} ago. */
    void purge() {
        int n = parts.outbox().purgeConfirmed(wall.instant().minus(Outbox.RETENTION));
        if (n > 0) {
            log.info("{}: purged {} visits confirmed more than {} days ago", topics.station(), n, Outbox.RETENTION.toDays());
        }
        for (var box : parts.records()) {
            int r = box.purgeConfirmed(wall.instant().minus(Outbox.RETENTION));
            if (r > 0) {
                log.info("{}: purged {} {} records confirmed more than {} days ago", topics.station(), r, box.kind(),
                        Outbox.RETENTION.toDays());
            }
        }
    }
}

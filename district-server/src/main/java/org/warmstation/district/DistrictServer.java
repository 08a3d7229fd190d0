package org.warmstation.district;

import java.sql.Connection;
import java.util.Optional;
import org.warmstation.district.enroll.BrokerCredentials;
import org.warmstation.district.enroll.EnrollmentDesk;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.settings.SettingsService;
import org.warmstation.district.mqtt.DistrictReceiver;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.district.retention.Retention;

/**
 * One running district-server instance: the MQTT receiver feeding the {@link DistrictService},
 * a scheduled day-close reconciliation every {@code reconcileEvery}, and the sending of queued
 * downlinks every {@link #DISPATCH_EVERY}; every {@link #REFRESH_EVERY} the card lists due a refresh
 * and, when station profiles changed, the neighbour lists (decision 0126).
 *
 * <p>{@link #start} returns at once (connecting continues in the background); {@link #close}
 * stops everything but the database, which the caller owns.
 */
public final class DistrictServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistrictServer.class);
    /** How often downlinks queued by the console or the command line are looked for and sent. */
    public static final Duration DISPATCH_EVERY = Duration.ofMillis(250);
    /** How often stations whose card lists are due a refresh are looked for. */
    public static final Duration REFRESH_EVERY = Duration.ofMinutes(10);
    /** How often the retention purge runs (it does something once a month, when a month ages out). */
    public static final Duration RETENTION_EVERY = Duration.ofHours(6);

    private final DistrictReceiver receiver;
    private final DistrictService service;
    private final ScheduledExecutorService scheduler;

    private DistrictServer(DistrictReceiver receiver, DistrictService service, ScheduledExecutorService scheduler) {
        this.receiver = receiver;
        this.service = service;
        this.scheduler = scheduler;
    }

    /**
     * Starts an instance.
     *
     * @param db             the open database
     * @param settings       broker connection
     * @param ledger         reconciliation settings
     * @param reconcileEvery how often due day summaries are reconciled
     * @return the running instance
     * @throws MqttException when the broker URL is invalid
     */
    public static DistrictServer start(DistrictDatabase db, ReceiverSettings settings,
                                       DistrictService.LedgerSettings ledger, Duration reconcileEvery)
            throws MqttException {
        return start(db, settings, ledger, reconcileEvery, Optional.empty());
    }

    /**
     * Starts an instance that also provisions the stations' broker credentials: it answers the
     * one-time enrollment requests (decision 0181) and writes the station passwords into the
     * broker's password file (decision 0182).
     *
     * @param db             the open database
     * @param settings       broker connection
     * @param ledger         reconciliation settings
     * @param reconcileEvery how often due day summaries are reconciled
     * @param credentials    the broker's password file and reload, or empty to answer no enrollment
     * @return the running instance
     * @throws MqttException when the broker URL is invalid
     */
    public static DistrictServer start(DistrictDatabase db, ReceiverSettings settings,
                                       DistrictService.LedgerSettings ledger, Duration reconcileEvery,
                                       Optional<BrokerCredentials> credentials) throws MqttException {
        DistrictReceiver receiver = new DistrictReceiver(settings);
        DistrictService service = new DistrictService(db, settings.district(), receiver.outbound(), ledger,
                Clock.systemUTC());
        Optional<EnrollmentDesk> desk = credentials.map(c -> new EnrollmentDesk(db, settings.district(), c,
                receiver.outbound(), Clock.systemUTC(), EnrollmentDesk.Listener.REGISTER_KEY_AND_EPOCH));
        desk.ifPresent(service::enrollment);
        receiver.start(service);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
                r -> Thread.ofPlatform().name(settings.clientId() + "-scheduled").daemon(true).unstarted(r));
        long every = Math.max(100, reconcileEvery.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            if (!receiver.databaseAvailable()) {
                return;
            }
            try {
                service.reconcile();
            } catch (SQLException | RuntimeException e) {
                LOG.error("reconciliation pass failed (retried in {} ms): {}", every, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> {
            if (!receiver.databaseAvailable()) {
                return; // the receiver's probe watches the database; no log line every 250 ms meanwhile
            }
            try {
                service.dispatchDownlinks();
            } catch (SQLException | RuntimeException e) {
                LOG.error("sending queued downlinks failed (retried in {} ms): {}", DISPATCH_EVERY.toMillis(), e.toString());
            }
        }, DISPATCH_EVERY.toMillis(), DISPATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                service.refreshLists();
            } catch (SQLException | RuntimeException e) {
                LOG.error("refreshing the stations' card lists failed (retried in {}): {}", REFRESH_EVERY, e.toString());
            }
        }, REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        SettingsService settingsService = new SettingsService(db, settings.district(), Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int n = settingsService.refreshNeighboursIfProfilesChanged();
                if (n > 0) {
                    LOG.info("{} neighbour lists queued after station profiles changed", n);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.error("refreshing the neighbour lists failed (retried in {}): {}", REFRESH_EVERY, e.toString());
            }
        }, REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        desk.ifPresent(d -> scheduler.scheduleWithFixedDelay(() -> {
            try {
                d.sweepExpiredAccounts(); // a code's credential logs in nowhere once it expired (decision 0181)
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                LOG.error("removing expired enrollment accounts failed (retried in {}): {}", REFRESH_EVERY, e.toString());
            }
        }, REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        return new DistrictServer(receiver, service, scheduler);
    }

    /**
     * Runs the retention purge (decision 0203) now and then every {@link #RETENTION_EVERY}, on the
     * scheduler's thread; a failed purge is logged and tried again at the next run.
     *
     * @param db        the database
     * @param retention the retention setting
     * @param zone      the district's time zone (which day it is)
     */
    public void scheduleRetention(DistrictDatabase db, Retention retention, ZoneId zone) {
        scheduler.scheduleWithFixedDelay(() -> {
            try (Connection c = db.connection()) {
                retention.purge(c, LocalDate.now(zone));
            } catch (SQLException | RuntimeException e) {
                LOG.error("retention purge failed (tried again in {}): {}", RETENTION_EVERY, e.toString());
            }
        }, Duration.ofMinutes(1).toMillis(), RETENTION_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the message handler */
    public DistrictService service() {
        return service;
    }

    /** @return the MQTT receiver */
    public DistrictReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        receiver.close();
        service.close();
    }
}

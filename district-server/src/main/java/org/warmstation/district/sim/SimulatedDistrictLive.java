package org.warmstation.district.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.db.DistrictDatabase;

/**
 * Keeps a loaded simulated district alive while the demo runs: every {@code beat} a heartbeat of
 * each ONLINE simulated station (so they do not turn QUIET), every {@code visits} the check-ins
 * made since the last run ({@link SimulatedDistrictLoader#topUp}). QUIET and OFFLINE stations stay
 * silent. One daemon thread; failures are logged and retried on the next tick.
 */
public final class SimulatedDistrictLive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDistrictLive.class);

    private final ScheduledExecutorService scheduler;

    private SimulatedDistrictLive(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts the ticks; returns at once.
     *
     * @param db     the district database
     * @param loader the loader of the district (already loaded)
     * @param clock  the district's clock
     * @param beat   heartbeat interval (shorter than {@link SimulatedDistrictLoader#HEARTBEAT})
     * @param visits how often new check-ins are added
     * @return the running ticks; close to stop them
     */
    public static SimulatedDistrictLive start(DistrictDatabase db, SimulatedDistrictLoader loader, Clock clock,
                                              Duration beat, Duration visits) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("simulated-district").daemon(true).unstarted(r));
        s.scheduleWithFixedDelay(() -> tick(db, "heartbeats", c -> loader.heartbeat(c, clock.instant())),
                0, beat.toMillis(), TimeUnit.MILLISECONDS);
        s.scheduleWithFixedDelay(() -> tick(db, "visits", c -> loader.topUp(c, clock.instant())),
                visits.toMillis(), visits.toMillis(), TimeUnit.MILLISECONDS);
        return new SimulatedDistrictLive(s);
    }

    private interface Step {
        void run(Connection c) throws SQLException;
    }

    private static void tick(DistrictDatabase db, String what, Step step) {
        try (Connection c = db.connection()) {
            step.run(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("simulated district {}: {} (retried next tick)", what, e.toString());
        }
    }

    /** Stops the ticks; waits up to 5 s for a running one. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

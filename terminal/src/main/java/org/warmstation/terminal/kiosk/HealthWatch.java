package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.sync.update.UpdateInstaller;
import org.warmstation.sync.update.UpdateSpool;

/**
 * After each start, looks every {@link #EVERY} whether the kiosk is up, the camera delivers frames
 * and the broker is connected, and the first time all three hold marks the running version healthy
 * in the update folder (what the root {@link UpdateInstaller} waits for after installing it). Gives
 * up after {@link #LOOK_FOR}. Runs on a daemon thread of its own.
 */
final class HealthWatch implements AutoCloseable {
    /** How often to look. */
    static final Duration EVERY = Duration.ofSeconds(2);
    /** How long to look: a little longer than the installer waits. */
    static final Duration LOOK_FOR = UpdateInstaller.HEALTH_TIMEOUT.plusMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(HealthWatch.class);

    private final ScheduledExecutorService executor;

    private HealthWatch(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static HealthWatch start(UpdateSpool spool, String version, BooleanSupplier kioskUp, BooleanSupplier camera,
                             BooleanSupplier connected) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "update-health");
            t.setDaemon(true);
            return t;
        });
        long deadline = System.nanoTime() + LOOK_FOR.toNanos();
        ex.scheduleWithFixedDelay(() -> {
            boolean k = kioskUp.getAsBoolean();
            boolean c = camera.getAsBoolean();
            boolean b = connected.getAsBoolean();
            if (k && c && b) {
                try {
                    spool.markHealthy(version);
                    LOG.info("version {} healthy: kiosk up, camera, broker connected", version);
                } catch (IOException e) {
                    LOG.warn("health mark not written: {}", e.toString());
                }
                ex.shutdown();
            } else if (System.nanoTime() > deadline) {
                LOG.warn("version {} not healthy: kiosk {}, camera {}, broker {}", version, k, c, b);
                ex.shutdown();
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new HealthWatch(ex);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.Backlight;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;

/**
 * Dims the display backlight after an idle time and wakes it on activity (touch, motion). Works
 * on a thread of its own; {@link #activity()} returns at once. A backlight that cannot be written
 * is reported and tried again on the next change.
 */
public final class ScreenDimmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenDimmer.class);

    private final Backlight backlight;
    private final Duration idle;
    private final int dimLevel;
    private final PeripheralStates states;
    private final ScheduledExecutorService worker;
    private ScheduledFuture<?> dimTask;
    private volatile boolean awake;

    /**
     * Wakes the screen at once and starts the idle timer.
     *
     * @param backlight  the backlight
     * @param idle       dim after this long without activity
     * @param dimPercent brightness when dimmed, percent of the maximum
     * @param states     receives whether the screen is awake, and the backlight's health
     */
    public ScreenDimmer(Backlight backlight, Duration idle, int dimPercent, PeripheralStates states) {
        this.backlight = backlight;
        this.idle = idle;
        this.dimLevel = Math.max(0, Math.round(backlight.max() * dimPercent / 100f));
        this.states = states;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hw-backlight");
            t.setDaemon(true);
            return t;
        });
        activity();
    }

    /** Someone touched the screen or moved in front of it: wake, and restart the idle timer. */
    public void activity() {
        try {
            worker.execute(() -> {
                if (!awake) {
                    set(true);
                }
                if (dimTask != null) {
                    dimTask.cancel(false);
                }
                dimTask = worker.schedule(() -> set(false), idle.toNanos(), TimeUnit.NANOSECONDS);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("screen dimmer closed");
        }
    }

    /** @return whether the screen is at full brightness */
    public boolean awake() {
        return awake;
    }

    private void set(boolean wake) {
        awake = wake;
        try {
            backlight.level(wake ? backlight.max() : dimLevel);
            states.status(PeripheralRole.BACKLIGHT, Health.OK, "");
        } catch (IOException | RuntimeException e) {
            states.status(PeripheralRole.BACKLIGHT, Health.FAILING, "backlight " + backlight + ": " + e.getMessage());
        }
        states.screenAwake(wake); // after the write: the model never runs ahead of the screen
    }

    /** Stops the timer and leaves the screen at full brightness. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
            backlight.level(backlight.max());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("backlight not restored: {}", e.getMessage());
        }
    }
}

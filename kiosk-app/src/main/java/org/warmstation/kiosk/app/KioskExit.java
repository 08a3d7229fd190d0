package org.warmstation.kiosk.app;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the kiosk ends: normally (exit code 0), or by asking systemd for a fresh start
 * ({@link #EXIT_RESTART}) after {@link #RESTART_DELAY}, which the unit's {@code Restart=always}
 * gives it (decision 0260). The delay leaves the damaged-terminal screen and its voice prompt
 * time to be seen. Thread-safe: {@link #restart} may be called from any thread, once counts.
 */
public final class KioskExit {
    private static final Logger LOG = LoggerFactory.getLogger(KioskExit.class);
    /** Exit code of a kiosk that ends to be started again (BSD {@code EX_TEMPFAIL}). */
    public static final int EXIT_RESTART = 75;
    /** How long the screen stays before the kiosk ends for its restart. */
    public static final Duration RESTART_DELAY = Duration.ofSeconds(10);

    private final AtomicReference<String> restartReason = new AtomicReference<>();
    private final Runnable close;
    private final Duration delay;

    /**
     * @param close ends the kiosk (closes its window: {@code Platform::exit}); runs on a thread of
     *              its own after the delay
     * @param delay how long to wait before closing
     */
    KioskExit(Runnable close, Duration delay) {
        this.close = Objects.requireNonNull(close, "close");
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /**
     * Ends the kiosk after the delay, with {@link #EXIT_RESTART}; returns at once. Only the first
     * call counts.
     *
     * @param why logged, e.g. "visit log damaged: ..."
     */
    public void restart(String why) {
        if (!restartReason.compareAndSet(null, Objects.requireNonNull(why, "why"))) {
            return;
        }
        LOG.error("the kiosk ends in {} s to be started again: {}", delay.toSeconds(), why);
        Thread.ofPlatform().daemon().name("kiosk-restart").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close.run();
        });
    }

    /** @return the exit code: {@link #EXIT_RESTART} once a restart was asked for, else 0 */
    public int code() {
        return restartReason.get() == null ? 0 : EXIT_RESTART;
    }
}

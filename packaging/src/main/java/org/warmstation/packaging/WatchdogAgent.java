package org.warmstation.packaging;

import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The systemd software watchdog of the kiosk, as a Java agent ({@code -javaagent:} given by
 * {@code /usr/bin/warm-station}), so the application's code needs no change.
 *
 * <p>When systemd asks for a watchdog ({@code WatchdogSec=} in the unit sets
 * {@code WATCHDOG_USEC} and {@code NOTIFY_SOCKET}), a daemon thread sends {@code WATCHDOG=1}
 * every third of that time while the JavaFX application thread answers ({@link FxThreadProbe};
 * start-up grace 2 minutes). When it stops answering, no ping is sent and systemd kills and
 * restarts the session after {@code WatchdogSec}. Without those variables (every command run by
 * hand) the agent does nothing.
 */
public final class WatchdogAgent {
    /** How long the kiosk may take from JVM start to a running JavaFX toolkit. */
    static final Duration STARTUP_GRACE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(WatchdogAgent.class);

    private WatchdogAgent() {
    }

    /**
     * Agent entry point, run before {@code main}. Never throws: a watchdog that cannot start is
     * logged (and systemd then restarts the kiosk, which shows in the journal).
     *
     * @param arguments  ignored
     * @param instrument ignored
     */
    public static void premain(String arguments, Instrumentation instrument) {
        try {
            interval(System.getenv()).ifPresent(every -> {
                SdNotify notify = SdNotify.load();
                start(every, new FxThreadProbe(every, STARTUP_GRACE, System::nanoTime), notify::send);
            });
        } catch (RuntimeException | LinkageError e) {
            log.error("systemd watchdog not started: {}", e.toString());
        }
    }

    /**
     * @param environment the process environment
     * @return a third of {@code WATCHDOG_USEC} when it and {@code NOTIFY_SOCKET} are set and the
     *         value is a positive number; empty otherwise
     */
    static Optional<Duration> interval(Map<String, String> environment) {
        String usec = environment.get("WATCHDOG_USEC");
        if (usec == null || environment.get("NOTIFY_SOCKET") == null) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec.strip());
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000 / 3)) : Optional.empty();
        } catch (NumberFormatException e) {
            log.warn("WATCHDOG_USEC is not a number ('{}'); no watchdog", usec);
            return Optional.empty();
        }
    }

    /**
     * Starts pinging on a daemon thread named {@code systemd-watchdog}.
     *
     * @param every  time between two checks
     * @param health whether the kiosk is alive; may block up to {@code every}
     * @param notify sends a notification, returns sd_notify's result
     * @return the executor (for tests to stop)
     */
    static ScheduledExecutorService start(Duration every, BooleanSupplier health, ToIntFunction<String> notify) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
        int sent = notify.applyAsInt("STATUS=kiosk starting");
        if (sent <= 0) {
            log.warn("sd_notify returned {}; the systemd watchdog may kill the kiosk", sent);
        }
        boolean[] healthy = {true};
        executor.scheduleWithFixedDelay(() -> {
            boolean now = health.getAsBoolean();
            if (now) {
                notify.applyAsInt("WATCHDOG=1");
            } else if (healthy[0]) {
                log.error("the kiosk's JavaFX thread does not answer; no more watchdog pings, systemd will restart it");
            }
            healthy[0] = now;
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("systemd watchdog: ping every {} while the JavaFX thread answers", every);
        return executor;
    }
}

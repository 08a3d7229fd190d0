package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

class WatchdogAgentTest {
    @Test
    void pingsEveryThirdOfTheWatchdogTimeOnlyWhenSystemdAsks() {
        assertEquals(Optional.of(Duration.ofSeconds(5)),
                WatchdogAgent.interval(Map.of("WATCHDOG_USEC", "15000000", "NOTIFY_SOCKET", "/run/systemd/notify")));
        assertEquals(Optional.empty(), WatchdogAgent.interval(Map.of("WATCHDOG_USEC", "15000000")));
        assertEquals(Optional.empty(), WatchdogAgent.interval(Map.of("NOTIFY_SOCKET", "/run/systemd/notify")));
        assertEquals(Optional.empty(), WatchdogAgent.interval(Map.of()));
        assertEquals(Optional.empty(), WatchdogAgent.interval(Map.of("WATCHDOG_USEC", "fifteen", "NOTIFY_SOCKET", "@n")));
        assertEquals(Optional.empty(), WatchdogAgent.interval(Map.of("WATCHDOG_USEC", "0", "NOTIFY_SOCKET", "@n")));
    }

    @Test
    void fxProbeAllowsAStartupGraceThenNeedsTheFxThreadToAnswer() throws Exception {
        AtomicLong now = new AtomicLong(0);
        FxThreadProbe probe = new FxThreadProbe(Duration.ofMillis(500), Duration.ofMinutes(2), now::get);
        boolean toolkitWasRunning = isToolkitRunning();
        if (!toolkitWasRunning) {
            assertTrue(probe.getAsBoolean(), "not started yet, within the grace");
            now.set(Duration.ofMinutes(3).toNanos());
            assertFalse(probe.getAsBoolean(), "never started: unhealthy after the grace");
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            assertTrue(started.await(60, TimeUnit.SECONDS));
        }
        assertTrue(probe.getAsBoolean(), "the FX thread answers");

        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertFalse(probe.getAsBoolean(), "a blocked FX thread is a hung kiosk");
        } finally {
            release.countDown();
        }
        assertTrue(probe.getAsBoolean(), "answers again once released");
    }

    private static boolean isToolkitRunning() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}

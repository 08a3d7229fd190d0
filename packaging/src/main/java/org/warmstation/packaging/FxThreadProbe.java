package org.warmstation.packaging;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.application.Platform;

/**
 * Whether the kiosk is alive, judged by its JavaFX application thread: healthy when a task posted
 * with {@link Platform#runLater} runs within the timeout. Before the JavaFX toolkit has started
 * (JVM start-up, configuration, opening the visit log) it counts as healthy for a start-up grace
 * period; a kiosk that has not started its UI by then is not.
 *
 * <p>Called on the watchdog thread; {@link #getAsBoolean()} blocks up to the timeout.
 */
final class FxThreadProbe implements BooleanSupplier {
    private final Duration timeout;
    private final Duration startupGrace;
    private final LongSupplier nanoTime;
    private final long createdAt;

    /**
     * @param timeout      how long the JavaFX thread may take to run a posted task
     * @param startupGrace how long after creation a not yet started toolkit counts as healthy
     * @param nanoTime     monotonic time source, nanoseconds ({@code System::nanoTime})
     */
    FxThreadProbe(Duration timeout, Duration startupGrace, LongSupplier nanoTime) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.startupGrace = Objects.requireNonNull(startupGrace, "startupGrace");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.createdAt = nanoTime.getAsLong();
    }

    @Override
    public boolean getAsBoolean() {
        CountDownLatch ran = new CountDownLatch(1);
        try {
            Platform.runLater(ran::countDown);
        } catch (IllegalStateException notStarted) {
            return nanoTime.getAsLong() - createdAt < startupGrace.toNanos();
        }
        try {
            return ran.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

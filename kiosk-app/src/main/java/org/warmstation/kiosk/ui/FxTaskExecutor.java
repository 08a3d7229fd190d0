package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX {@link TaskExecutor}: one background worker thread (work runs in submission order),
 * one timer thread, results and timer actions delivered with {@link Platform#runLater}. The JavaFX
 * toolkit must be running. Thread-safe.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kiosk-worker").factory());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kiosk-timer").factory());

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        try {
            worker.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                } catch (Error e) {
                    LOG.error("background task failed", e);
                    throw e;
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("background task dropped: executor closed");
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public Timer schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            ScheduledFuture<?> f = timers.schedule(() -> Platform.runLater(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            }), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> {
                cancelled.set(true);
                f.cancel(false);
            };
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return Timer.NONE;
        }
    }

    @Override
    public Timer every(Duration period, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            ScheduledFuture<?> f = timers.scheduleAtFixedRate(() -> Platform.runLater(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            }), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
            return () -> {
                cancelled.set(true);
                f.cancel(false);
            };
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return Timer.NONE;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        timers.shutdownNow();
    }
}

package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit once per JVM (on the headless glass platform under Maven, see the
 * surefire system properties) and runs code on its thread for tests.
 */
public final class FxToolkit {
    private static boolean started;

    private FxToolkit() {
    }

    /** Starts the toolkit unless it already runs. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            up.complete(null);
        }
        up.join();
        Platform.setImplicitExit(false);
        started = true;
    }

    /**
     * Runs code on the JavaFX thread and waits for it (30 s at most).
     *
     * @param work the code
     * @param <T>  its result type
     * @return its result
     */
    public static <T> T call(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("failed on the FX thread: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("FX thread did not answer: " + e, e);
        }
    }

    /**
     * Runs code on the JavaFX thread and waits for it.
     *
     * @param work the code
     */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits until a condition, checked on the JavaFX thread, holds.
     *
     * @param what    what is awaited, for the failure message
     * @param timeout how long at most
     * @param check   the condition
     * @throws AssertionError when it does not hold in time
     */
    public static void waitFor(String what, Duration timeout, BooleanSupplier check) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (call(check::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}

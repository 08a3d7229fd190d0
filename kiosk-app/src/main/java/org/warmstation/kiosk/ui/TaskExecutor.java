package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work off the UI thread and hands its outcome back on the UI thread, and runs
 * timers whose actions come on the UI thread. View models take one, so they can be tested with
 * {@link SameThreadTaskExecutor} without any UI toolkit.
 *
 * <p>Background work runs in submission order, one task at a time, so that e.g. two service taps
 * reach the visit log in the order they were made.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Queues blocking work; returns at once.
     *
     * @param work      the work, run on a background thread (never the UI thread)
     * @param onSuccess receives the work's result on the UI thread
     * @param onFailure receives whatever the work threw, on the UI thread
     * @param <T>       the result type
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /**
     * Runs an action on the UI thread later (or at once if this is the UI thread and the
     * implementation is same-thread).
     *
     * @param action the action
     */
    void runOnUi(Runnable action);

    /**
     * Runs an action on the UI thread once after a delay, unless cancelled first.
     *
     * @param delay  the delay, zero or more
     * @param action the action, run on the UI thread
     * @return a handle whose {@link Timer#cancel()} guarantees the action does not run afterwards
     *         when called on the UI thread
     */
    Timer schedule(Duration delay, Runnable action);

    /**
     * Runs an action on the UI thread every {@code period} until cancelled.
     *
     * @param period the period, more than zero
     * @param action the action, run on the UI thread
     * @return the handle
     */
    Timer every(Duration period, Runnable action);

    /** Stops the background thread and all timers; queued work is dropped. Idempotent. */
    @Override
    void close();

    /** A scheduled action. */
    interface Timer {
        /** A timer that never fires; cancelling it does nothing. */
        Timer NONE = () -> { };

        /** Cancels the action; idempotent. */
        void cancel();
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one thread ({@code sync-agent-<station>}) that all sync work runs on. A task that
 * throws is logged and reported to the problem sink instead of ending the thread or a periodic task;
 * work handed over after {@link #shutdownNow} is ignored. Every method may be called from any thread
 * and returns at once, except {@link #call}.
 */
final class AgentThread {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

    private final String station;
    private final Consumer<String> problems;
    private final ScheduledExecutorService executor;

    /**
     * @param station  the station id, for the thread name and the log
     * @param problems receives "what failed: why" when a task throws (called on the agent's thread)
     */
    AgentThread(String station, Consumer<String> problems) {
        this.station = station;
        this.problems = problems;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-agent-" + station);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on the agent's thread soon; ignored after stop. */
    void run(String what, Runnable task) {
        try {
            executor.execute(() -> guard(what, task));
        } catch (RejectedExecutionException e) {
            log.debug("{}: {} after stop ignored", station, what);
        }
    }

    /** Runs {@code task} on the agent's thread after {@code delay}. */
    void after(String what, Duration delay, Runnable task) {
        executor.schedule(() -> guard(what, task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the agent's thread after {@code initial}, then {@code period} after each end. */
    void every(String what, Duration initial, Duration period, Runnable task) {
        executor.scheduleWithFixedDelay(() -> guard(what, task), initial.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} on the agent's thread and waits for it.
     *
     * @throws Exception what the task threw (wrapped in an ExecutionException), or a timeout
     */
    <T> T call(Callable<T> task, Duration timeout) throws Exception {
        return executor.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} here and now, logging and reporting what it throws. */
    void guard(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) { // keep the periodic tasks alive; OOM still ends the JVM
            problems.accept(what + " failed: " + e.getMessage());
            log.error("{}: {} failed: {}", station, what, e.toString());
        }
    }

    /** Stops the thread without waiting for queued work. */
    void shutdownNow() {
        executor.shutdownNow();
    }
}

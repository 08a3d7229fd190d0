package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.Pattern;

/**
 * Plays {@link Pattern}s on outputs on one thread of its own, so no caller ever waits for a light,
 * a beep or a door pulse. A new pattern replaces the one playing: the old one stops where it is
 * (without switching off, so a door held open stays open) and its future is cancelled; the new
 * one then sets the output as its first step says. After the last step the output is switched
 * off. Step lengths are minimums: the output changes no earlier than the step's length after the
 * previous change.
 */
final class PatternPlayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PatternPlayer.class);

    private final String name;
    private final OutputLine idle;
    private final ExecutorService worker;
    private FutureTask<Void> task;
    private CompletableFuture<Void> result;
    private boolean closed;

    /**
     * @param name for the thread and the log, e.g. {@code door}
     * @param idle switched off on close, after the thread stopped
     */
    PatternPlayer(String name, OutputLine idle) {
        this.name = name;
        this.idle = idle;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hw-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param pattern what to play
     * @param target  the output to drive
     * @return completes after the pattern; cancelled when replaced; exceptionally with IOException
     */
    synchronized CompletableFuture<Void> play(Pattern pattern, OutputLine target) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException(name + " is closed"));
        }
        stopCurrent();
        CompletableFuture<Void> r = new CompletableFuture<>();
        FutureTask<Void> t = new FutureTask<>(() -> run(pattern, target, r), null);
        r.whenComplete((v, e) -> {
            if (r.isCancelled()) {
                t.cancel(true);
            }
        });
        task = t;
        result = r;
        worker.execute(t);
        return r;
    }

    private void stopCurrent() {
        if (result != null) {
            result.cancel(false);
            task.cancel(true);
        }
    }

    private void run(Pattern pattern, OutputLine target, CompletableFuture<Void> r) {
        if (r.isDone()) {
            return;
        }
        try {
            for (Pattern.Step step : pattern.steps()) {
                target.set(step.on());
                Thread.sleep(step.length());
            }
            target.set(false);
            r.complete(null);
        } catch (InterruptedException e) {
            // replaced or cancelled: leave the output as it is, the next pattern (or close) sets it
            r.cancel(false);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: pattern failed", name, e);
            try {
                target.set(false);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            r.completeExceptionally(e instanceof IOException ? e : new IOException(e.getMessage(), e));
        }
    }

    /** Stops any pattern, waits for the thread, then switches the output off. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopCurrent();
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{}: pattern thread did not stop", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            idle.set(false);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not switch off on close: {}", name, e.getMessage());
        }
    }
}

package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} for tests and tools: work runs at once on the calling thread, and timers
 * run on a virtual clock that only moves when {@link #advance(Duration)} is called. Not
 * thread-safe: use it from one thread.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final List<Scheduled> timers = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long order;

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public Timer schedule(Duration delay, Runnable action) {
        Scheduled s = new Scheduled(now.plus(delay), Duration.ZERO, action, order++);
        timers.add(s);
        return s;
    }

    @Override
    public Timer every(Duration period, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        Scheduled s = new Scheduled(now.plus(period), period, action, order++);
        timers.add(s);
        return s;
    }

    /**
     * Moves the virtual clock forward, running every timer that falls due, in time order.
     *
     * @param amount how far, zero or more
     */
    public void advance(Duration amount) {
        Duration target = now.plus(amount);
        while (true) {
            Scheduled next = timers.stream().filter(t -> !t.due.minus(target).isPositive())
                    .min(Comparator.comparing((Scheduled t) -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            if (next.period.isZero()) {
                timers.remove(next);
            } else {
                next.due = next.due.plus(next.period);
            }
            next.action.run();
        }
        now = target;
    }

    /** @return how many timers are pending */
    public int pendingTimers() {
        return timers.size();
    }

    @Override
    public void close() {
        timers.clear();
    }

    private final class Scheduled implements Timer {
        private Duration due;
        private final Duration period;
        private final Runnable action;
        private final long seq;

        Scheduled(Duration due, Duration period, Runnable action, long seq) {
            this.due = due;
            this.period = period;
            this.action = action;
            this.seq = seq;
        }

        @Override
        public void cancel() {
            timers.remove(this);
        }
    }
}

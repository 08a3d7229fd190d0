package org.warmstation.terminal.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.outbox.ConfirmWriter;
import org.warmstation.visitlog.outbox.ForwardingOutbox;
import org.warmstation.visitlog.outbox.Outbox;

/**
 * The agent's outbox in the benchmark: every call goes to the real outbox, and the entries each
 * confirmation changed to CONFIRMED (here or through its confirm writer) are counted, so that the bench learns the moment the last
 * visit is confirmed without querying the outbox meanwhile (a query would take CPU from the agent
 * it measures, and polling would add its interval to the figure). Thread-safe as the outbox is.
 */
final class ConfirmCountingOutbox extends ForwardingOutbox {
    private final long target;
    private long confirmed;
    private long reachedAtNanos;

    /**
     * @param outbox the real outbox
     * @param target how many confirmed entries {@link #awaitTarget} waits for
     */
    ConfirmCountingOutbox(Outbox outbox, long target) {
        super(outbox);
        this.target = target;
    }

    /**
     * Blocks until the confirmations have changed {@code target} entries in all.
     *
     * @param timeout the longest wait
     * @return {@link System#nanoTime()} when the confirmation that reached the target returned
     * @throws InterruptedException  when interrupted
     * @throws IllegalStateException when the target is not reached in time
     */
    synchronized long awaitTarget(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (confirmed < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(confirmed + " of " + target + " entries confirmed in " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return reachedAtNanos;
    }

    private int counted(int n) {
        long now = System.nanoTime();
        synchronized (this) {
            confirmed += n;
            if (confirmed >= target && reachedAtNanos == 0) {
                reachedAtNanos = now;
                notifyAll();
            }
        }
        return n;
    }

    @Override
    public int confirm(Collection<WireVisit> entries, Instant at) {
        return counted(super.confirm(entries, at));
    }

    @Override
    public int confirmSent(List<Sent<WireVisit>> sent, Instant at) {
        return counted(super.confirmSent(sent, at));
    }

    /** The agent confirms through this writer (decision 0320): its confirmations are counted too. */
    @Override
    public ConfirmWriter<WireVisit> openConfirmWriter() {
        ConfirmWriter<WireVisit> writer = super.openConfirmWriter();
        return new ConfirmWriter<>() {
            @Override
            public int confirmSent(List<Sent<WireVisit>> sent, Instant at) {
                return counted(writer.confirmSent(sent, at));
            }

            @Override
            public void close() {
                writer.close();
            }
        };
    }
}

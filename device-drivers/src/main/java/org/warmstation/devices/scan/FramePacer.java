package org.warmstation.devices.scan;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paces a simulated camera: one frame per interval, the next one due an interval after the last
 * (or now, if the reader fell behind), until closed. The one pacing of the frame sources that are
 * not a real camera. {@link #awaitDue} is called by one reader thread; {@link #close} by any.
 */
final class FramePacer {
    private final Duration interval;
    private final CountDownLatch closed = new CountDownLatch(1);
    private long nextDueNanos = System.nanoTime();

    /**
     * @param interval time between frames, positive
     * @throws IllegalArgumentException when the interval is not positive
     */
    FramePacer(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("frame interval must be positive: " + interval);
        }
        this.interval = interval;
    }

    /**
     * Blocks until the next frame is due, at most the timeout.
     *
     * @param timeout how long to wait at most
     * @return true when a frame is due now (and the next one is scheduled); false when none is due
     *         within the timeout, the pacer was closed, or the thread was interrupted (flag kept)
     */
    boolean awaitDue(Duration timeout) {
        long waitNanos = nextDueNanos - System.nanoTime();
        long timeoutNanos = timeout.toNanos();
        try {
            if (closed.await(Math.min(Math.max(waitNanos, 0), timeoutNanos), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (waitNanos > timeoutNanos) {
            return false;
        }
        nextDueNanos = Math.max(nextDueNanos + interval.toNanos(), System.nanoTime());
        return true;
    }

    /** Ends pacing: a waiting {@link #awaitDue} returns false at once, and so do later calls. */
    void close() {
        closed.countDown();
    }
}

package org.warmstation.sync;

import java.time.Duration;

/**
 * Paces the agent's periodic status refresh. The staff screen's counts come from the outbox's
 * {@code stats}, which reads every waiting entry: about a millisecond for a day's visits, but tens
 * of milliseconds for the backlog of a long outage, read every second on the thread that drains that
 * backlog. A refresh is due once a period has passed since the last one began and, after a slow one,
 * not before {@code share} times its duration has: counting then takes at most {@code 1/share} of the
 * agent's thread, and the screen is a few seconds behind during a large drain. Times are
 * {@link System#nanoTime()} readings. Not thread-safe: the agent's thread only.
 */
final class StatusPace {
    private final long periodNanos;
    private final long share;
    private boolean ever;
    private long nextNanos;

    /**
     * @param period the usual time between refreshes
     * @param share  how many times a refresh's own duration must pass before the next, at least 1
     * @throws IllegalArgumentException for a non-positive period or share
     */
    StatusPace(Duration period, int share) {
        if (period.isNegative() || period.isZero() || share < 1) {
            throw new IllegalArgumentException("period and share must be positive: " + period + ", " + share);
        }
        this.periodNanos = period.toNanos();
        this.share = share;
    }

    /**
     * @param nowNanos now
     * @return whether a refresh is due (always before the first)
     */
    boolean due(long nowNanos) {
        return !ever || nowNanos - nextNanos >= 0;
    }

    /**
     * Records a refresh.
     *
     * @param startNanos when it began
     * @param endNanos   when it ended
     */
    void took(long startNanos, long endNanos) {
        ever = true;
        long spent = Math.max(0, endNanos - startNanos);
        nextNanos = startNanos + Math.max(periodNanos, spent > Long.MAX_VALUE / share ? Long.MAX_VALUE / 2 : spent * share);
    }
}

package org.warmstation.sync.drain;

import java.time.Duration;

/**
 * Paces the backlog drain: {@code rate} tokens (visits) per second, holding at most
 * {@code capacity}; shared by the agent's drainers. Not thread-safe; used by the agent's one thread.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    /**
     * @param ratePerSecond visits per second
     * @param capacity      burst size in visits
     * @param nowNanos      current {@link System#nanoTime()}
     */
    TokenBucket(int ratePerSecond, int capacity, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /**
     * @param ratePerSecond entries per second, at least 1
     * @param batchSize     entries per batch (the burst holds at least one batch)
     * @return a full bucket starting now
     */
    public static TokenBucket of(int ratePerSecond, int batchSize) {
        return new TokenBucket(ratePerSecond, Math.max(batchSize, ratePerSecond), System.nanoTime());
    }

    /** @return whether {@code n} tokens were available (and are now taken) */
    boolean tryTake(int n, long nowNanos) {
        refill(nowNanos);
        if (tokens >= n) {
            tokens -= n;
            return true;
        }
        return false;
    }

    /** @return how long until {@code n} tokens are available */
    Duration waitFor(int n, long nowNanos) {
        refill(nowNanos);
        double missing = Math.min(n, capacity) - tokens;
        return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(missing / ratePerNano));
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
    }
}

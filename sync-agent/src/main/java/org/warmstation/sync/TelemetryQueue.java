package org.warmstation.sync;

import java.util.ArrayDeque;
import java.util.List;
import org.warmstation.protocol.wire.Telemetry;

/**
 * Heartbeats waiting to be sent, at most {@code capacity}; when full, the oldest is dropped (and
 * counted). Visits never go through here. Thread-safe.
 */
public final class TelemetryQueue {
    private final int capacity;
    private final ArrayDeque<Telemetry> queue = new ArrayDeque<>();
    private long dropped;

    /** @param capacity most heartbeats kept, at least 1 */
    public TelemetryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /** @param t a heartbeat; drops the oldest when full */
    public synchronized void offer(Telemetry t) {
        while (queue.size() >= capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(t);
    }

    /** @return every queued heartbeat, oldest first, removing them */
    public synchronized List<Telemetry> drain() {
        List<Telemetry> out = List.copyOf(queue);
        queue.clear();
        return out;
    }

    /** @return heartbeats dropped so far */
    public synchronized long dropped() {
        return dropped;
    }

    /** @return heartbeats queued now */
    public synchronized int size() {
        return queue.size();
    }
}

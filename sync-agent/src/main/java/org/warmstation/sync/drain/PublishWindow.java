package org.warmstation.sync.drain;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publishes awaiting their PUBACK on the current connection, shared by every kind's drainer of
 * one agent, so all kinds together stay below the broker's Receive Maximum (Mosquitto: 20). A
 * publish takes a slot tagged with the connection's generation; its completion frees the slot
 * only if the connection is still the same ({@link #reset} starts a new generation with every slot
 * free, since PUBACKs of a lost connection never come). Thread-safe: completions may come from
 * any thread.
 */
public final class PublishWindow {
    private final int size;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();

    /**
     * @param size most publishes awaiting their PUBACK, at least 1
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public PublishWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be >= 1: " + size);
        }
        this.size = size;
    }

    /** @return whether another publish may start now */
    public boolean hasRoom() {
        return inFlight.get() < size;
    }

    /** @return the generation of the slot taken (give it to {@link #release}) */
    int take() {
        inFlight.incrementAndGet();
        return generation.get();
    }

    /** @param gen the generation {@link #take} returned; a slot of an older connection is already free */
    void release(int gen) {
        if (generation.get() == gen) {
            inFlight.decrementAndGet();
        }
    }

    /** The connection is gone: every slot is free, completions of its publishes are ignored. */
    public void reset() {
        generation.incrementAndGet();
        inFlight.set(0);
    }
}

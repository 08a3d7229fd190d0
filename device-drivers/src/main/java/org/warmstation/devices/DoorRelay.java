package org.warmstation.devices;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The door-relay role: opens the door lock for a while. The relay starts in the locked state
 * (restored at start whatever it was), and is put back to it on close and on JVM shutdown.
 */
public interface DoorRelay extends AutoCloseable {

    /** @return how the relay is wired: whether it is energised while locked */
    DoorMode mode();

    /**
     * Opens the door for {@code open}, on the relay's own thread; returns at once. A pulse while
     * the door is already open extends it: the door then stays open until {@code open} after this
     * call (the earlier pulse's future completes exceptionally with a cancellation), without
     * clicking shut in between.
     *
     * @param open how long to hold the door open, positive
     * @return completes when the door is locked again; exceptionally with
     *         {@link java.io.IOException} when the relay pin could not be driven
     * @throws IllegalArgumentException when {@code open} is not positive
     */
    CompletableFuture<Void> pulseAsync(Duration open);

    /**
     * Opens the door for {@code open} and blocks until it is locked again; never call on the UI or
     * scan thread.
     *
     * @param open how long to hold the door open, positive
     * @throws InterruptedException     when interrupted while waiting
     * @throws java.io.IOException      when the relay pin could not be driven
     * @throws IllegalArgumentException when {@code open} is not positive
     */
    default void pulse(Duration open) throws InterruptedException, java.io.IOException {
        Outputs.await(pulseAsync(open));
    }

    /** @return whether the door is open right now */
    boolean isOpen();

    /** Locks the door (ending any pulse); blocks until the relay is in its locked state. */
    @Override
    void close();
}

package org.warmstation.devices;

import java.util.concurrent.CompletableFuture;

/** The buzzer role: an active buzzer (one tone) switched on and off in patterns. */
public interface Buzzer extends AutoCloseable {

    /**
     * Plays a pattern on the buzzer's own thread; returns at once. A pattern still playing is cut
     * short (its future completes exceptionally with a cancellation). Muting and night hours are
     * the caller's policy (see the station feedback), not the buzzer's.
     *
     * @param pattern what to play; the buzzer is silent afterwards
     * @return completes when the pattern has ended; exceptionally with
     *         {@link java.io.IOException} when the pin could not be driven
     */
    CompletableFuture<Void> playAsync(Pattern pattern);

    /**
     * Plays a pattern and blocks until it has ended; never call on the UI or scan thread.
     *
     * @param pattern what to play
     * @throws InterruptedException when interrupted while waiting
     * @throws java.io.IOException  when the pin could not be driven
     */
    default void play(Pattern pattern) throws InterruptedException, java.io.IOException {
        Outputs.await(playAsync(pattern));
    }

    /** Silences the buzzer; blocks until it is silent. */
    @Override
    void close();
}

package org.warmstation.devices;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The status-light role: a green, a red and an amber LED (any of them may be missing). At most one
 * colour is lit; showing a colour replaces whatever the light was showing.
 */
public interface StatusLight extends AutoCloseable {

    /** @return the colours wired at this station */
    Set<LightColor> colors();

    /**
     * Plays a pattern in one colour on the light's own thread; returns at once. Any pattern still
     * playing is cut short (its future completes exceptionally with a cancellation) and the other
     * colours go dark. A colour that is not wired is ignored (the future completes at once).
     *
     * @param color   the colour
     * @param pattern what to play; the light is off afterwards
     * @return completes when the pattern has ended; exceptionally with
     *         {@link java.io.IOException} when the pin could not be driven
     */
    CompletableFuture<Void> showAsync(LightColor color, Pattern pattern);

    /**
     * Plays a pattern and blocks until it has ended; never call on the UI or scan thread.
     *
     * @param color   the colour
     * @param pattern what to play
     * @throws InterruptedException when interrupted while waiting (the pattern is cut short)
     * @throws java.io.IOException  when the pin could not be driven
     */
    default void show(LightColor color, Pattern pattern) throws InterruptedException, java.io.IOException {
        Outputs.await(showAsync(color, pattern));
    }

    /** Switches every colour off; blocks until the light is dark, for close/shutdown. */
    @Override
    void close();
}

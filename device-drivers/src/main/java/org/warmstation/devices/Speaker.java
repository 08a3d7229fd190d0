package org.warmstation.devices;

import java.util.concurrent.CompletableFuture;

/**
 * The speaker role: plays short recorded sounds (the kiosk's voice prompts) on the terminal's
 * audio output. Volume, on/off and quiet hours are the caller's policy, not the speaker's.
 */
public interface Speaker extends AutoCloseable {

    /**
     * Plays a sound on the speaker's own thread; returns at once and never throws for audio
     * trouble. A sound still playing is cut short (its future is cancelled), so the latest
     * check-in is the one heard.
     *
     * @param sound what to play
     * @return completes when the sound has ended; cancelled when a later sound cut it short;
     *         exceptionally with {@link java.io.IOException} when there is no usable audio output
     */
    CompletableFuture<Void> playAsync(Sound sound);

    /** Stops playing and releases the output; waits at most a second. Idempotent. */
    @Override
    void close();

    /** A speaker that plays nothing: every sound completes at once. */
    Speaker NONE = new Speaker() {
        @Override
        public CompletableFuture<Void> playAsync(Sound sound) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    };
}

package org.warmstation.kiosk.sync;

import java.util.Optional;

/**
 * Background services running beside the kiosk, such as the sync agent (and in the demo an
 * in-process broker and district), seen through the one small hook the kiosk exposes: a status
 * snapshot for the staff screen, a notice for the operator, and close. Supplied from outside the
 * kiosk module (module terminal wires the sync agent in), so the kiosk never depends on the agent.
 *
 * <p>Threading: {@link #sync()} and {@link #notice()} are called on the UI thread every second
 * and must return at once (never block on the network or storage); {@link #close()} is called once
 * when the kiosk shuts down, off or on the UI thread, and may block for a few seconds.
 */
public interface StationServices extends AutoCloseable {
    /** No background services: the sync state is unknown and nothing is shown. */
    StationServices NONE = new StationServices() {
        @Override
        public Optional<SyncSnapshot> sync() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };

    /** @return the latest sync state, or empty when this station does not sync; never blocks */
    Optional<SyncSnapshot> sync();

    /**
     * @return a one-line notice for the staff screen, e.g. why the demo's district could not
     *         start; empty when there is nothing to say. Never blocks.
     */
    default Optional<String> notice() {
        return Optional.empty();
    }

    /** Stops the services; nothing recorded is lost. Does not throw. */
    @Override
    void close();
}

package org.warmstation.devices.scan;

import java.util.Objects;

/**
 * What a scanner is doing, for the screen and the log.
 *
 * @param state   the state
 * @param message a short human-readable detail (English, for the log; the UI maps the state to
 *                its own words), possibly empty
 */
public record ScannerStatus(State state, String message) {
    public ScannerStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    /** The scanner states. */
    public enum State {
        /** Opening the camera or device. */
        STARTING,
        /** Frames or input arrive. */
        RUNNING,
        /** The camera failed or stopped sending frames; a restart is scheduled. */
        RESTARTING,
        /** Closed. */
        STOPPED
    }
}

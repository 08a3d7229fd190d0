package org.warmstation.devices;

import java.time.Instant;

/**
 * The motion-sensor role: a PIR sensor on a digital input. Reports each debounced start of motion
 * (someone coming in) once.
 */
public interface MotionSensor extends AutoCloseable {

    /** Receives motion starts. */
    @FunctionalInterface
    interface Listener {
        /**
         * Motion began. Called on the GPIO event thread (never the UI thread); must return quickly.
         * An exception thrown here is logged and ignored.
         *
         * @param at when it began (station clock)
         */
        void onMotion(Instant at);
    }

    /**
     * @param listener receives every later motion start
     */
    void addListener(Listener listener);

    /** @return whether the sensor reports motion right now */
    boolean motion();

    /** Releases the input; idempotent. */
    @Override
    void close();
}

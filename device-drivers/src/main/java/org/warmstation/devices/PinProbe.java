package org.warmstation.devices;

import java.io.IOException;

/**
 * What a hardware test needs beyond the device roles: how often the platform saw an output pin
 * change while the test drove a role, and, on a simulated platform, inputs that nobody can give by
 * hand (a motion pulse, a sensor's answer). Pins are named by the ids the role implementations
 * give them ({@code light-red}, {@code buzzer}, {@code door}, {@code motion}, {@code ambient}).
 */
public interface PinProbe {
    /** An action on a role that may block (pulses, patterns) and fail with an I/O error. */
    @FunctionalInterface
    interface RoleAction {
        /**
         * @throws IOException          when the role's I/O fails
         * @throws InterruptedException when interrupted while blocked
         */
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs the action and counts the state changes the platform reported on the output pin
     * meanwhile. Blocks as long as the action.
     *
     * @param pinId  the output pin's id
     * @param action what drives the role
     * @return the number of state changes seen
     * @throws IOException              when the action fails
     * @throws InterruptedException     when interrupted
     * @throws IllegalArgumentException when no output pin has that id
     */
    int changesDuring(String pinId, RoleAction action) throws IOException, InterruptedException;

    /** @return whether inputs are simulated (Pi4J's mock platform), so the simulate methods work */
    boolean simulated();

    /**
     * Simulated platform only: the PIR input goes active and back, as a person walking past.
     *
     * @param activeLow whether the sensor's output is active low
     * @throws IllegalStateException when the platform is real hardware
     */
    void simulateMotion(boolean activeLow);

    /**
     * Simulated platform only: the ambient sensor's next measurement answers 25.0 °C and 50 %RH.
     *
     * @throws IllegalStateException when the platform is real hardware
     */
    void simulateAmbientAnswer();
}

package org.warmstation.devices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A timed on/off pattern for an output (a light, the buzzer, the door relay): steps played in
 * order, after which the output is switched off.
 *
 * @param steps the steps, at least one (a copy is kept)
 */
public record Pattern(List<Step> steps) {

    /**
     * @throws IllegalArgumentException when there are no steps
     */
    public Pattern {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pattern has at least one step");
        }
    }

    /**
     * One step: the output on or off for a time.
     *
     * @param on     whether the output is on (light lit, buzzer sounding, door open)
     * @param length how long, positive
     */
    public record Step(boolean on, Duration length) {
        /**
         * @throws IllegalArgumentException when {@code length} is zero or negative
         */
        public Step {
            Objects.requireNonNull(length, "length");
            if (length.isZero() || length.isNegative()) {
                throw new IllegalArgumentException("a step lasts a positive time, not " + length);
            }
        }
    }

    /**
     * @param length how long to stay on, positive
     * @return on for {@code length}, then off
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static Pattern steady(Duration length) {
        return new Pattern(List.of(new Step(true, length)));
    }

    /**
     * @param times how many flashes, at least 1
     * @param on    length of each flash, positive
     * @param off   gap between flashes, positive
     * @return {@code times} flashes separated by {@code off} (no trailing gap)
     * @throws IllegalArgumentException when {@code times} is below 1 or a length is not positive
     */
    public static Pattern flashes(int times, Duration on, Duration off) {
        if (times < 1) {
            throw new IllegalArgumentException("at least one flash, not " + times);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                steps.add(new Step(false, off));
            }
            steps.add(new Step(true, on));
        }
        return new Pattern(steps);
    }

    /** @return the sum of all step lengths */
    public Duration length() {
        return steps.stream().map(Step::length).reduce(Duration.ZERO, Duration::plus);
    }
}

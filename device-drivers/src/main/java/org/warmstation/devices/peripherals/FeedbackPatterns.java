package org.warmstation.devices.peripherals;

import java.time.Duration;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.Pattern;

/** The light and buzzer patterns of each check-in outcome (docs/hardware.md lists them). */
public final class FeedbackPatterns {
    private FeedbackPatterns() {
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /**
     * @param outcome the outcome
     * @return the colour shown
     */
    public static LightColor color(CheckInOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> LightColor.GREEN;
            case REJECTED -> LightColor.RED;
            case ALREADY_CHECKED_IN, OFFLINE -> LightColor.AMBER;
        };
    }

    /**
     * @param outcome the outcome
     * @return the light pattern: steady green 2 s; red 4 fast flashes; steady amber 2 s; amber 3 slow flashes
     */
    public static Pattern light(CheckInOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> Pattern.steady(ms(2000));
            case REJECTED -> Pattern.flashes(4, ms(250), ms(150));
            case ALREADY_CHECKED_IN -> Pattern.steady(ms(2000));
            case OFFLINE -> Pattern.flashes(3, ms(500), ms(300));
        };
    }

    /**
     * @param outcome the outcome
     * @return the buzzer pattern: one 150 ms beep; one 500 ms beep; two 80 ms beeps; three 60 ms beeps
     */
    public static Pattern buzzer(CheckInOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> Pattern.steady(ms(150));
            case REJECTED -> Pattern.steady(ms(500));
            case ALREADY_CHECKED_IN -> Pattern.flashes(2, ms(80), ms(100));
            case OFFLINE -> Pattern.flashes(3, ms(60), ms(60));
        };
    }
}

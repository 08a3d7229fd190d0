package org.warmstation.devices.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.warmstation.devices.peripherals.HardwareConfig;

/**
 * Prints figures, asserts nothing: how long {@code feedback.accepted()} takes to return to its
 * caller, and by how much a door pulse overshoots its configured length, on Pi4J's mock platform.
 * Run: {@code java -cp <test classpath> org.warmstation.devices.pi4j.FeedbackTimingBench [runs]}.
 */
public final class FeedbackTimingBench {
    private FeedbackTimingBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration pulse = Duration.ofMillis(100);
        var context = Pi4jPlatform.newMockContext();
        var config = HardwareConfig.parse(Map.of("hardware.light.green.pin", "17", "hardware.buzzer.pin", "18",
                "hardware.door.pin", "23", "hardware.door.pulse", "PT0.1S"));
        List<Long> callMicros = new ArrayList<>();
        List<Long> overshootMicros = new ArrayList<>();
        try (var p = Pi4jPeripherals.open(config, context, Clock.systemDefaultZone(), "mock", true)) {
            PinRecorder pins = new PinRecorder(context, "door");
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                var done = p.feedback().accepted();
                callMicros.add((System.nanoTime() - t0) / 1000);
                done.get();
            }
            for (Duration d : pins.stretches("door", DigitalState.HIGH)) {
                overshootMicros.add(d.minus(pulse).toNanos() / 1000);
            }
        }
        print("accepted() returns to caller after", callMicros);
        print("door pulse " + pulse.toMillis() + " ms overshoot", overshootMicros);
    }

    private static void print(String what, List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%s: n=%d min %d µs, median %d µs, p95 %d µs, max %d µs%n", what, s.size(),
                s.get(0), s.get(s.size() / 2), s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.95))),
                s.get(s.size() - 1));
    }
}

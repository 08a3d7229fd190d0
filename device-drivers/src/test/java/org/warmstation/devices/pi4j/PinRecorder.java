package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every state change of Pi4J pins, through Pi4J's own state-change listeners, with a
 * monotonic timestamp taken as the listener runs.
 */
final class PinRecorder {

    /** One change: pin id, new level, System.nanoTime() when Pi4J reported it. */
    record Change(String pin, DigitalState state, long nanos) {
    }

    private final List<Change> changes = new ArrayList<>();

    /** Attaches to the pins of these Pi4J ids in the context. */
    PinRecorder(Context context, String... ids) {
        for (String id : ids) {
            Digital<?, ?, ?> pin = context.io(id);
            pin.addListener(e -> {
                synchronized (changes) {
                    changes.add(new Change(id, e.state(), System.nanoTime()));
                }
            });
        }
    }

    /** @return every change so far, in order */
    List<Change> all() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    /** @return the changes of one pin, in order */
    List<Change> of(String id) {
        return all().stream().filter(c -> c.pin().equals(id)).toList();
    }

    /** @return the levels one pin went through, in order */
    List<DigitalState> levels(String id) {
        return of(id).stream().map(Change::state).toList();
    }

    /** @return how long each stretch at {@code level} lasted (changes to it until the next change of the pin) */
    List<Duration> stretches(String id, DigitalState level) {
        List<Change> c = of(id);
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i + 1 < c.size(); i++) {
            if (c.get(i).state() == level) {
                out.add(Duration.ofNanos(c.get(i + 1).nanos() - c.get(i).nanos()));
            }
        }
        return out;
    }
}

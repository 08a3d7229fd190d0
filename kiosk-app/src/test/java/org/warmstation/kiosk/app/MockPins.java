package org.warmstation.kiosk.app;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the level changes of Pi4J mock pins through Pi4J's own state-change listeners, with the
 * name of the thread that made each change.
 */
final class MockPins {
    /** One change: pin id, new level, the thread that wrote the pin. */
    record Change(String pin, DigitalState state, String thread) {
    }

    private final List<Change> changes = new ArrayList<>();

    /**
     * @param context the mock context
     * @param ids     Pi4J ids of the pins to follow, e.g. {@code light-green}, {@code door}
     */
    MockPins(Context context, String... ids) {
        for (String id : ids) {
            Digital<?, ?, ?> pin = context.io(id);
            pin.addListener(e -> {
                synchronized (changes) {
                    changes.add(new Change(id, e.state(), Thread.currentThread().getName()));
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

    /** @return the levels one pin went through, in order */
    List<DigitalState> levels(String id) {
        return all().stream().filter(c -> c.pin().equals(id)).map(Change::state).toList();
    }
}

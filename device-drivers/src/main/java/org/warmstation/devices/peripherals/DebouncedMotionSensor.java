package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.MotionSensor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;

/**
 * A PIR sensor on an input line. A motion start counts (one entry) when the input, after being
 * inactive, stays active for the debounce time; it does not count again until the input has gone
 * inactive, so a person lingering in front of the sensor is one entry. Reports entries and the
 * live motion level into the peripheral states.
 */
public final class DebouncedMotionSensor implements MotionSensor {
    private static final Logger LOG = LoggerFactory.getLogger(DebouncedMotionSensor.class);

    private final InputLine line;
    private final Duration debounce;
    private final Clock clock;
    private final PeripheralStates states;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private boolean counted;
    private long generation;
    private volatile boolean active;

    /**
     * Starts listening at once.
     *
     * @param line     the PIR output
     * @param debounce how long the input must stay active to count, zero to count every rising edge
     * @param clock    stamps the motion starts
     * @param states   receives motion and entries
     */
    public DebouncedMotionSensor(InputLine line, Duration debounce, Clock clock, PeripheralStates states) {
        this.line = line;
        this.debounce = debounce;
        this.clock = clock;
        this.states = states;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hw-motion");
            t.setDaemon(true);
            return t;
        });
        line.onChange(this::changed);
        try {
            active = line.active();
            counted = active; // already active at start: someone was there before us, not a new entry
            states.motion(active);
        } catch (IOException e) {
            states.status(PeripheralRole.MOTION, Health.FAILING, e.getMessage());
        }
    }

    private void changed(boolean nowActive) {
        long gen;
        synchronized (this) {
            active = nowActive;
            gen = ++generation;
            if (!nowActive) {
                counted = false;
            }
        }
        states.motion(nowActive);
        if (nowActive) {
            if (debounce.isZero()) {
                confirm(gen);
            } else {
                timer.schedule(() -> confirm(gen), debounce.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void confirm(long gen) {
        synchronized (this) {
            if (gen != generation || !active || counted) {
                return; // fell back before the debounce time, or already counted
            }
            counted = true;
        }
        Instant at = clock.instant();
        states.entry();
        for (Listener l : listeners) {
            try {
                l.onMotion(at);
            } catch (RuntimeException e) {
                LOG.warn("motion listener failed", e);
            }
        }
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean motion() {
        return active;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        line.close();
    }
}

package org.warmstation.devices.peripherals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.PeripheralStatus.Health;

/**
 * The live peripheral-state model, free of any UI toolkit: the peripherals report into it, the
 * screen (through its own adapter), the heartbeat and telemetry read {@link #snapshot()} or
 * listen. Thread-safe. Listeners are called on the thread that made the change (a peripheral
 * thread, never the UI thread), one at a time and in the order of the changes; they must return
 * quickly without blocking (a UI hands the snapshot to its own thread).
 */
public final class PeripheralStates {
    private static final Logger LOG = LoggerFactory.getLogger(PeripheralStates.class);

    private final Clock clock;
    private final List<Consumer<PeripheralSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private PeripheralSnapshot current;

    /**
     * @param present the configured roles (all start OK)
     * @param clock   station clock, for status times and the entry day
     */
    public PeripheralStates(Set<PeripheralRole> present, Clock clock) {
        this.clock = clock;
        Map<PeripheralRole, PeripheralStatus> statuses = new EnumMap<>(PeripheralRole.class);
        present.forEach(r -> statuses.put(r, new PeripheralStatus(r, Health.OK, "", clock.instant())));
        this.current = new PeripheralSnapshot(present, statuses, Optional.empty(), false, false, false, false,
                LocalDate.now(clock), 0, Optional.empty(), false, true);
    }

    /** @return the state now */
    public synchronized PeripheralSnapshot snapshot() {
        return current;
    }

    /**
     * @param listener called with every new snapshot (see the class comment for the thread)
     */
    public void addListener(Consumer<PeripheralSnapshot> listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(Consumer<PeripheralSnapshot> listener) {
        listeners.remove(listener);
    }

    /**
     * Records a role's health; a change of health is logged (failures at WARN).
     *
     * @param role    the role
     * @param health  its health
     * @param message detail, e.g. the error
     */
    public void status(PeripheralRole role, Health health, String message) {
        update(s -> {
            PeripheralStatus old = s.statuses().get(role);
            if (old != null && old.health() == health && (health == Health.OK || old.message().equals(message))) {
                return s;
            }
            if (health == Health.FAILING) {
                LOG.warn("{} failing: {}", role, message);
            } else if (old != null && old.failing()) {
                LOG.info("{} works again", role);
            }
            Map<PeripheralRole, PeripheralStatus> m = new EnumMap<>(PeripheralRole.class);
            m.putAll(s.statuses());
            m.put(role, new PeripheralStatus(role, health, message,
                    old != null && old.health() == health ? old.since() : clock.instant()));
            return with(s, m, s.light(), s.buzzing(), s.muted(), s.doorOpen(), s.motion(), s.entriesDay(),
                    s.entriesToday(), s.ambient(), s.lowTemperature(), s.screenAwake());
        });
    }

    /** @param color the colour now lit, or empty when dark */
    public void light(Optional<LightColor> color) {
        update(s -> with(s, s.statuses(), color, s.buzzing(), s.muted(), s.doorOpen(), s.motion(), s.entriesDay(),
                s.entriesToday(), s.ambient(), s.lowTemperature(), s.screenAwake()));
    }

    /** @param buzzing whether the buzzer sounds now */
    public void buzzing(boolean buzzing) {
        update(s -> with(s, s.statuses(), s.light(), buzzing, s.muted(), s.doorOpen(), s.motion(), s.entriesDay(),
                s.entriesToday(), s.ambient(), s.lowTemperature(), s.screenAwake()));
    }

    /** @param muted whether the buzzer is muted */
    public void muted(boolean muted) {
        update(s -> with(s, s.statuses(), s.light(), s.buzzing(), muted, s.doorOpen(), s.motion(), s.entriesDay(),
                s.entriesToday(), s.ambient(), s.lowTemperature(), s.screenAwake()));
    }

    /** @param open whether the door is held open now */
    public void doorOpen(boolean open) {
        update(s -> with(s, s.statuses(), s.light(), s.buzzing(), s.muted(), open, s.motion(), s.entriesDay(),
                s.entriesToday(), s.ambient(), s.lowTemperature(), s.screenAwake()));
    }

    /** @param motion whether the PIR sensor reports motion now */
    public void motion(boolean motion) {
        update(s -> with(s, s.statuses(), s.light(), s.buzzing(), s.muted(), s.doorOpen(), motion, s.entriesDay(),
                s.entriesToday(), s.ambient(), s.lowTemperature(), s.screenAwake()));
    }

    /** Counts one entry (a motion start) on today's local date; the count restarts each day. */
    public void entry() {
        LocalDate today = LocalDate.now(clock);
        update(s -> with(s, s.statuses(), s.light(), s.buzzing(), s.muted(), s.doorOpen(), s.motion(), today,
                today.equals(s.entriesDay()) ? s.entriesToday() + 1 : 1, s.ambient(), s.lowTemperature(),
                s.screenAwake()));
    }

    /**
     * @param reading        a good reading
     * @param lowTemperature whether the room is now below the alert temperature
     */
    public void ambient(AmbientReading reading, boolean lowTemperature) {
        update(s -> with(s, s.statuses(), s.light(), s.buzzing(), s.muted(), s.doorOpen(), s.motion(), s.entriesDay(),
                s.entriesToday(), Optional.of(reading), lowTemperature, s.screenAwake()));
    }

    /** @param awake whether the screen is at full brightness */
    public void screenAwake(boolean awake) {
        update(s -> with(s, s.statuses(), s.light(), s.buzzing(), s.muted(), s.doorOpen(), s.motion(), s.entriesDay(),
                s.entriesToday(), s.ambient(), s.lowTemperature(), awake));
    }

    private static PeripheralSnapshot with(PeripheralSnapshot s, Map<PeripheralRole, PeripheralStatus> statuses,
                                           Optional<LightColor> light, boolean buzzing, boolean muted, boolean door,
                                           boolean motion, LocalDate day, long entries,
                                           Optional<AmbientReading> ambient, boolean low, boolean awake) {
        return new PeripheralSnapshot(s.present(), statuses, light, buzzing, muted, door, motion, day, entries, ambient,
                low, awake);
    }

    private void update(UnaryOperator<PeripheralSnapshot> change) {
        synchronized (this) {
            PeripheralSnapshot next = change.apply(current);
            if (next == current) {
                return;
            }
            current = next;
            // under the lock, so listeners see snapshots in the order they were made
            for (Consumer<PeripheralSnapshot> l : listeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("peripheral state listener failed", e);
                }
            }
        }
    }
}

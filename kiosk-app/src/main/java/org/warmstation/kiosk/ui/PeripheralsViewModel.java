package org.warmstation.kiosk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.peripherals.PeripheralSnapshot;
import org.warmstation.devices.peripherals.PeripheralStates;

/**
 * The station peripherals as the kiosk screen sees them: the latest {@link PeripheralSnapshot}
 * (handed over to the UI thread), what the idle and staff screens derive from it (room reading,
 * low-temperature alert, entries today, failing roles), a problem with the {@code hardware.*}
 * settings, and the two things the screen does to the peripherals: report a touch and mute the
 * buzzer. Free of any scene graph.
 *
 * <p>Threading: the peripheral-state listener runs on peripheral threads and only hands the
 * newest snapshot to the UI thread through {@link TaskExecutor#runOnUi} (quick changes in a row
 * are shown once, the latest); every other method is for the UI thread and returns at once.
 */
public final class PeripheralsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PeripheralsViewModel.class);

    /** What the screen does to the peripherals; both return at once, on any thread. */
    public interface Controls {
        /** Controls of a station without peripherals: nothing happens. */
        Controls NONE = new Controls() {
            @Override
            public void userActivity() {
            }

            @Override
            public void setMuted(boolean muted) {
            }
        };

        /** A touch on the screen: wakes a dimmed backlight, restarts its idle time. */
        void userActivity();

        /** @param muted whether staff muted the buzzer */
        void setMuted(boolean muted);
    }

    private final PeripheralStates states;
    private final Controls controls;
    private final TaskExecutor executor;
    private final String configProblem;
    private final AtomicReference<PeripheralSnapshot> pending = new AtomicReference<>();
    private final Consumer<PeripheralSnapshot> listener;
    private final ReadOnlyObjectWrapper<PeripheralSnapshot> snapshot = new ReadOnlyObjectWrapper<>();

    /**
     * Starts following the states; call {@link #close()} when the screen is dropped.
     *
     * @param states        the live peripheral states
     * @param controls      acts on the peripherals
     * @param executor      hands changes to the UI thread
     * @param configProblem why the {@code hardware.*} settings were ignored (shown on the staff
     *                      screen), or empty when they were fine
     */
    public PeripheralsViewModel(PeripheralStates states, Controls controls, TaskExecutor executor,
                                Optional<String> configProblem) {
        this.states = Objects.requireNonNull(states, "states");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.configProblem = configProblem.orElse("");
        this.snapshot.set(states.snapshot());
        this.listener = s -> {
            if (pending.getAndSet(s) == null) {
                try {
                    executor.runOnUi(this::showPending);
                } catch (IllegalStateException noUiThread) {
                    // the runtime is built before the toolkit starts (and outlives it): with no UI
                    // thread nothing is bound to the property yet, so take the change here rather
                    // than leave it pending, which would swallow every later change
                    showPending();
                }
            }
        };
        states.addListener(listener);
    }

    private void showPending() {
        PeripheralSnapshot latest = pending.getAndSet(null);
        if (latest != null) {
            snapshot.set(latest);
        }
    }

    /**
     * @param executor hands changes to the UI thread
     * @return the model of a station without peripherals
     */
    public static PeripheralsViewModel none(TaskExecutor executor) {
        return new PeripheralsViewModel(new PeripheralStates(Set.of(), Clock.systemUTC()), Controls.NONE, executor,
                Optional.empty());
    }

    /** @return the latest peripheral states, updated on the UI thread */
    public ReadOnlyObjectProperty<PeripheralSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /**
     * @param role a peripheral role
     * @return whether the station config names it
     */
    public boolean present(PeripheralRole role) {
        return snapshot.get().present().contains(role);
    }

    /** @return the latest good room reading, empty without an ambient sensor or before its first reading */
    public Optional<AmbientReading> ambient() {
        return snapshot.get().ambient();
    }

    /** @return whether the room is below the configured low-temperature alert */
    public boolean lowTemperature() {
        return snapshot.get().lowTemperature();
    }

    /**
     * @param day the station's local day
     * @return people the motion sensor counted coming in on that day; 0 for another day than the
     *         sensor's count, or without a motion sensor
     */
    public long entriesOn(LocalDate day) {
        PeripheralSnapshot s = snapshot.get();
        return s.entriesDay().equals(day) ? s.entriesToday() : 0;
    }

    /**
     * @param day          the station's local day
     * @param personVisits the person-visits recorded on that day
     * @return people who came in without checking in: entries minus person-visits, never negative
     *         (a member may check in without passing the sensor, e.g. a second scan)
     */
    public long withoutCheckIn(LocalDate day, int personVisits) {
        return Math.max(0, entriesOn(day) - personVisits);
    }

    /** @return the failing peripherals with their messages, in role order */
    public List<PeripheralStatus> failing() {
        return snapshot.get().statuses().values().stream().filter(PeripheralStatus::failing)
                .sorted(Comparator.comparing(PeripheralStatus::role)).toList();
    }

    /** @return why the {@code hardware.*} settings were ignored, or empty when they were fine */
    public String configProblem() {
        return configProblem;
    }

    /** @return whether the buzzer is muted */
    public boolean muted() {
        return snapshot.get().muted();
    }

    /** Mutes the buzzer, or unmutes it; the snapshot follows once the feedback has taken it. */
    public void toggleMute() {
        boolean mute = !muted();
        LOG.info("staff {} the buzzer", mute ? "muted" : "unmuted");
        controls.setMuted(mute);
    }

    /** A touch on the screen: wakes the backlight. */
    public void userActivity() {
        controls.userActivity();
    }

    /** Stops following the peripheral states. */
    public void close() {
        states.removeListener(listener);
    }
}

package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.kiosk.domain.PinGate;

/**
 * State of the staff PIN keypad and the staff screen. Used by {@link KioskViewModel}; all methods
 * on the UI thread.
 */
public final class StaffViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StaffViewModel.class);
    /** Longest PIN the keypad takes. */
    public static final int MAX_PIN_DIGITS = 12;

    private final PinGate gate;
    private final KioskBackend backend;
    private final TaskExecutor executor;
    private final PeripheralsViewModel peripherals;
    private final SyncViewModel sync = new SyncViewModel();
    private final StringBuilder pin = new StringBuilder();

    private final ReadOnlyIntegerWrapper pinLength = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper triesLeft = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Duration> lockedFor = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyObjectWrapper<DailyUsage> usage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper usageFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);

    StaffViewModel(PinGate gate, KioskBackend backend, TaskExecutor executor, PeripheralsViewModel peripherals) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.peripherals = Objects.requireNonNull(peripherals, "peripherals");
        this.backend = backend;
        this.executor = executor;
    }

    /** @return digits entered so far (the keypad shows dots) */
    public ReadOnlyIntegerProperty pinLengthProperty() {
        return pinLength.getReadOnlyProperty();
    }

    /** @return wrong tries left before a lockout after a wrong PIN, or -1 when there is nothing to say */
    public ReadOnlyIntegerProperty triesLeftProperty() {
        return triesLeft.getReadOnlyProperty();
    }

    /** @return time until the next PIN may be tried; zero when not locked (updated each second) */
    public ReadOnlyObjectProperty<Duration> lockedForProperty() {
        return lockedFor.getReadOnlyProperty();
    }

    /** @return today's usage, or null before it was loaded */
    public ReadOnlyObjectProperty<DailyUsage> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** @return whether the last load of the usage figures failed */
    public ReadOnlyBooleanProperty usageFailedProperty() {
        return usageFailed.getReadOnlyProperty();
    }

    /** @return the peripherals: low-temperature alert, failing roles, mute, settings problem */
    public PeripheralsViewModel peripherals() {
        return peripherals;
    }

    /** @return the sync to the district as the staff screen shows it */
    public SyncViewModel sync() {
        return sync;
    }

    /** @return people the motion sensor counted coming in on the day of the figures; 0 before they are loaded */
    public long entries() {
        DailyUsage u = usage.get();
        return u == null ? 0 : peripherals.entriesOn(u.day());
    }

    /** @return of those, people who came in without checking in (never negative); 0 before the figures are loaded */
    public long withoutCheckIn() {
        DailyUsage u = usage.get();
        return u == null ? 0 : peripherals.withoutCheckIn(u.day(), u.personVisits());
    }

    /** @return whether a PIN is being checked */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** @return whether the usage figures are being loaded */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    void clearEntry() {
        pin.setLength(0);
        pinLength.set(0);
        triesLeft.set(-1);
        tick();
    }

    void digit(int d) {
        if (d < 0 || d > 9) {
            throw new IllegalArgumentException("not a digit: " + d);
        }
        if (pin.length() < MAX_PIN_DIGITS) {
            pin.append((char) ('0' + d));
            pinLength.set(pin.length());
        }
    }

    void backspace() {
        if (!pin.isEmpty()) {
            pin.setLength(pin.length() - 1);
            pinLength.set(pin.length());
        }
    }

    /**
     * Checks the PIN entered in the background (the check is slow on purpose).
     *
     * @param onAccepted run on the UI thread when the PIN was right
     */
    void submit(Runnable onAccepted) {
        if (checking.get()) {
            return;
        }
        String entered = pin.toString();
        pin.setLength(0);
        pinLength.set(0);
        checking.set(true);
        executor.execute(() -> gate.attempt(entered), a -> {
            checking.set(false);
            switch (a) {
                case PinGate.Attempt.Accepted ok -> {
                    triesLeft.set(-1);
                    lockedFor.set(Duration.ZERO);
                    onAccepted.run();
                }
                case PinGate.Attempt.Wrong w -> {
                    LOG.warn("wrong staff PIN entered; {} tries left before a lockout", w.triesLeft());
                    triesLeft.set(w.triesLeft());
                }
                case PinGate.Attempt.Locked l -> {
                    LOG.warn("staff PIN keypad locked for {}", l.remaining());
                    triesLeft.set(-1);
                    lockedFor.set(l.remaining());
                }
            }
        }, e -> {
            checking.set(false);
            LOG.error("staff PIN check failed", e);
        });
    }

    void tick() {
        lockedFor.set(gate.lockedFor());
    }

    void refresh(LocalDate day) {
        loading.set(true);
        executor.execute(() -> backend.usageOn(day), u -> {
            loading.set(false);
            usageFailed.set(false);
            usage.set(u);
        }, e -> {
            LOG.error("could not load the usage of {}", day, e);
            loading.set(false);
            usageFailed.set(true);
        });
    }
}

package org.warmstation.kiosk.ui;

import java.time.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which {@link Screen} is up and its timeout, part of {@link KioskViewModel}: every screen but
 * the idle one goes back to idle after its {@link KioskSettings} timeout (welcome, message, guest,
 * staff), restarted by each touch.
 *
 * <p>Threading: UI thread only, like the view model; the timeout fires through the
 * {@link TaskExecutor} on the UI thread.
 */
final class ScreenFlow {
    /** How long the rating stays up after a new visit's screen closes, unless tapped or a card is scanned. */
    static final Duration RATING_SHOWN = Duration.ofSeconds(8);

    private final TaskExecutor executor;
    private final KioskSettings settings;
    private final Runnable leaving;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.IDLE);
    private TaskExecutor.Timer screenTimer = TaskExecutor.Timer.NONE;
    private java.util.function.Supplier<Screen> resting = () -> Screen.IDLE;

    /**
     * @param executor runs the timeouts
     * @param settings the timeouts
     * @param leaving  what to clear on the way back to idle, before the idle screen is shown
     */
    ScreenFlow(TaskExecutor executor, KioskSettings settings, Runnable leaving) {
        this.executor = executor;
        this.settings = settings;
        this.leaving = leaving;
    }

    ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** @return the screen shown */
    Screen current() {
        return screen.get();
    }

    /** @param target the screen to show, with its timeout started */
    void show(Screen target) {
        screen.set(target);
        restartTimeout();
    }

    /** Restarts the current screen's timeout (none on the idle screen). */
    void restartTimeout() {
        Duration timeout = switch (screen.get()) {
            case WELCOME, ALREADY_CHECKED_IN, HANDOUT -> settings.welcomeTimeout();
            case RATING -> RATING_SHOWN;
            case REJECTED, FAILED -> settings.messageTimeout();
            case GUEST, REPORT, MEMBER_LOANS -> settings.guestTimeout();
            case STAFF_PIN, STAFF, STAFF_TICKETS, STAFF_LOANS, STAFF_SUPPLIES, STAFF_REENROLL -> settings.staffTimeout();
            case IDLE, DAMAGED -> null;
        };
        if (timeout != null) {
            screenTimer.cancel();
            screenTimer = executor.schedule(timeout, this::goIdle);
        }
    }

    /**
     * @param resting picks the screen shown when a screen closes (done, timeout): the idle screen,
     *                or e.g. the rating after a new visit; asked before the closing screen's state is cleared
     */
    void restOn(java.util.function.Supplier<Screen> resting) {
        this.resting = java.util.Objects.requireNonNull(resting, "resting");
    }

    /** Back to the resting screen (idle, or the rating): the timeout cancelled, the screen's state cleared. */
    void goIdle() {
        Screen next = resting.get();
        screenTimer.cancel();
        screenTimer = TaskExecutor.Timer.NONE;
        leaving.run();
        screen.set(next);
        if (next != Screen.IDLE) {
            restartTimeout();
        }
    }

    /** Cancels the timeout. */
    void stop() {
        screenTimer.cancel();
    }
}

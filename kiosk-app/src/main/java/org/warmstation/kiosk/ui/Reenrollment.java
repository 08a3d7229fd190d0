package org.warmstation.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The staff's re-enrollment of a configured terminal (decision 0225), part of
 * {@link KioskViewModel}: each opening of the {@link Screen#STAFF_REENROLL} screen gets a fresh
 * {@link EnrollmentViewModel} (the one of the enrollment screen, restricted to this terminal's
 * station) from the factory the kiosk attached; scans on that screen go to it. Unavailable (no
 * buttons) until a factory is attached, as in the demo. UI thread only.
 */
public final class Reenrollment {
    private Supplier<EnrollmentViewModel> factory;
    private EnrollmentViewModel current;

    Reenrollment() {
    }

    /**
     * @param factory makes the view model of one re-enrollment; called on the UI thread at each opening
     */
    public void attach(Supplier<EnrollmentViewModel> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** @return whether staff can re-enroll this terminal (a factory is attached) */
    public boolean available() {
        return factory != null;
    }

    /** @return the re-enrollment on screen, if one was opened */
    public Optional<EnrollmentViewModel> current() {
        return Optional.ofNullable(current);
    }

    /** Starts a fresh re-enrollment: the last one's message and state are gone. */
    void open() {
        current = factory.get();
    }

    /** @param text a scanned text, for the re-enrollment on screen */
    void scanned(String text) {
        if (current != null) {
            current.scanned(text);
        }
    }
}

package org.warmstation.kiosk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.protocol.enroll.EnrollmentRefusal;
import org.warmstation.protocol.enroll.EnrollmentVerdict;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;

/**
 * The enrollment screen of a terminal without a configuration: waits for a scanned station
 * enrollment code, verifies it against the installed trust list, and either hands the enrollment
 * to an {@link Enroller} (which writes the configuration, off the UI thread) or shows why the code
 * is refused, in Chinese and English at once, and keeps waiting. Texts come from the UTF-8 bundles
 * {@code enrollment_zh_CN.properties} and {@code enrollment_en.properties}. UI thread only, except
 * where a method says otherwise.
 */
public final class EnrollmentViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentViewModel.class);
    /** Base name of the bundles. */
    public static final String BUNDLE = "org.warmstation.kiosk.ui.enrollment";

    /** What the screen shows. */
    public enum State {
        /** Waiting for a code (prompt), possibly under the last refusal. */
        WAITING,
        /** A valid code was scanned; the configuration is being written. */
        SAVING,
        /** The configuration is written; the kiosk takes over. */
        ENROLLED
    }

    /** Writes the station configuration of an accepted enrollment; runs on a background thread. */
    @FunctionalInterface
    public interface Enroller {
        /**
         * @param enrollment the verified enrollment
         * @throws Exception when the configuration cannot be written or its values are refused; the
         *                   message is shown on screen
         */
        void enroll(StationEnrollment enrollment) throws Exception;
    }

    private final Supplier<EnrollmentVerifier> verifier;
    private final StationClock clock;
    private final TaskExecutor executor;
    private final Enroller enroller;
    private final Consumer<StationEnrollment> onEnrolled;
    private final ResourceBundle zh = bundle(Locale.SIMPLIFIED_CHINESE);
    private final ResourceBundle en = bundle(Locale.ENGLISH);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
    private final ReadOnlyObjectWrapper<EnrollmentRefusal> refusal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper messageZh = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageEn = new ReadOnlyStringWrapper("");

    /**
     * @param verifier   the verifier of the installed trust list, asked at each scan
     * @param clock      the terminal clock
     * @param executor   runs the enroller off the UI thread
     * @param enroller   writes the configuration
     * @param onEnrolled called on the UI thread once the enroller returned
     */
    public EnrollmentViewModel(Supplier<EnrollmentVerifier> verifier, StationClock clock, TaskExecutor executor,
                               Enroller enroller, Consumer<StationEnrollment> onEnrolled) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.enroller = Objects.requireNonNull(enroller, "enroller");
        this.onEnrolled = Objects.requireNonNull(onEnrolled, "onEnrolled");
    }

    /**
     * A text from the scanner. Ignored while saving or once enrolled.
     *
     * @param text any scanned text
     */
    public void scanned(String text) {
        if (state.get() != State.WAITING) {
            return;
        }
        EnrollmentVerdict v = verifier.get().verify(text, clock.now());
        switch (v) {
            case EnrollmentVerdict.Refused r -> {
                LOG.warn("enrollment code refused: {} ({})", r.reason(), r.detail());
                refusal.set(r.reason());
                show("refusal." + r.reason().name());
            }
            case EnrollmentVerdict.Accepted a -> {
                StationEnrollment e = a.enrollment();
                LOG.info("enrollment accepted: {}", e);
                refusal.set(null);
                state.set(State.SAVING);
                show("checking");
                executor.execute(() -> {
                    enroller.enroll(e);
                    return e;
                }, done -> {
                    state.set(State.ENROLLED);
                    show("enrolled", done.stationName(), done.stationId());
                    onEnrolled.accept(done);
                }, failure -> {
                    LOG.error("enrollment of {} not saved", e.stationId(), failure);
                    state.set(State.WAITING);
                    String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                    show("saveFailed", why);
                });
            }
        }
    }

    /**
     * The scanner's state: a restarting camera is said on screen.
     *
     * @param status the scanner status
     */
    public void scannerStatus(ScannerStatus status) {
        if (state.get() == State.WAITING && refusal.get() == null) {
            show(status.state() == ScannerStatus.State.RESTARTING ? "scannerProblem" : null);
        }
    }

    private void show(String key, Object... args) {
        messageZh.set(key == null ? "" : text(zh, key, args));
        messageEn.set(key == null ? "" : text(en, key, args));
    }

    /**
     * @param chinese true for the Chinese text
     * @param key     a key of the enrollment bundles
     * @return the text
     */
    public String text(boolean chinese, String key) {
        return text(chinese ? zh : en, key);
    }

    private static String text(ResourceBundle b, String key, Object... args) {
        String t = b.getString(key);
        return args.length == 0 ? t : new MessageFormat(t, b.getLocale()).format(args);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, EnrollmentViewModel.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @return what the screen shows */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** @return the reason the last code was refused, null when none (or once a code was accepted) */
    public ReadOnlyObjectProperty<EnrollmentRefusal> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** @return the current message in Chinese, empty when none */
    public ReadOnlyStringProperty messageZhProperty() {
        return messageZh.getReadOnlyProperty();
    }

    /** @return the current message in English, empty when none */
    public ReadOnlyStringProperty messageEnProperty() {
        return messageEn.getReadOnlyProperty();
    }
}

package org.warmstation.kiosk.app;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.peripherals.CheckInOutcome;
import org.warmstation.devices.peripherals.StationFeedback;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.ui.KioskBackend;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * A kiosk backend that shows every check-in's outcome on the station's light, buzzer and door
 * (docs/hardware.md, "outcome patterns") as soon as the outcome is known: Welcome as accepted
 * (green, beep, door pulse), AlreadyCheckedIn as already checked in, Rejected as rejected (red),
 * Failed (or a check-in that threw) as offline. It runs on the kiosk's background thread, right
 * after the visit was recorded; {@link StationFeedback#show} returns at once, so neither that
 * thread nor the UI thread waits for the hardware, and a feedback problem never changes the
 * check-in's result. The outcome's voice prompt goes to {@code voice} right after (it too returns
 * at once: {@link VoicePrompts#say}).
 *
 * @param delegate the backend that records the visits
 * @param feedback the station's outputs
 * @param voice    receives each check-in's result to speak it
 */
public record FeedbackBackend(KioskBackend delegate, StationFeedback feedback, Consumer<CheckInResult> voice)
        implements KioskBackend {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackBackend.class);

    public FeedbackBackend {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(voice, "voice");
    }

    /**
     * Without voice prompts.
     *
     * @param delegate the backend that records the visits
     * @param feedback the station's outputs
     */
    public FeedbackBackend(KioskBackend delegate, StationFeedback feedback) {
        this(delegate, feedback, r -> { });
    }

    /**
     * @param result what a check-in came to
     * @return how the light, buzzer and door show it
     */
    public static CheckInOutcome outcomeOf(CheckInResult result) {
        return switch (result) {
            case CheckInResult.Welcome w -> CheckInOutcome.ACCEPTED;
            case CheckInResult.AlreadyCheckedIn a -> CheckInOutcome.ALREADY_CHECKED_IN;
            case CheckInResult.Rejected r -> CheckInOutcome.REJECTED;
            case CheckInResult.Failed f -> CheckInOutcome.OFFLINE;
        };
    }

    @Override
    public CheckInResult checkIn(String scannedText) {
        return shown(() -> delegate.checkIn(scannedText));
    }

    @Override
    public CheckInResult checkInGuest(WorkerCategory category) {
        return shown(() -> delegate.checkInGuest(category));
    }

    @Override
    public Visit setServices(UUID visit, Set<Service> services) {
        return delegate.setServices(visit, services);
    }

    @Override
    public DailyUsage usageOn(LocalDate day) {
        return delegate.usageOn(day);
    }

    private CheckInResult shown(java.util.function.Supplier<CheckInResult> checkIn) {
        CheckInResult result;
        try {
            result = checkIn.get();
        } catch (RuntimeException e) {
            show(CheckInOutcome.OFFLINE);
            speak(new CheckInResult.Failed(String.valueOf(e.getMessage())));
            throw e;
        }
        show(outcomeOf(result));
        speak(result);
        return result;
    }

    private void speak(CheckInResult result) {
        try {
            voice.accept(result);
        } catch (RuntimeException e) {
            LOG.warn("could not speak the prompt of {}: {}", result.getClass().getSimpleName(), e.toString());
        }
    }

    private void show(CheckInOutcome outcome) {
        try {
            feedback.show(outcome);
        } catch (RuntimeException e) {
            LOG.warn("could not show {} on the station's outputs: {}", outcome, e.toString());
        }
    }
}

package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.Sound;
import org.warmstation.devices.Speaker;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.peripherals.StationFeedback;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.TimeWindow;
import org.warmstation.kiosk.config.VoiceSettings;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.kiosk.domain.VoicePrompt;
import org.warmstation.kiosk.ui.KioskBackend;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;

/** Which prompt a check-in gets, at which volume, and when the kiosk stays silent. */
class VoicePromptsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Visit VISIT = new Visit(UUID.randomUUID(), 1, "CY-0042",
            ZonedDateTime.of(2026, 12, 6, 10, 0, 0, 0, ZONE).toInstant(), ZONE, null, 0, WorkerCategory.COURIER,
            Set.of(), VisitSource.GUEST, true, Duration.ofMinutes(5));

    /** Keeps what it was asked to play; playing "ends" at once. */
    private static final class RecordingSpeaker implements Speaker {
        final List<Sound> played = new ArrayList<>();
        boolean closed;

        @Override
        public synchronized CompletableFuture<Void> playAsync(Sound sound) {
            played.add(sound);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Clock at(int hour, int minute) {
        return Clock.fixed(ZonedDateTime.of(LocalDate.of(2026, 12, 6), LocalTime.of(hour, minute), ZONE).toInstant(), ZONE);
    }

    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final Map<VoicePrompt, Sound> recordings = loaded();

    private static Map<VoicePrompt, Sound> loaded() {
        try {
            return VoicePrompts.recordings();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachOutcomeHasItsPrompt() {
        assertEquals(VoicePrompt.WELCOME, VoicePrompt.of(new CheckInResult.Welcome(VISIT)));
        assertEquals(VoicePrompt.ALREADY_CHECKED_IN, VoicePrompt.of(new CheckInResult.AlreadyCheckedIn(VISIT)));
        assertEquals(VoicePrompt.PLEASE_SEE_STAFF, VoicePrompt.of(new CheckInResult.Failed("disk full")));
        assertEquals(VoicePrompt.CARD_EXPIRED, VoicePrompt.of(new CheckInResult.Rejected(RejectionReason.EXPIRED)));
        assertEquals(VoicePrompt.SHOW_MEMBER_CARD,
                VoicePrompt.of(new CheckInResult.Rejected(RejectionReason.NOT_A_MEMBER_CARD)));
        for (RejectionReason r : List.of(RejectionReason.REVOKED, RejectionReason.BAD_SIGNATURE,
                RejectionReason.OTHER_DISTRICT, RejectionReason.UNKNOWN_KEY, RejectionReason.NOT_YET_VALID)) {
            assertEquals(VoicePrompt.CARD_NOT_VALID, VoicePrompt.of(new CheckInResult.Rejected(r)), r.name());
        }
    }

    @Test
    void welcomeIsSpokenAtTheConfiguredVolume() {
        VoicePrompts voice = new VoicePrompts(speaker, () -> new VoiceSettings(true, 50,
                Optional.of(VoiceSettings.DEFAULT_QUIET_HOURS)), at(10, 0), recordings);
        assertTrue(voice.say(new CheckInResult.Welcome(VISIT)).isPresent());
        assertEquals(1, speaker.played.size());
        Sound heard = speaker.played.getFirst();
        Sound recorded = recordings.get(VoicePrompt.WELCOME);
        assertEquals(recorded.length(), heard.length());
        assertEquals(recorded.peak() / 2, heard.peak(), 0.001);
    }

    @Test
    void silentInQuietHoursByDefaultAndSpokenFromSevenInTheMorning() {
        for (var c : List.of(at(22, 0), at(23, 30), at(3, 0), at(6, 59))) {
            VoicePrompts voice = new VoicePrompts(speaker, () -> VoiceSettings.DEFAULTS, c, recordings);
            assertTrue(voice.say(new CheckInResult.Welcome(VISIT)).isEmpty(), "quiet at " + c.instant());
        }
        assertTrue(speaker.played.isEmpty());
        new VoicePrompts(speaker, () -> VoiceSettings.DEFAULTS, at(7, 0), recordings)
                .say(new CheckInResult.Welcome(VISIT));
        new VoicePrompts(speaker, () -> VoiceSettings.DEFAULTS, at(21, 59), recordings)
                .say(new CheckInResult.Welcome(VISIT));
        assertEquals(2, speaker.played.size());
    }

    @Test
    void silentWhenOffOrAtVolumeZeroAndSettingsApplyToTheNextCheckIn() {
        AtomicReference<VoiceSettings> settings = new AtomicReference<>(
                new VoiceSettings(false, 80, Optional.empty()));
        VoicePrompts voice = new VoicePrompts(speaker, settings::get, at(23, 0), recordings);
        assertTrue(voice.say(new CheckInResult.Welcome(VISIT)).isEmpty());
        settings.set(new VoiceSettings(true, 0, Optional.empty()));
        assertTrue(voice.say(new CheckInResult.Welcome(VISIT)).isEmpty());
        settings.set(new VoiceSettings(true, 100, Optional.empty()));
        assertTrue(voice.say(new CheckInResult.Rejected(RejectionReason.REVOKED)).isPresent(), "never quiet");
        assertEquals(List.of(recordings.get(VoicePrompt.CARD_NOT_VALID)), speaker.played);
        settings.set(new VoiceSettings(true, 100, Optional.of(TimeWindow.parse("22:30-23:30"))));
        assertTrue(voice.say(new CheckInResult.Welcome(VISIT)).isEmpty(), "quiet hours of the new settings");
        voice.close();
        assertTrue(speaker.closed);
    }

    @Test
    void checkInSpeaksAfterTheOutcomeAndAFailingVoiceChangesNothing() {
        CheckInResult welcome = new CheckInResult.Welcome(VISIT);
        KioskBackend visits = new KioskBackend() {
            @Override
            public CheckInResult checkIn(String scannedText) {
                return welcome;
            }

            @Override
            public CheckInResult checkInGuest(WorkerCategory category) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Visit setServices(UUID visit, Set<Service> services) {
                return VISIT;
            }

            @Override
            public DailyUsage usageOn(LocalDate day) {
                throw new UnsupportedOperationException();
            }
        };
        Clock clock = at(10, 0);
        try (StationFeedback feedback = new StationFeedback(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), new PeripheralStates(Set.of(PeripheralRole.BUZZER), clock), clock)) {
            VoicePrompts voice = new VoicePrompts(speaker, () -> VoiceSettings.DEFAULTS, clock, recordings);
            FeedbackBackend backend = new FeedbackBackend(visits, feedback, voice::say);
            assertSame(welcome, backend.checkIn("WS1:..."));
            assertEquals(List.of(recordings.get(VoicePrompt.WELCOME).scaled(0.8)), speaker.played);
            assertThrows(IllegalStateException.class, () -> backend.checkInGuest(WorkerCategory.COURIER));
            assertEquals(recordings.get(VoicePrompt.PLEASE_SEE_STAFF).scaled(0.8), speaker.played.getLast());
            FeedbackBackend broken = new FeedbackBackend(visits, feedback, r -> {
                throw new IllegalStateException("no sound card");
            });
            assertSame(welcome, broken.checkIn("WS1:..."));
        }
    }
}

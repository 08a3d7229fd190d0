package org.warmstation.kiosk.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.Sound;
import org.warmstation.devices.Speaker;
import org.warmstation.kiosk.config.VoiceSettings;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.VoicePrompt;

/**
 * Speaks the Mandarin prompt of a check-in's outcome ({@link VoicePrompt#of}) on the station's
 * {@link Speaker}, at the configured volume, unless prompts are off or it is quiet hours by the
 * station clock (decision 0140). The recordings are read once from the class path
 * ({@value #FOLDER}), made by {@code kiosk-app/make-voice-prompts.sh}.
 *
 * <p>{@link #say} returns at once: the sound plays on the speaker's thread, a newer prompt cuts
 * an older one short, and a missing audio output is logged by the speaker, never thrown. Call it
 * from any thread; the settings are read anew on each call (so a changed setting applies to the
 * next check-in). Thread-safe.
 */
public final class VoicePrompts implements AutoCloseable {
    /** Class-path folder of the recordings and their texts ({@code prompts.txt}). */
    public static final String FOLDER = "/org/warmstation/kiosk/voice/";
    private static final Logger LOG = LoggerFactory.getLogger(VoicePrompts.class);

    private final Speaker speaker;
    private final Supplier<VoiceSettings> settings;
    private final Clock clock;
    private final Map<VoicePrompt, Sound> recordings;

    /**
     * @param speaker    where the prompts are played; closed with this
     * @param settings   the current voice settings, read on each prompt
     * @param clock      the station clock in the station's zone (quiet hours)
     * @param recordings the sound of each prompt; prompts without one stay silent
     */
    public VoicePrompts(Speaker speaker, Supplier<VoiceSettings> settings, Clock clock,
                        Map<VoicePrompt, Sound> recordings) {
        this.speaker = Objects.requireNonNull(speaker, "speaker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recordings = Map.copyOf(recordings);
    }

    /**
     * The prompts with the recordings of the class path; when they cannot be read (a broken
     * build) the error is logged and the kiosk runs without prompts. Blocks while reading
     * (about 300 KB).
     *
     * @param speaker  where the prompts are played; closed with this
     * @param settings the current voice settings
     * @param clock    the station clock in the station's zone
     * @return the prompts
     */
    public static VoicePrompts open(Speaker speaker, Supplier<VoiceSettings> settings, Clock clock) {
        Map<VoicePrompt, Sound> sounds;
        try {
            sounds = recordings();
        } catch (IOException e) {
            LOG.error("voice prompts are off: {}", e.getMessage());
            sounds = Map.of();
        }
        return new VoicePrompts(speaker, settings, clock, sounds);
    }

    /**
     * Reads every prompt's recording from {@value #FOLDER}. Blocks while reading.
     *
     * @return the sound of each prompt
     * @throws IOException naming the first recording missing or unreadable
     */
    public static Map<VoicePrompt, Sound> recordings() throws IOException {
        Map<VoicePrompt, Sound> sounds = new EnumMap<>(VoicePrompt.class);
        for (VoicePrompt p : VoicePrompt.values()) {
            try (InputStream in = VoicePrompts.class.getResourceAsStream(FOLDER + p.fileName())) {
                if (in == null) {
                    throw new IOException("recording " + FOLDER + p.fileName() + " of " + p + " is missing");
                }
                sounds.put(p, Sound.read(p.fileName(), in));
            }
        }
        return sounds;
    }

    /**
     * Speaks the prompt of a check-in's outcome, if prompts are on now. Returns at once.
     *
     * @param result what the check-in came to
     * @return the playback (see {@link Speaker#playAsync}), or empty when nothing is spoken
     *         (prompts off, volume 0, quiet hours, no recording)
     */
    public Optional<CompletableFuture<Void>> say(CheckInResult result) {
        VoicePrompt prompt = VoicePrompt.of(result);
        VoiceSettings now = settings.get();
        Sound sound = recordings.get(prompt);
        if (sound == null || !now.speaksNow(clock)) {
            LOG.debug("prompt {} not spoken (settings {}, recording {})", prompt, now, sound != null);
            return Optional.empty();
        }
        CompletableFuture<Void> played = speaker.playAsync(sound.scaled(now.gain()));
        played.whenComplete((v, e) -> {
            if (e != null && !(e instanceof CancellationException)) {
                LOG.debug("prompt {} not heard: {}", prompt, e.toString());
            }
        });
        return Optional.of(played);
    }

    /** Closes the speaker. */
    @Override
    public void close() {
        speaker.close();
    }
}

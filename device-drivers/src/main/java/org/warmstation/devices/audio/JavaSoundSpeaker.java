package org.warmstation.devices.audio;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.Sound;
import org.warmstation.devices.Speaker;

/**
 * The speaker on Java Sound ({@code javax.sound.sampled}): each sound is written to a
 * {@link SourceDataLine} of the default mixer (ALSA on the terminal) from the speaker's single
 * daemon thread, in 50 ms pieces, so a newer sound cuts an older one short within about 50 ms.
 * The line is opened per sound and closed after it.
 *
 * <p>Without a usable audio output (no sound card, no ALSA device, the device busy) each sound's
 * future completes exceptionally with an {@link IOException}; the first such failure is logged
 * as a warning, later ones at debug level, and the kiosk carries on silently.
 *
 * <p>Thread-safe; {@link #playAsync} never blocks.
 */
public final class JavaSoundSpeaker implements Speaker {
    private static final Logger LOG = LoggerFactory.getLogger(JavaSoundSpeaker.class);
    private static final int PIECE_MILLIS = 50;

    /** Opens an output line for a format (Java Sound's default mixer, or a test's fake). */
    @FunctionalInterface
    public interface LineOpener {
        /**
         * @param format the sound's format
         * @return a line, not yet opened
         * @throws LineUnavailableException when no line of that format is available now
         */
        SourceDataLine line(AudioFormat format) throws LineUnavailableException;
    }

    private final LineOpener opener;
    private final ExecutorService worker;
    private final AtomicLong latest = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    /** A speaker on the default audio output. */
    public JavaSoundSpeaker() {
        this(AudioSystem::getSourceDataLine);
    }

    /** @param opener where the lines come from */
    public JavaSoundSpeaker(LineOpener opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "speaker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<Void> playAsync(Sound sound) {
        Objects.requireNonNull(sound, "sound");
        CompletableFuture<Void> done = new CompletableFuture<>();
        long turn = latest.incrementAndGet();
        try {
            worker.execute(() -> play(sound, turn, done));
        } catch (RejectedExecutionException e) {
            done.cancel(false);
        }
        return done;
    }

    private void play(Sound sound, long turn, CompletableFuture<Void> done) {
        if (turn != latest.get()) {
            done.cancel(false);
            return;
        }
        byte[] pcm = sound.pcm();
        AudioFormat format = sound.format();
        int piece = Math.max(2, sound.sampleRate() * 2 * PIECE_MILLIS / 1000 / 2 * 2);
        try {
            SourceDataLine line = opener.line(format);
            try {
                line.open(format, piece * 4);
                line.start();
                for (int at = 0; at < pcm.length; at += piece) {
                    if (turn != latest.get() || Thread.currentThread().isInterrupted()) {
                        line.stop();
                        line.flush();
                        done.cancel(false);
                        return;
                    }
                    line.write(pcm, at, Math.min(piece, pcm.length - at));
                }
                line.drain();
            } finally {
                line.close();
            }
            done.complete(null);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException | IllegalStateException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("no audio output ({}): voice prompts are not heard; the kiosk goes on without them", e.toString());
            } else {
                LOG.debug("no audio output for {}: {}", sound.name(), e.toString());
            }
            done.completeExceptionally(new IOException("no audio output: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        latest.incrementAndGet();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(1, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

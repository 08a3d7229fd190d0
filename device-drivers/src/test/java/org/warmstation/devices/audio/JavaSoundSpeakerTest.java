package org.warmstation.devices.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.Sound;

class JavaSoundSpeakerTest {
    private static final Sound TONE = tone("tone", 16_000, 8_000);

    static Sound tone(String name, int rate, int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            int s = (int) (12_000 * Math.sin(2 * Math.PI * 440 * i / rate));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return new Sound(name, pcm, rate);
    }

    /** A line that keeps what is written; the first write waits for {@code gate}. */
    private static SourceDataLine line(ByteArrayOutputStream written, CountDownLatch gate) {
        return (SourceDataLine) Proxy.newProxyInstance(JavaSoundSpeakerTest.class.getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "write" -> {
                            gate.await(10, TimeUnit.SECONDS);
                            synchronized (written) {
                                written.write((byte[]) args[0], (int) args[1], (int) args[2]);
                            }
                            return args[2];
                        }
                        case "isOpen", "isActive", "isRunning" -> {
                            return true;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> {
                            return null;
                        }
                    }
                });
    }

    @Test
    void playsTheWholeSoundOnItsOwnThread() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (JavaSoundSpeaker speaker = new JavaSoundSpeaker(f -> line(written, new CountDownLatch(0)))) {
            speaker.playAsync(TONE).get(10, TimeUnit.SECONDS);
        }
        assertArrayEquals(TONE.pcm(), written.toByteArray());
    }

    @Test
    void aNewerSoundCutsThePlayingOneShortAndIsPlayedWhole() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(1);
        Sound later = tone("later", 16_000, 4_000);
        try (JavaSoundSpeaker speaker = new JavaSoundSpeaker(f -> {
            if (opened.getCount() > 0) {
                opened.countDown();
                return line(first, gate);
            }
            return line(second, new CountDownLatch(0));
        })) {
            CompletableFuture<Void> a = speaker.playAsync(TONE);
            assertTrue(opened.await(10, TimeUnit.SECONDS), "the first sound started");
            CompletableFuture<Void> b = speaker.playAsync(later);
            gate.countDown();
            b.get(10, TimeUnit.SECONDS);
            assertThrows(CancellationException.class, a::join);
        }
        assertTrue(first.size() < TONE.pcm().length, "cut short after " + first.size() + " bytes");
        assertArrayEquals(later.pcm(), second.toByteArray());
    }

    @Test
    void withoutAnAudioOutputEverySoundFailsButTheCallerGoesOn() throws Exception {
        try (JavaSoundSpeaker speaker = new JavaSoundSpeaker(f -> {
            throw new LineUnavailableException("no ALSA device");
        })) {
            for (int i = 0; i < 2; i++) {
                CompletableFuture<Void> f = speaker.playAsync(TONE);
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertInstanceOf(IOException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("no ALSA device"), e.getCause().getMessage());
            }
        }
    }

    @Test
    void scaledSoundKeepsItsLengthAndLowersItsPeak() {
        Sound half = TONE.scaled(0.5);
        assertEquals(TONE.length(), half.length());
        assertEquals(TONE.peak() / 2, half.peak(), 0.001);
        assertEquals(0.0, TONE.scaled(0).peak());
        assertThrows(IllegalArgumentException.class, () -> TONE.scaled(1.5));
    }
}

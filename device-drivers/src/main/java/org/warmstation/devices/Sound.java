package org.warmstation.devices;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A short recorded sound (a voice prompt) held in memory as 16-bit signed little-endian mono PCM.
 * Immutable; a few tens of kilobytes per second of sound.
 *
 * @param name       what it is, for logs (e.g. the file name)
 * @param pcm        the samples, two bytes each, little-endian; copied
 * @param sampleRate samples per second, 8,000 to 96,000
 */
public record Sound(String name, byte[] pcm, int sampleRate) {
    /** @throws IllegalArgumentException when the rate is out of range or the PCM has an odd length */
    public Sound {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pcm, "pcm");
        if (sampleRate < 8_000 || sampleRate > 96_000) {
            throw new IllegalArgumentException("sample rate must be 8000..96000 Hz: " + sampleRate);
        }
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes: " + pcm.length);
        }
        pcm = pcm.clone();
    }

    @Override
    public byte[] pcm() {
        return pcm.clone();
    }

    /**
     * Reads a WAV (or another format Java Sound reads) and converts it to 16-bit mono PCM. Blocks
     * while reading.
     *
     * @param name what it is, for logs
     * @param in   the file's bytes; read to the end, not closed
     * @return the sound
     * @throws IOException when it cannot be read or is not 16-bit PCM mono (or convertible to it)
     */
    public static Sound read(String name, InputStream in) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new BufferedInputStream(in))) {
            AudioFormat f = source.getFormat();
            AudioFormat target = new AudioFormat(f.getSampleRate(), 16, 1, true, false);
            if (f.getChannels() != 1) {
                throw new IOException(name + ": a voice prompt is mono, found " + f.getChannels() + " channels");
            }
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, source)) {
                return new Sound(name, pcm.readAllBytes(), Math.round(f.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(name + ": not a readable 16-bit PCM sound: " + e.getMessage(), e);
        }
    }

    /** @return the format of {@link #pcm}: 16-bit signed little-endian mono at the sound's rate */
    public AudioFormat format() {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /** @return how long it plays */
    public Duration length() {
        return Duration.ofNanos(pcm.length / 2 * 1_000_000_000L / sampleRate);
    }

    /** @return the largest absolute sample, 0 to 1 (1 = full scale) */
    public double peak() {
        int max = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            max = Math.max(max, Math.abs(sample(pcm, i)));
        }
        return max / 32768.0;
    }

    /**
     * @param gain factor applied to every sample, 0 to 1 (0 = silence, 1 = as recorded)
     * @return this sound at that volume
     * @throws IllegalArgumentException when gain is outside 0..1
     */
    public Sound scaled(double gain) {
        if (!(gain >= 0 && gain <= 1)) {
            throw new IllegalArgumentException("gain must be 0..1: " + gain);
        }
        byte[] out = new byte[pcm.length];
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int s = (int) Math.round(sample(pcm, i) * gain);
            out[i] = (byte) s;
            out[i + 1] = (byte) (s >> 8);
        }
        return new Sound(name, out, sampleRate);
    }

    private static int sample(byte[] b, int i) {
        return (short) ((b[i] & 0xff) | (b[i + 1] << 8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sound s && s.name.equals(name) && s.sampleRate == sampleRate
                && java.util.Arrays.equals(s.pcm, pcm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, sampleRate, java.util.Arrays.hashCode(pcm));
    }

    @Override
    public String toString() {
        return "Sound[" + name + ", " + length().toMillis() + " ms at " + sampleRate + " Hz]";
    }
}

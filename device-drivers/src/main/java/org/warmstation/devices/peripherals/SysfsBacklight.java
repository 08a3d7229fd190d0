package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.warmstation.devices.Backlight;

/**
 * A Linux backlight: {@code brightness} and {@code max_brightness} in a directory under
 * {@code /sys/class/backlight} (the official 7" and Touch Display 2 drivers provide one). Writing
 * needs permission: see docs/hardware.md for the udev rule.
 */
public final class SysfsBacklight implements Backlight {
    /** Where Linux lists backlights. */
    public static final Path SYSFS = Path.of("/sys/class/backlight");

    private final Path brightness;
    private final int max;

    private SysfsBacklight(Path dir, int max) {
        this.brightness = dir.resolve("brightness");
        this.max = max;
    }

    /**
     * @param directory a backlight directory, or empty for the first (by name) under {@code root}
     * @param root      normally {@link #SYSFS}
     * @return the backlight
     * @throws IOException when there is none, or its files cannot be read
     */
    public static SysfsBacklight open(Optional<Path> directory, Path root) throws IOException {
        Path dir = directory.isPresent() ? directory.get() : first(root);
        String text = Files.readString(dir.resolve("max_brightness"), StandardCharsets.US_ASCII).strip();
        int max;
        try {
            max = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException(dir.resolve("max_brightness") + " holds '" + text + "', not a number", e);
        }
        if (max < 1) {
            throw new IOException(dir.resolve("max_brightness") + " is " + max);
        }
        SysfsBacklight b = new SysfsBacklight(dir, max);
        b.level();
        return b;
    }

    private static Path first(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no backlight: " + root + " does not exist");
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.sorted().findFirst().orElseThrow(() -> new IOException("no backlight under " + root));
        }
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public int level() throws IOException {
        String text = Files.readString(brightness, StandardCharsets.US_ASCII).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException(brightness + " holds '" + text + "', not a number", e);
        }
    }

    @Override
    public void level(int level) throws IOException {
        int v = Math.max(0, Math.min(max, level));
        Files.writeString(brightness, Integer.toString(v), StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return brightness.getParent().toString();
    }
}

package org.warmstation.visitlog.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity of one boot of the terminal: Linux's random {@code boot_id}, a UUID the kernel
 * draws anew at every boot ({@value #BOOT_ID_FILE}, see {@code random(4)}).
 *
 * <p>A reading of the monotonic time since boot means something only together with the boot it
 * was taken in: an unsynced visit's time can be corrected from its time since boot only with a
 * clock reading of the same boot.
 *
 * @param value the boot id as text (a lowercase UUID when read from the kernel); never blank
 */
public record BootId(String value) {
    /** Where Linux publishes the current boot's id. */
    public static final String BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id";

    private static final Logger log = LoggerFactory.getLogger(BootId.class);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    /**
     * @throws IllegalArgumentException when the value is blank or longer than 64 characters
     */
    public BootId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a boot id is 1 to 64 characters: '" + value + "'");
        }
    }

    /** @return the current boot's id, read from {@value #BOOT_ID_FILE}; see {@link #read(Path)} */
    public static BootId current() {
        return read(Path.of(BOOT_ID_FILE));
    }

    /**
     * Reads a boot id from a file in the format of {@value #BOOT_ID_FILE} (one UUID and a line
     * break). Never fails: when the file is missing or does not hold a UUID (not Linux, a
     * restricted container), the result is a fresh random id prefixed {@code process-}, so that
     * the visits of this process are corrected only with clock readings of this process (its
     * time since boot then counts from the process start; see {@link SystemStationClock}). The
     * log says so.
     *
     * <p>Blocks on a small file read.
     *
     * @param file the file to read
     * @return the boot id
     */
    public static BootId read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip().toLowerCase(java.util.Locale.ROOT);
            if (UUID_TEXT.matcher(text).matches()) {
                return new BootId(text);
            }
            log.warn("{} holds no boot id ('{}'); visits are tied to this process instead", file,
                    text.length() > 40 ? text.substring(0, 40) + "…" : text);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the boot id from {} ({}); visits are tied to this process instead", file, e.toString());
        }
        return new BootId("process-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}

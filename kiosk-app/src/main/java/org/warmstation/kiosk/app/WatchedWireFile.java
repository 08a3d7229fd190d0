package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.Wire;

/**
 * A JSON file of one wire record that the sync agent replaces atomically (station settings,
 * neighbours), read again whenever its modification time or size changes. No file means none; a
 * file that cannot be read or parsed is logged once and the record read before stays in use.
 * Thread-safe; {@link #current()} does one file stat per call (blocks briefly on the file system).
 *
 * @param <T> the wire record
 */
final class WatchedWireFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedWireFile.class);
    private static final long MAX_BYTES = 512 * 1024;

    private final Path file;
    private final Class<T> type;
    private final Consumer<T> onRead;
    private FileTime seenTime;
    private long seenSize = -1;
    private T value;

    /**
     * @param file   the file; it need not exist yet
     * @param type   the record type
     * @param onRead called with each newly read record (for the log), under this object's lock
     */
    WatchedWireFile(Path file, Class<T> type, Consumer<T> onRead) {
        this.file = Objects.requireNonNull(file, "file");
        this.type = Objects.requireNonNull(type, "type");
        this.onRead = Objects.requireNonNull(onRead, "onRead");
    }

    /** @return the record in the file, or empty when there is none */
    synchronized Optional<T> current() {
        FileTime t;
        long size;
        try {
            t = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            value = null;
            seenTime = null;
            return Optional.empty();
        } catch (IOException e) {
            return Optional.ofNullable(value);
        }
        if (!t.equals(seenTime) || size != seenSize) {
            seenTime = t;
            seenSize = size;
            try {
                if (size > MAX_BYTES) {
                    throw new IOException("larger than " + MAX_BYTES + " bytes");
                }
                value = Wire.decode(Files.readAllBytes(file), type);
                onRead.accept(value);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("cannot read {} ({}); {}", file, e.getMessage(),
                        value == null ? "using none" : "keeping the one read before");
            }
        }
        return Optional.ofNullable(value);
    }
}

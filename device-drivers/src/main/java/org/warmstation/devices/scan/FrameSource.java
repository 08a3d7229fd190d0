package org.warmstation.devices.scan;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A camera, or anything acting as one: a folder of images, raw frames from a child process,
 * frames pushed by a test or the demo. One thread reads it; {@link #close()} may come from any
 * thread and makes a blocked {@link #next} return.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * Waits for the next frame. Blocks up to {@code timeout}.
     *
     * @param timeout how long to wait at most
     * @return the frame, or empty when none arrived within the timeout
     * @throws IOException when the source has failed or ended (camera unplugged, child process
     *                     exited); the scanner then closes it and opens a new one
     */
    Optional<LuminanceFrame> next(Duration timeout) throws IOException;

    /** Releases the camera or child process; idempotent, never throws. */
    @Override
    void close();
}

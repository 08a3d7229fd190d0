package org.warmstation.devices.scan;

import java.io.IOException;

/**
 * Opens a camera for {@link CameraScanner}, again after every failure; called on the scanner's
 * thread.
 */
@FunctionalInterface
public interface FrameSourceFactory {
    /**
     * @return a new, open source; the scanner closes it
     * @throws IOException when the camera cannot be opened now (the scanner retries with backoff)
     */
    FrameSource open() throws IOException;
}

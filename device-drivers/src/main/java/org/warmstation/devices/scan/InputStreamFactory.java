package org.warmstation.devices.scan;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the byte stream of a serial QR scanner for {@link LineScanner}, again after every
 * failure; called on the scanner's thread.
 */
@FunctionalInterface
public interface InputStreamFactory {
    /**
     * @return a new, open stream, e.g. of {@code /dev/ttyACM0}; the scanner closes it
     * @throws IOException when the device cannot be opened now (the scanner retries with backoff)
     */
    InputStream open() throws IOException;
}

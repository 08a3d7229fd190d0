package org.warmstation.devices.scan;

/**
 * The card-scanner role: a camera with a QR decoder, or a USB QR scanner. Reports each presented
 * code once to its listener.
 */
public interface CardScanner extends AutoCloseable {
    /**
     * Starts scanning on the scanner's own thread; returns at once. A failing camera is
     * restarted with backoff and reported through {@link ScanListener#onStatus}; it never throws
     * into the caller after this returns.
     *
     * @param listener receives scans and status
     * @throws IllegalStateException when already started
     */
    void start(ScanListener listener);

    /** Stops scanning and releases the device; idempotent. Blocks until the thread ended. */
    @Override
    void close();
}

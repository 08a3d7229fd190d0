package org.warmstation.devices.scan;

/**
 * Receives scans. Callbacks come on the scanner's own thread, never the UI thread; an exception
 * thrown by a callback is logged and does not stop the scanner.
 */
public interface ScanListener {
    /**
     * A code was read: the same code held in front of the camera over consecutive frames is
     * reported once.
     *
     * @param text the decoded text, exactly as read (may be any text at all)
     */
    void onScan(String text);

    /**
     * The scanner's state changed.
     *
     * @param status the new state
     */
    default void onStatus(ScannerStatus status) {
    }
}

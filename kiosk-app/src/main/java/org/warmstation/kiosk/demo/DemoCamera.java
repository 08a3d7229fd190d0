package org.warmstation.kiosk.demo;

import java.awt.image.BufferedImage;
import java.time.Duration;
import org.warmstation.devices.scan.FrameSource;
import org.warmstation.devices.scan.FrameSourceFactory;
import org.warmstation.devices.scan.ManualFrameSource;

/**
 * The demo's simulated camera: a {@link FrameSourceFactory} of {@link ManualFrameSource}s (a new
 * one each time the scanner opens the camera) through which the demo card tray holds a card up.
 * Thread-safe.
 */
public final class DemoCamera implements FrameSourceFactory {
    private final Duration interval;
    private ManualFrameSource current;
    private BufferedImage shown;

    /**
     * @param interval time between frames, positive (100 ms gives 10 frames a second)
     */
    public DemoCamera(Duration interval) {
        this.interval = interval;
    }

    @Override
    public synchronized FrameSource open() {
        current = new ManualFrameSource(interval);
        if (shown != null) {
            current.show(shown);
        }
        return current;
    }

    /**
     * Holds a picture in front of the camera until {@link #clear()}.
     *
     * @param image the card image
     */
    public synchronized void show(BufferedImage image) {
        shown = image;
        if (current != null) {
            current.show(image);
        }
    }

    /** Takes the card away. */
    public synchronized void clear() {
        shown = null;
        if (current != null) {
            current.clear();
        }
    }
}

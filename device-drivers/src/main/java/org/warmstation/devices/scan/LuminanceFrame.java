package org.warmstation.devices.scan;

import java.time.Instant;
import java.util.Objects;

/**
 * One camera frame as its luminance plane: 8-bit grey, row-major, no padding. For YUV 4:2:0
 * frames this is simply the Y plane, so frames go to ZXing without any image round trip.
 *
 * @param width      pixels per row, at least 1
 * @param height     rows, at least 1
 * @param luma       {@code width * height} bytes; not copied (the frame owns it)
 * @param capturedAt when the frame was read
 */
public record LuminanceFrame(int width, int height, byte[] luma, Instant capturedAt) {
    /**
     * @throws IllegalArgumentException when the sizes do not match the plane's length
     */
    public LuminanceFrame {
        Objects.requireNonNull(luma, "luma");
        Objects.requireNonNull(capturedAt, "capturedAt");
        if (width < 1 || height < 1 || (long) width * height != luma.length) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " does not match " + luma.length + " bytes");
        }
    }
}

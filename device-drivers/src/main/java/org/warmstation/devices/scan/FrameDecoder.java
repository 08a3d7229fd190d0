package org.warmstation.devices.scan;

import java.util.Optional;

/** Reads a code from a camera frame, for {@link CameraScanner}; {@link QrDecoder} is the one in use. */
@FunctionalInterface
public interface FrameDecoder {
    /**
     * Called on the scanner's thread, once per frame.
     *
     * @param frame the luminance plane; not to be modified
     * @return the code's text, or empty when the frame holds none that can be read
     */
    Optional<String> decode(LuminanceFrame frame);
}

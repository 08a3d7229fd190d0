package org.warmstation.devices.scan;

import com.google.zxing.ReaderException;
import java.util.Optional;

/**
 * One way of reading a frame, tried by {@link QrDecoder} in order until one gives a text.
 *
 * @param name     what the step does, for logs and the bench
 * @param inverted whether the step reads light codes on dark ground (dark and light swapped)
 * @param attempt  the attempt itself
 */
record DecodeStep(String name, boolean inverted, Attempt attempt) {
    /** An attempt on one frame's shared planes. */
    @FunctionalInterface
    interface Attempt {
        /**
         * @param planes the frame's planes and bitmaps
         * @return the decoded text, or empty when the step applies but finds nothing
         * @throws ReaderException when ZXing finds no symbol or cannot decode it
         */
        Optional<String> apply(FramePlanes planes) throws ReaderException;
    }
}

package org.warmstation.devices.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.Detector;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ZXing's plain pass ({@code QRCodeReader} without hints: finder search, best three, one
 * alignment pattern, decode) that also counts the finder-pattern candidates its search saw,
 * through ZXing's result-point callback (which changes nothing else).
 *
 * <p>When the search saw none, a second search runs on the thresholded frame with dark and light
 * swapped, at half resolution (every other pixel of every other row: a quarter of the pixels),
 * only to count candidates: a light code on a dark screen has no dark 1:1:3:1:1 runs, but its
 * swapped image has. The counts go to {@link FramePlanes}; the decoder stops when both are zero
 * and tries only its inverted steps when only the swapped search saw something. Stateless;
 * thread-safe.
 */
final class PlainPass {
    private PlainPass() {
    }

    /**
     * @param bitmap the frame under ZXing's local threshold
     * @param planes where the numbers of candidates the searches reported are noted
     * @return the text
     * @throws ReaderException when no code is found or it cannot be decoded
     */
    static Optional<String> decode(BinaryBitmap bitmap, FramePlanes planes) throws ReaderException {
        AtomicInteger seen = new AtomicInteger();
        Map<DecodeHintType, ?> hints = Map.of(DecodeHintType.NEED_RESULT_POINT_CALLBACK,
                (ResultPointCallback) point -> seen.incrementAndGet());
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } finally {
            int swapped = seen.get() > 0 ? -1 : swappedCandidates(bitmap.getBlackMatrix());
            planes.finderCandidates(seen.get(), swapped);
        }
    }

    /**
     * @param bits a thresholded frame
     * @return finder-pattern candidates ZXing's search sees in it with dark and light swapped,
     *         at half resolution
     */
    static int swappedCandidates(BitMatrix bits) {
        int w = bits.getWidth() / 2;
        int h = bits.getHeight() / 2;
        if (w < 21 || h < 21) {
            return 0;
        }
        BitMatrix half = new BitMatrix(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!bits.get(2 * x, 2 * y)) {
                    half.set(x, y);
                }
            }
        }
        AtomicInteger seen = new AtomicInteger();
        try {
            new Detector(half).detect(Map.of(DecodeHintType.NEED_RESULT_POINT_CALLBACK,
                    (ResultPointCallback) point -> seen.incrementAndGet()));
        } catch (ReaderException | RuntimeException e) {
            // only the count matters
        }
        return seen.get();
    }
}

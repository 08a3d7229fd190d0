package org.warmstation.devices.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ZXing's plain pass ({@code QRCodeReader} without hints: finder search, best three, one
 * alignment pattern, decode) that also counts the finder-pattern candidates its search saw,
 * through ZXing's result-point callback (which changes nothing else).
 *
 * <p>When the search saw none, the same search runs once more on the thresholded frame with
 * dark and light swapped (a light code on a dark screen has no dark 1:1:3:1:1 runs), which costs
 * the finder scan only, not a second threshold. With no candidate either way the frame holds no
 * code any later step could read on this project's photo set and synthetic cards, and the
 * decoder stops there. Stateless; thread-safe.
 */
final class PlainPass {
    private PlainPass() {
    }

    /**
     * @param bitmap the frame under ZXing's local threshold
     * @param planes where the number of candidates the searches reported is noted
     * @return the text
     * @throws ReaderException when no code is found or it cannot be decoded
     */
    static Optional<String> decode(BinaryBitmap bitmap, FramePlanes planes) throws ReaderException {
        AtomicInteger seen = new AtomicInteger();
        Map<DecodeHintType, ?> hints = Map.of(DecodeHintType.NEED_RESULT_POINT_CALLBACK,
                (ResultPointCallback) point -> seen.incrementAndGet());
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (ReaderException e) {
            if (seen.get() > 0) {
                throw e;
            }
            BitMatrix swapped = bitmap.getBlackMatrix().clone();
            swapped.flip();
            try {
                return Optional.of(new Decoder().decode(new Detector(swapped).detect(hints).getBits(), hints).getText());
            } catch (ReaderException | RuntimeException again) {
                throw e;
            }
        } finally {
            planes.finderCandidates(seen.get());
        }
    }
}

package org.warmstation.devices.scan;

import com.google.zxing.ReaderException;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and decodes one QR code (ISO/IEC 18004) in a camera frame, straight from the luminance
 * plane, with ZXing and, for what ZXing misses, BoofCV's detector.
 *
 * <p>Tries cheap first and stops at the first step that reads a text:
 * <ol>
 *   <li>ZXing's plain pass: local ("hybrid") threshold, its best three finder patterns. When its
 *       finder search saw no finder-pattern candidate at all, nor a quarter-resolution search
 *       with dark and light swapped, the decoder stops here: a frame without a code costs little
 *       more than plain ZXing. When only the swapped search saw candidates, only the inverted
 *       steps (last) run;</li>
 *   <li>BoofCV's detector ({@code BoofGridDecoder}): finder patterns as dark squares, every
 *       alignment pattern, modules thresholded locally in module space, ZXing's decoder on the
 *       result (t-shirt prints, bent paper, glare). When BoofCV located no symbol and ZXing's
 *       search saw fewer than three finder candidates, the decoder stops here, unless the swapped
 *       search sees finder candidates: then only the inverted steps follow;</li>
 *   <li>ZXing's threshold with other finder-pattern triples, the neighbouring symbol sizes and
 *       a template-matched alignment pattern ({@code GridRetry}; about one clean card in 150
 *       defeats step 1 through a finder look-alike in its data, and tilted cards often do);</li>
 *   <li>a global histogram threshold (uneven light), with the same retries;</li>
 *   <li>the frame at another scale: halved when its longer side exceeds {@value #LARGE_SIDE}
 *       pixels; doubled with bilinear interpolation (small codes, two or three pixels a module)
 *       when it is at most {@value #UPSCALE_MAX_SIDE};</li>
 *   <li>the inverted frame (light code on a dark screen), for ZXing's retries and BoofCV; skipped
 *       when BoofCV located a dark-on-light symbol in an earlier step.</li>
 * </ol>
 * Mirrored symbols (a code seen from behind glass or film) are read by every step: ZXing's
 * decoder retries a grid mirrored. Every answer has passed ZXing's Reed-Solomon and format
 * checks on the sampled modules; BoofCV's own text is never used.
 *
 * <p>Thread-safe and deterministic: it holds no mutable state shared between calls (BoofCV's
 * detectors are per thread), and the same pixels always give the same answer. Calls block the
 * calling thread for the decode.
 */
public final class QrDecoder implements FrameDecoder {
    /** Frames whose longer side exceeds this many pixels are also tried at half size. */
    public static final int LARGE_SIDE = 1000;
    /** Frames whose longer side is at most this many pixels are also tried at double size. */
    public static final int UPSCALE_MAX_SIDE = 1024;

    /** Fewer finder candidates than a symbol has finder patterns. */
    private static final int FEW_CANDIDATES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(QrDecoder.class);

    private final List<DecodeStep> steps;

    /** The decoder with its steps in the documented order. */
    public QrDecoder() {
        this(DecodeSteps.DEFAULT);
    }

    /** @param steps the steps to try, in order (the bench measures single steps this way) */
    QrDecoder(List<DecodeStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Decodes a camera frame.
     *
     * @param frame the luminance plane; not modified
     * @return the code's text exactly as encoded (any text at all), or empty when no QR code
     *         could be read
     * @throws NullPointerException when {@code frame} is null
     */
    @Override
    public Optional<String> decode(LuminanceFrame frame) {
        Objects.requireNonNull(frame, "frame");
        FramePlanes planes = new FramePlanes(frame);
        boolean invertedOnly = false;
        for (DecodeStep step : steps) {
            if ((invertedOnly || planes.finderCandidates() == 0) && !step.inverted()) {
                continue; // only the swapped search saw something: a light code on dark ground
            }
            if (step.inverted() && planes.boofSymbols() > 0) {
                continue; // BoofCV located a dark-on-light symbol: not an inverted code
            }
            Optional<String> text = attempt(step, planes);
            if (text.isPresent()) {
                LOG.debug("decoded {}x{} frame at step '{}'", frame.width(), frame.height(), step.name());
                return text;
            }
            if (planes.finderCandidates() == 0 && planes.swappedCandidates() == 0) {
                return Optional.empty(); // nothing finder-like either way: no code here
            }
            if (step == DecodeSteps.BOOF && planes.boofSymbols() == 0 && planes.finderCandidates() < FEW_CANDIDATES) {
                // BoofCV located no symbol and ZXing saw fewer than three finders: no dark code here;
                // a light one on dark ground is left only when the swapped search sees finders
                if (swappedCandidates(planes) == 0) {
                    return Optional.empty();
                }
                invertedOnly = true;
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes an image (a photo, a screenshot): converts it to its luminance plane as ZXing's
     * {@code BufferedImageLuminanceSource} does, then {@link #decode(LuminanceFrame)}.
     *
     * @param image any image; transparent pixels count as white
     * @return the code's text, or empty when none could be read
     * @throws NullPointerException when {@code image} is null
     */
    public Optional<String> decode(BufferedImage image) {
        return decode(ImageFrames.toFrame(image));
    }

    private static int swappedCandidates(FramePlanes planes) {
        if (planes.swappedCandidates() >= 0) {
            return planes.swappedCandidates();
        }
        try {
            return PlainPass.swappedCandidates(DecodeSteps.hybridMatrix(planes));
        } catch (ReaderException e) {
            return 0;
        }
    }

    private static Optional<String> attempt(DecodeStep step, FramePlanes planes) {
        try {
            return step.attempt().apply(planes);
        } catch (ReaderException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // ZXing has had index bugs on odd geometry; one bad frame must not stop the scanner
            LOG.debug("step '{}' failed on a {}x{} frame: {}", step.name(), planes.frame().width(), planes.frame().height(), e.toString());
            return Optional.empty();
        }
    }
}

package org.warmstation.devices.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and decodes one QR code (ISO/IEC 18004) in a camera frame with ZXing, straight from the
 * luminance plane.
 *
 * <p>Tries cheap first and escalates only when a step finds nothing:
 * <ol>
 *   <li>ZXing's plain pass: local ("hybrid") threshold, its best three finder patterns;</li>
 *   <li>the same threshold with other finder-pattern triples, the neighbouring symbol sizes and
 *       a template-matched alignment pattern ({@code GridRetry}; about one clean card in 150
 *       defeats step 1 through a finder look-alike in its data, and tilted cards often do);</li>
 *   <li>a global histogram threshold (uneven light, glare), with the same retries;</li>
 *   <li>the frame at another scale: halved (local threshold) when its longer side exceeds
 *       {@value #LARGE_SIDE} pixels; doubled with bilinear interpolation (small codes, two or
 *       three pixels a module) when it is at most {@value #UPSCALE_MAX_SIDE}, under both
 *       thresholds;</li>
 *   <li>the inverted frame (light code on a dark screen), with the retries.</li>
 * </ol>
 * A frame with a clear code costs one step; a frame without any code costs them all (on a
 * 640x480 frame some tens of milliseconds on a desktop core, several times that on a Pi).
 * Every answer has passed ZXing's Reed-Solomon and format checks.
 *
 * <p>Thread-safe and deterministic: it holds no mutable state (each call uses its own ZXing
 * reader), and the same pixels always give the same answer. Calls block the calling thread for
 * the decode.
 */
public final class QrDecoder implements FrameDecoder {
    /** Frames whose longer side exceeds this many pixels are also tried at half size. */
    public static final int LARGE_SIDE = 1000;
    /** Frames whose longer side is at most this many pixels are also tried at double size. */
    public static final int UPSCALE_MAX_SIDE = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(QrDecoder.class);
    private static final Map<DecodeHintType, Object> TRY_HARDER = hints();
    private static final Function<LuminanceSource, Binarizer> HYBRID = HybridBinarizer::new;
    private static final Function<LuminanceSource, Binarizer> GLOBAL = GlobalHistogramBinarizer::new;

    /** One decoding attempt: how to resample the plane, how to threshold it, which hints. */
    private record Step(String name, Scale scale, boolean inverted, Function<LuminanceSource, Binarizer> binarizer,
                        Map<DecodeHintType, Object> hints, boolean regrid) {
    }

    private enum Scale { AS_IS, HALF, DOUBLE }

    private static final List<Step> STEPS = List.of(
            new Step("plain", Scale.AS_IS, false, HYBRID, null, false),
            new Step("other finder triples and sizes", Scale.AS_IS, false, HYBRID, TRY_HARDER, true),
            new Step("global threshold", Scale.AS_IS, false, GLOBAL, TRY_HARDER, true),
            new Step("half size", Scale.HALF, false, HYBRID, TRY_HARDER, false),
            new Step("double size", Scale.DOUBLE, false, HYBRID, TRY_HARDER, false),
            new Step("double size, global threshold", Scale.DOUBLE, false, GLOBAL, TRY_HARDER, false),
            new Step("inverted", Scale.AS_IS, true, HYBRID, TRY_HARDER, true));

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
        LuminanceFrame half = null;
        LuminanceFrame doubled = null;
        BinaryBitmap bitmap = null;
        Step bitmapStep = null;
        int longer = Math.max(frame.width(), frame.height());
        for (Step step : STEPS) {
            LuminanceFrame plane;
            switch (step.scale()) {
                case HALF -> {
                    if (longer <= LARGE_SIDE) {
                        continue;
                    }
                    half = half != null ? half : LumaPlanes.halve(frame);
                    plane = half;
                }
                case DOUBLE -> {
                    if (longer > UPSCALE_MAX_SIDE) {
                        continue;
                    }
                    doubled = doubled != null ? doubled : LumaPlanes.doubleSize(frame);
                    plane = doubled;
                }
                default -> plane = frame;
            }
            if (bitmapStep == null || !sameBitmap(step, bitmapStep)) {
                bitmap = bitmap(step, plane); // binarized once, its black matrix cached for the next step too
                bitmapStep = step;
            }
            Optional<String> text = attempt(step, bitmap, plane);
            if (text.isPresent()) {
                LOG.debug("decoded {}x{} frame at step '{}'", frame.width(), frame.height(), step.name());
                return text;
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

    private static boolean sameBitmap(Step a, Step b) {
        return a.scale() == b.scale() && a.inverted() == b.inverted() && a.binarizer() == b.binarizer();
    }

    private static BinaryBitmap bitmap(Step step, LuminanceFrame plane) {
        LuminanceSource source = new PlanarYUVLuminanceSource(plane.luma(), plane.width(), plane.height(),
                0, 0, plane.width(), plane.height(), false);
        if (step.inverted()) {
            source = source.invert();
        }
        return new BinaryBitmap(step.binarizer().apply(source));
    }

    private static Optional<String> attempt(Step step, BinaryBitmap bitmap, LuminanceFrame plane) {
        try {
            if (step.regrid()) {
                return GridRetry.decode(bitmap.getBlackMatrix(), step.hints());
            }
            return Optional.of(new QRCodeReader().decode(bitmap, step.hints()).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // ZXing has had index bugs on odd geometry; one bad frame must not stop the scanner
            LOG.debug("ZXing failed at step '{}' on a {}x{} plane: {}", step.name(), plane.width(), plane.height(), e.toString());
            return Optional.empty();
        }
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return Collections.unmodifiableMap(h);
    }
}

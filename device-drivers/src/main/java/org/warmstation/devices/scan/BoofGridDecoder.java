package org.warmstation.devices.scan;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.alg.fiducial.qrcode.QrCodeBinaryGridReader;
import boofcv.factory.fiducial.ConfigQrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.DecodeHintType;
import georegression.struct.point.Point2D_F32;
import com.google.zxing.ReaderException;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * BoofCV's QR detector as a second detector: it finds the finder patterns as dark squares (a
 * polygon fit on a locally thresholded image, not ZXing's 1:1:3:1:1 run scan), reads format and
 * version, locates the alignment patterns and maps modules to pixels through a transform fitted
 * to all of those features.
 *
 * <p>Only BoofCV's geometry is used, for the symbols it decoded and for those it located but
 * could not decode: each module's grey level is sampled (bilinear) through BoofCV's transform, at the
 * module centre and, failing that, a fifth of a module off it in each direction (fabric and
 * bent paper shift modules); the levels are thresholded in module space ({@link ModuleGrid}:
 * BoofCV's finder threshold, then thresholds local to each module's neighbourhood, for glare
 * and shadow); and each grid goes through ZXing's {@link Decoder} (Reed-Solomon, format check,
 * mirrored reading, ZXing's character-set rules). So a text is what ZXing reads from those
 * modules; BoofCV's own text is never returned (it guesses other character sets than ZXing,
 * e.g. ISO-8859-1 where ZXing reads Shift_JIS).
 *
 * <p>Thread-safe: each thread has its own BoofCV detector (they hold work buffers). Blocks the
 * calling thread for the detection (about three times ZXing's plain pass).
 */
final class BoofGridDecoder {
    /** Grid offsets tried, in modules (row, column): the centre first. */
    private static final float[][] OFFSETS = {{0, 0}, {0.2f, 0}, {-0.2f, 0}, {0, 0.2f}, {0, -0.2f}};

    private static final ThreadLocal<QrCodeDetector<GrayU8>> DETECTOR =
            ThreadLocal.withInitial(() -> FactoryFiducial.qrcode(new ConfigQrCode(), GrayU8.class));

    private static final ThreadLocal<QrCodeBinaryGridReader<GrayU8>> READER =
            ThreadLocal.withInitial(() -> new QrCodeBinaryGridReader<>(GrayU8.class));

    private BoofGridDecoder() {
    }

    /** The grey level at a module coordinate, interpolated between the four nearest pixels. */
    private static float bilinear(LuminanceFrame frame, QrCodeBinaryGridReader<GrayU8> reader, float row, float col,
                                  Point2D_F32 pixel) {
        reader.gridToImage(row, col, pixel);
        int w = frame.width();
        int h = frame.height();
        float x = Math.clamp(pixel.x - 0.5f, 0, w - 1.001f);
        float y = Math.clamp(pixel.y - 0.5f, 0, h - 1.001f);
        int x0 = (int) x;
        int y0 = (int) y;
        float fx = x - x0;
        float fy = y - y0;
        byte[] l = frame.luma();
        int i = y0 * w + x0;
        int x1 = Math.min(x0 + 1, w - 1) - x0;
        int y1 = Math.min(y0 + 1, h - 1) > y0 ? w : 0;
        float top = (l[i] & 0xff) * (1 - fx) + (l[i + x1] & 0xff) * fx;
        float bottom = (l[i + y1] & 0xff) * (1 - fx) + (l[i + y1 + x1] & 0xff) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /**
     * @param frame   the luminance plane; not modified
     * @param hints   ZXing decode hints, may be null
     * @param located told how many symbols BoofCV located (decoded or not, with a known version)
     * @return the text of the first symbol whose sampled modules ZXing decodes, or empty
     */
    static Optional<String> decode(LuminanceFrame frame, Map<DecodeHintType, ?> hints, IntConsumer located) {
        GrayU8 gray = new GrayU8();
        gray.data = frame.luma();
        gray.width = frame.width();
        gray.height = frame.height();
        gray.stride = frame.width();
        gray.startIndex = 0;
        QrCodeDetector<GrayU8> detector = DETECTOR.get();
        detector.process(gray);
        List<QrCode> found = new ArrayList<>(detector.getDetections());
        found.addAll(detector.getFailures());
        found.removeIf(qr -> qr.version < 1 || qr.version > 40); // located, but its size is unknown
        located.accept(found.size());
        QrCodeBinaryGridReader<GrayU8> reader = READER.get();
        reader.setImage(gray);
        Decoder decoder = new Decoder();
        Point2D_F32 pixel = new Point2D_F32();
        for (QrCode qr : found) {
            try {
                reader.setMarker(qr);
                float finderThreshold = (float) (qr.threshCorner + qr.threshDown + qr.threshRight) / 3f;
                for (float[] offset : OFFSETS) {
                    ModuleGrid grid = ModuleGrid.sample(qr.getNumberOfModules(), offset[0], offset[1],
                            (row, col) -> bilinear(frame, reader, row, col, pixel));
                    for (ModuleGrid.Threshold t : ModuleGrid.Threshold.values()) {
                        try {
                            return Optional.of(decoder.decode(grid.bits(t, finderThreshold), hints).getText());
                        } catch (ReaderException e) {
                            // next threshold, offset or symbol
                        }
                    }
                }
            } catch (RuntimeException e) {
                // a failed symbol's geometry can be incomplete (BoofCV throws); skip that symbol
            }
        }
        return Optional.empty();
    }
}

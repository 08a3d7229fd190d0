package org.warmstation.devices.scan;

import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.multi.qrcode.detector.MultiDetector;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Second chances on the geometry ZXing's detector guessed, for a binarized frame whose plain
 * decode failed:
 * <ul>
 *   <li>other triples of finder-pattern candidates (ZXing keeps only its "best" three; a
 *       finder-like 1:1:3:1:1 run in the data, or in the print around the code, can win);</li>
 *   <li>the neighbouring symbol sizes (dimension +-4 modules: the size estimated from the
 *       finder distance is often one version off under perspective);</li>
 *   <li>the alignment pattern searched again where that size puts it ({@link AlignmentSearch}),
 *       and used as fourth point of the perspective transform, or not used (parallelogram).</li>
 * </ul>
 * Each guess is sampled and handed to ZXing's decoder, whose Reed-Solomon check rejects wrong
 * geometry. Stateless; thread-safe.
 */
final class GridRetry {
    private static final int[] DIMENSION_DELTAS = {0, -4, 4};
    private static final int MIN_DIMENSION = 21;
    private static final int MAX_DIMENSION = 177;

    private GridRetry() {
    }

    /** Finder centres (bottom left, top left, top right), optional alignment pattern, estimated dimension. */
    private record Geometry(ResultPoint[] points, int dimension) {
    }

    /**
     * @param bits  the binarized frame
     * @param hints ZXing decode hints, may be null
     * @return the text of the first guess that decodes, or empty
     */
    static Optional<String> decode(BitMatrix bits, Map<DecodeHintType, ?> hints) {
        List<Geometry> guesses = new ArrayList<>();
        try {
            DetectorResult r = new Detector(bits).detect(hints);
            guesses.add(new Geometry(r.getPoints(), r.getBits().getWidth()));
        } catch (ReaderException e) {
            // no single best triple; the multi detector below may still find some
        }
        try {
            for (DetectorResult r : new MultiDetector(bits).detectMulti(hints)) {
                guesses.add(new Geometry(r.getPoints(), r.getBits().getWidth()));
            }
        } catch (ReaderException e) {
            // none
        }
        Decoder decoder = new Decoder();
        AlignmentLocator locator = new AlignmentLocator(bits);
        for (Geometry g : guesses) {
            for (int delta : DIMENSION_DELTAS) {
                int dimension = g.dimension() + delta;
                if (dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
                    continue;
                }
                List<ResultPoint> fourths = new ArrayList<>(AlignmentSearch.candidates(bits, g.points(), dimension,
                        locator.locate(g.points(), dimension)));
                fourths.add(null); // parallelogram
                for (ResultPoint fourth : fourths) {
                    try {
                        BitMatrix grid = GridSampler.getInstance().sampleGrid(bits, dimension, dimension,
                                transform(g.points(), dimension, fourth));
                        return Optional.of(decoder.decode(grid, hints).getText());
                    } catch (ReaderException e) {
                        // next guess
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** ZXing's alignment-pattern search, for a symbol size chosen here. */
    private static final class AlignmentLocator extends Detector {
        AlignmentLocator(BitMatrix bits) {
            super(bits);
        }

        /** As in {@code Detector.processFinderPatternInfo}: the bottom-right alignment pattern, or null. */
        ResultPoint locate(ResultPoint[] p, int dimension) {
            if (dimension <= MIN_DIMENSION) {
                return null; // version 1 has none
            }
            ResultPoint bottomLeft = p[0];
            ResultPoint topLeft = p[1];
            ResultPoint topRight = p[2];
            float moduleSize = calculateModuleSize(topLeft, topRight, bottomLeft);
            if (!(moduleSize >= 1.0f)) {
                return null;
            }
            float bottomRightX = topRight.getX() - topLeft.getX() + bottomLeft.getX();
            float bottomRightY = topRight.getY() - topLeft.getY() + bottomLeft.getY();
            float correction = 1.0f - 3.0f / (dimension - 7);
            int estX = (int) (topLeft.getX() + correction * (bottomRightX - topLeft.getX()));
            int estY = (int) (topLeft.getY() + correction * (bottomRightY - topLeft.getY()));
            for (int allowance = 4; allowance <= 16; allowance <<= 1) {
                try {
                    return findAlignmentInRegion(moduleSize, estX, estY, allowance);
                } catch (ReaderException e) {
                    // widen the search
                }
            }
            return null;
        }
    }

    /** As ZXing's {@code Detector.createTransform}: alignment pattern as fourth point, or a parallelogram. */
    static PerspectiveTransform transform(ResultPoint[] p, int dimension, ResultPoint alignment) {
        ResultPoint bottomLeft = p[0];
        ResultPoint topLeft = p[1];
        ResultPoint topRight = p[2];
        float dimMinusThree = dimension - 3.5f;
        float bottomRightX;
        float bottomRightY;
        float sourceBottomRight;
        if (alignment != null) {
            bottomRightX = alignment.getX();
            bottomRightY = alignment.getY();
            sourceBottomRight = dimMinusThree - 3.0f;
        } else {
            bottomRightX = topRight.getX() - topLeft.getX() + bottomLeft.getX();
            bottomRightY = topRight.getY() - topLeft.getY() + bottomLeft.getY();
            sourceBottomRight = dimMinusThree;
        }
        return PerspectiveTransform.quadrilateralToQuadrilateral(
                3.5f, 3.5f, dimMinusThree, 3.5f, sourceBottomRight, sourceBottomRight, 3.5f, dimMinusThree,
                topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(), bottomRightX, bottomRightY,
                bottomLeft.getX(), bottomLeft.getY());
    }
}

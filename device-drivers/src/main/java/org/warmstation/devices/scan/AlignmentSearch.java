package org.warmstation.devices.scan;

import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the bottom-right alignment pattern of a QR symbol (ISO/IEC 18004 section 6.3.6) by
 * template matching, where ZXing's search takes the first 1:1:1 run it confirms, which under
 * strong perspective is often a look-alike in the data.
 *
 * <p>Candidate centres on a half-module lattice around ZXing's estimate (and around what its
 * own search found) are scored by sampling the 5x5 modules the pattern covers through the
 * perspective transform that candidate implies, and counting modules that match the
 * dark-light-dark rings. Stateless; thread-safe.
 */
final class AlignmentSearch {
    /** Lattice radius, in half modules, around each starting point. */
    private static final int RADIUS = 6;
    /** Of the 25 modules, at least this many must match. */
    private static final int MIN_SCORE = 23;
    private static final int KEEP = 3;

    private AlignmentSearch() {
    }

    private record Scored(ResultPoint point, int score) {
    }

    /**
     * @param bits      the binarized frame
     * @param finders   bottom-left, top-left and top-right finder centres
     * @param dimension the symbol's size in modules, above 21
     * @param zxingGuess where ZXing's own search found the pattern, or null
     * @return up to three candidate centres, best first (ZXing's guess first when it scores as
     *         well as any)
     */
    static List<ResultPoint> candidates(BitMatrix bits, ResultPoint[] finders, int dimension, ResultPoint zxingGuess) {
        if (dimension <= 21) {
            return List.of();
        }
        ResultPoint bottomLeft = finders[0];
        ResultPoint topLeft = finders[1];
        ResultPoint topRight = finders[2];
        float moduleSize = (float) (ResultPoint.distance(topLeft, topRight) + ResultPoint.distance(topLeft, bottomLeft))
                / (2f * (dimension - 7));
        float correction = 1.0f - 3.0f / (dimension - 7);
        float estX = topLeft.getX() + correction * (topRight.getX() - topLeft.getX() + bottomLeft.getX() - topLeft.getX());
        float estY = topLeft.getY() + correction * (topRight.getY() - topLeft.getY() + bottomLeft.getY() - topLeft.getY());
        List<ResultPoint> starts = new ArrayList<>();
        if (zxingGuess != null) {
            starts.add(zxingGuess);
        }
        starts.add(new ResultPoint(estX, estY));
        List<Scored> scored = new ArrayList<>();
        for (ResultPoint start : starts) {
            for (int j = -RADIUS; j <= RADIUS; j++) {
                for (int i = -RADIUS; i <= RADIUS; i++) {
                    ResultPoint c = new ResultPoint(start.getX() + i * moduleSize / 2, start.getY() + j * moduleSize / 2);
                    int score = score(bits, finders, dimension, c);
                    if (score >= MIN_SCORE) {
                        scored.add(new Scored(c, score + (c == start && start == zxingGuess ? 1 : 0)));
                    }
                }
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed());
        List<ResultPoint> best = new ArrayList<>();
        for (Scored s : scored) {
            boolean near = best.stream().anyMatch(b -> ResultPoint.distance(b, s.point()) < moduleSize);
            if (!near) {
                best.add(s.point());
                if (best.size() == KEEP) {
                    break;
                }
            }
        }
        return best;
    }

    private static int score(BitMatrix bits, ResultPoint[] finders, int dimension, ResultPoint alignment) {
        PerspectiveTransform t = GridRetry.transform(finders, dimension, alignment);
        float centre = dimension - 6.5f;
        float[] p = new float[50];
        int k = 0;
        for (int my = -2; my <= 2; my++) {
            for (int mx = -2; mx <= 2; mx++) {
                p[k++] = centre + mx;
                p[k++] = centre + my;
            }
        }
        t.transformPoints(p);
        int score = 0;
        k = 0;
        for (int my = -2; my <= 2; my++) {
            for (int mx = -2; mx <= 2; mx++) {
                int x = (int) p[k++];
                int y = (int) p[k++];
                if (x < 0 || y < 0 || x >= bits.getWidth() || y >= bits.getHeight()) {
                    return 0;
                }
                boolean dark = Math.max(Math.abs(mx), Math.abs(my)) != 1;
                if (bits.get(x, y) == dark) {
                    score++;
                }
            }
        }
        return score;
    }
}

package org.warmstation.devices.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The planes and binarized bitmaps one frame's decoding steps share: each resampled plane
 * (half, double size, inverted) and each bitmap (plane x binarizer) is made once, on first use,
 * and reused by later steps. One instance per decode call; not thread-safe.
 */
final class FramePlanes {
    /** How a step resamples the frame. */
    enum Scale { AS_IS, HALF, DOUBLE }

    private final LuminanceFrame frame;
    private final Map<String, Object> cache = new HashMap<>();
    private int finderCandidates = -1;
    private int swappedCandidates = -1;
    private int boofSymbols;

    FramePlanes(LuminanceFrame frame) {
        this.frame = frame;
    }

    /**
     * @param n       finder-pattern candidates ZXing's plain pass saw
     * @param swapped candidates the search saw with dark and light swapped (-1 when not run)
     */
    void finderCandidates(int n, int swapped) {
        finderCandidates = n;
        swappedCandidates = swapped;
    }

    /** @return finder-pattern candidates ZXing's plain pass saw, -1 when it has not run */
    int finderCandidates() {
        return finderCandidates;
    }

    /** @param n symbols BoofCV located in an upright (not inverted) plane */
    void boofSymbols(int n) {
        boofSymbols += n;
    }

    /** @return symbols BoofCV located in upright planes so far (a dark code on light ground is there) */
    int boofSymbols() {
        return boofSymbols;
    }

    /** @return candidates seen with dark and light swapped, -1 when that search has not run */
    int swappedCandidates() {
        return swappedCandidates;
    }

    /** @return the frame as given */
    LuminanceFrame frame() {
        return frame;
    }

    /**
     * @param scale    the resampling
     * @param inverted whether light and dark are swapped (a light code on a dark ground)
     * @return the plane, made on first use
     */
    LuminanceFrame plane(Scale scale, boolean inverted) {
        String key = "plane " + scale + " " + inverted;
        Object cached = cache.get(key);
        if (cached != null) {
            return (LuminanceFrame) cached;
        }
        LuminanceFrame p;
        if (inverted) {
            LuminanceFrame upright = plane(scale, false);
            byte[] luma = upright.luma().clone();
            for (int i = 0; i < luma.length; i++) {
                luma[i] = (byte) (255 - (luma[i] & 0xff));
            }
            p = new LuminanceFrame(upright.width(), upright.height(), luma, upright.capturedAt());
        } else {
            p = switch (scale) {
                case AS_IS -> frame;
                case HALF -> LumaPlanes.halve(frame);
                case DOUBLE -> LumaPlanes.doubleSize(frame);
            };
        }
        cache.put(key, p);
        return p;
    }

    /**
     * @param scale     the resampling
     * @param inverted  whether light and dark are swapped
     * @param name      the binarizer's name (the cache key)
     * @param binarizer makes the binarizer for a luminance source
     * @return the bitmap, whose black matrix ZXing computes once and caches
     */
    BinaryBitmap bitmap(Scale scale, boolean inverted, String name, Function<LuminanceSource, Binarizer> binarizer) {
        String key = "bitmap " + scale + " " + inverted + " " + name;
        Object cached = cache.get(key);
        if (cached != null) {
            return (BinaryBitmap) cached;
        }
        LuminanceFrame p = plane(scale, inverted);
        LuminanceSource source = new PlanarYUVLuminanceSource(p.luma(), p.width(), p.height(),
                0, 0, p.width(), p.height(), false);
        BinaryBitmap b = new BinaryBitmap(binarizer.apply(source));
        cache.put(key, b);
        return b;
    }
}

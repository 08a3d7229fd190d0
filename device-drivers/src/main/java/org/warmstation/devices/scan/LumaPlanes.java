package org.warmstation.devices.scan;

/**
 * Resampling of luminance planes for the decoder's retries: 8-bit grey, row-major, no padding.
 * Stateless and thread-safe; every method returns a new plane and leaves its input alone.
 */
final class LumaPlanes {
    private LumaPlanes() {
    }

    /**
     * Halves both sides by averaging 2x2 blocks (an odd last row or column is dropped).
     *
     * @param frame the plane, at least 2x2
     * @return a plane of {@code width / 2} x {@code height / 2}
     */
    static LuminanceFrame halve(LuminanceFrame frame) {
        int w = frame.width() / 2;
        int h = frame.height() / 2;
        byte[] in = frame.luma();
        int stride = frame.width();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * stride;
            int r1 = r0 + stride;
            for (int x = 0; x < w; x++) {
                int sx = 2 * x;
                int sum = (in[r0 + sx] & 0xff) + (in[r0 + sx + 1] & 0xff) + (in[r1 + sx] & 0xff) + (in[r1 + sx + 1] & 0xff);
                out[y * w + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new LuminanceFrame(w, h, out, frame.capturedAt());
    }

    /**
     * Doubles both sides with bilinear interpolation (pixel centres aligned, edges clamped), so
     * that codes whose modules are only two or three pixels wide get smooth edges the
     * binarizers can threshold.
     *
     * @param frame the plane
     * @return a plane of {@code 2 * width} x {@code 2 * height}
     */
    static LuminanceFrame doubleSize(LuminanceFrame frame) {
        int sw = frame.width();
        int sh = frame.height();
        int w = sw * 2;
        int h = sh * 2;
        byte[] in = frame.luma();
        byte[] out = new byte[w * h];
        // output pixel x samples source (x + 0.5) / 2 - 0.5 = (2x - 1) / 4: two neighbours with
        // weights in quarters, the same for every row, so computed once
        int[] xa = new int[w];
        int[] xb = new int[w];
        int[] fx = new int[w];
        for (int x = 0; x < w; x++) {
            int q = 2 * x - 1;
            int x0 = Math.floorDiv(q, 4);
            fx[x] = q - 4 * x0;
            xa[x] = clamp(x0, sw);
            xb[x] = clamp(x0 + 1, sw);
        }
        int[] top = new int[w];
        int[] bottom = new int[w];
        for (int y = 0; y < h; y++) {
            int q = 2 * y - 1;
            int y0 = Math.floorDiv(q, 4);
            int fy = q - 4 * y0;
            int ra = clamp(y0, sh) * sw;
            int rb = clamp(y0 + 1, sh) * sw;
            horizontal(in, ra, xa, xb, fx, top);
            horizontal(in, rb, xa, xb, fx, bottom);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (byte) ((top[x] * (4 - fy) + bottom[x] * fy + 8) >> 4);
            }
        }
        return new LuminanceFrame(w, h, out, frame.capturedAt());
    }

    private static void horizontal(byte[] in, int row, int[] xa, int[] xb, int[] fx, int[] into) {
        for (int x = 0; x < into.length; x++) {
            into[x] = (in[row + xa[x]] & 0xff) * (4 - fx[x]) + (in[row + xb[x]] & 0xff) * fx[x];
        }
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : Math.min(v, size - 1);
    }
}

package org.warmstation.devices.scan;

import com.google.zxing.common.BitMatrix;

/**
 * The grey levels of a QR symbol's modules, sampled through some module-to-pixel mapping, and
 * their thresholding in module space: a threshold local to each module's neighbourhood follows
 * glare and shadow across the symbol, where one threshold for the whole symbol loses the modules
 * under a bright spot or in a dark corner. Immutable.
 */
final class ModuleGrid {
    /** Neighbourhood radius of the local thresholds, in modules. */
    static final int RADIUS = 4;

    /** The grey level at a point of the symbol, in module coordinates (row, column). */
    @FunctionalInterface
    interface Sampler {
        /**
         * @param row    module row, fractional (0.5 is the first row's centre)
         * @param column module column, fractional
         * @return grey level, 0 (black) to 255
         */
        float at(float row, float column);
    }

    /** How a module's level becomes dark or light. */
    enum Threshold {
        /** One level for the whole symbol (given by the caller, e.g. from the finder patterns). */
        GIVEN,
        /** Midway between the darkest and lightest module within {@link #RADIUS}. */
        LOCAL_MIDRANGE,
        /** The mean module level within {@link #RADIUS}. */
        LOCAL_MEAN
    }

    private final int size;
    private final float[] levels;

    private ModuleGrid(int size, float[] levels) {
        this.size = size;
        this.levels = levels;
    }

    /**
     * Samples every module at its centre plus four points a fifth of a module away (the centre
     * counts twice), all shifted by the given offset.
     *
     * @param size      modules per side
     * @param rowOffset shift, in modules
     * @param colOffset shift, in modules
     * @param sampler   grey level at a module coordinate
     * @return the grid
     */
    static ModuleGrid sample(int size, float rowOffset, float colOffset, Sampler sampler) {
        float[] v = new float[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                float r = row + 0.5f + rowOffset;
                float c = col + 0.5f + colOffset;
                v[row * size + col] = (2 * sampler.at(r, c) + sampler.at(r - 0.2f, c) + sampler.at(r + 0.2f, c)
                        + sampler.at(r, c - 0.2f) + sampler.at(r, c + 0.2f)) / 6f;
            }
        }
        return new ModuleGrid(size, v);
    }

    /**
     * @param threshold how to threshold
     * @param given     the level for {@link Threshold#GIVEN}
     * @return the modules, set where dark, as ZXing's decoder takes them (x = column)
     */
    BitMatrix bits(Threshold threshold, float given) {
        BitMatrix m = new BitMatrix(size);
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                float t = threshold == Threshold.GIVEN ? given : local(threshold, row, col);
                if (levels[row * size + col] < t) {
                    m.set(col, row);
                }
            }
        }
        return m;
    }

    private float local(Threshold threshold, int row, int col) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float sum = 0;
        int count = 0;
        for (int y = Math.max(0, row - RADIUS); y <= Math.min(size - 1, row + RADIUS); y++) {
            for (int x = Math.max(0, col - RADIUS); x <= Math.min(size - 1, col + RADIUS); x++) {
                float a = levels[y * size + x];
                min = Math.min(min, a);
                max = Math.max(max, a);
                sum += a;
                count++;
            }
        }
        return threshold == Threshold.LOCAL_MIDRANGE ? (min + max) / 2 : sum / count;
    }
}

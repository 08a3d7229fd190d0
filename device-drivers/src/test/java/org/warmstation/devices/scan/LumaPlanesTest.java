package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LumaPlanesTest {
    private static LuminanceFrame plane(int w, int h, int... grey) {
        byte[] b = new byte[grey.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) grey[i];
        }
        return new LuminanceFrame(w, h, b, Instant.EPOCH);
    }

    private static int[] grey(LuminanceFrame f) {
        int[] g = new int[f.luma().length];
        for (int i = 0; i < g.length; i++) {
            g[i] = f.luma()[i] & 0xff;
        }
        return g;
    }

    @Test
    void halvingAveragesTwoByTwoBlocksAndDropsAnOddColumn() {
        LuminanceFrame half = LumaPlanes.halve(plane(3, 2, 0, 100, 7, 200, 255, 7));
        assertEquals(1, half.width());
        assertEquals(1, half.height());
        assertArrayEquals(new int[] {139}, grey(half)); // (0 + 100 + 200 + 255 + 2) / 4
    }

    @Test
    void doublingInterpolatesBetweenPixelCentresAndClampsAtTheEdges() {
        LuminanceFrame doubled = LumaPlanes.doubleSize(plane(2, 1, 0, 240));
        assertEquals(4, doubled.width());
        assertEquals(2, doubled.height());
        // centres of the new pixels sit at -0.25, 0.25, 0.75, 1.25 source pixels
        assertArrayEquals(new int[] {0, 60, 180, 240, 0, 60, 180, 240}, grey(doubled));
    }

    @Test
    void doublingKeepsAnEvenPlaneEven() {
        int[] flat = new int[12];
        java.util.Arrays.fill(flat, 77);
        int[] expected = new int[48];
        java.util.Arrays.fill(expected, 77);
        assertArrayEquals(expected, grey(LumaPlanes.doubleSize(plane(4, 3, flat))));
    }
}

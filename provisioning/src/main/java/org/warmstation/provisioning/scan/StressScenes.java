package org.warmstation.provisioning.scan;

import com.google.zxing.common.PerspectiveTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Camera-like damage for the synthetic stress set, on 8-bit grey pixels: a card placed in a
 * 640x480 frame at a given module size and tilt, blur, a glare spot, low light with sensor noise,
 * JPEG compression and a paper crease. Every method returns a new image (RGB, grey) and leaves
 * its input alone; randomness only from the given {@link Random}. Stateless; thread-safe.
 */
final class StressScenes {
    /** The camera frame. */
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int COUNTER = 90;
    /** Sub-samples per frame pixel side. */
    private static final int SUB = 3;

    private StressScenes() {
    }

    /**
     * The card on a grey counter, centred, scaled so that one QR module is {@code modulePx}
     * pixels, turned by {@code tiltDegrees} about its vertical axis and seen through a pinhole
     * camera at twice the card's width (the near edge larger than the far one).
     *
     * @param card        the card image, {@code cardModulePx} pixels a module
     * @param cardModulePx module size on the card image
     * @param modulePx    wanted module size at the card's centre, pixels
     * @param tiltDegrees 0 to 80
     * @return the frame
     */
    static BufferedImage place(BufferedImage card, double cardModulePx, double modulePx, double tiltDegrees) {
        double s = modulePx / cardModulePx;
        double w = card.getWidth() * s;
        double h = card.getHeight() * s;
        double t = Math.toRadians(tiltDegrees);
        double d = 2 * w;
        float[] q = new float[8];
        double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            double z = d + x * Math.sin(t);
            q[2 * i] = (float) (WIDTH / 2.0 + d * x * Math.cos(t) / z);
            q[2 * i + 1] = (float) (HEIGHT / 2.0 + d * y / z);
        }
        PerspectiveTransform toCard = PerspectiveTransform.quadrilateralToQuadrilateral(
                q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7],
                0, 0, card.getWidth(), 0, card.getWidth(), card.getHeight(), 0, card.getHeight());
        int[][] src = grey(card);
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        // each frame pixel integrates its area as a sensor does: 3x3 sub-samples through the
        // perspective, each the mean of the card pixels it covers
        float[] p = new float[2 * WIDTH * SUB * SUB];
        for (int y = 0; y < HEIGHT; y++) {
            int k = 0;
            for (int x = 0; x < WIDTH; x++) {
                for (int j = 0; j < SUB; j++) {
                    for (int i = 0; i < SUB; i++) {
                        p[k++] = x + (i + 0.5f) / SUB;
                        p[k++] = y + (j + 0.5f) / SUB;
                    }
                }
            }
            toCard.transformPoints(p);
            k = 0;
            for (int x = 0; x < WIDTH; x++) {
                int sum = 0;
                for (int n = 0; n < SUB * SUB; n++, k += 2) {
                    sum += areaSample(src, p[k], p[k + 1], 1 / (s * SUB));
                }
                set(out, x, y, Math.round(sum / (float) (SUB * SUB)));
            }
        }
        return out;
    }

    /** Mean of the card pixels a frame pixel covers (about {@code span} card pixels square), or the counter. */
    private static int areaSample(int[][] src, float cx, float cy, double span) {
        int h = src.length;
        int w = src[0].length;
        if (cx < 0 || cy < 0 || cx >= w || cy >= h) {
            return COUNTER;
        }
        int r = (int) Math.max(0, Math.floor(span / 2));
        int sum = 0;
        int n = 0;
        for (int y = (int) cy - r; y <= (int) cy + r; y++) {
            for (int x = (int) cx - r; x <= (int) cx + r; x++) {
                if (x >= 0 && y >= 0 && x < w && y < h) {
                    sum += src[y][x];
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** Gaussian blur with standard deviation {@code sigma} pixels (separable, edges clamped). */
    static BufferedImage blur(BufferedImage img, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        int[][] g = grey(img);
        int h = g.length;
        int w = g[0].length;
        double[][] tmp = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = 0;
                for (int i = -r; i <= r; i++) {
                    a += k[i + r] * g[y][Math.clamp(x + i, 0, w - 1)];
                }
                tmp[y][x] = a / sum;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = 0;
                for (int i = -r; i <= r; i++) {
                    a += k[i + r] * tmp[Math.clamp(y + i, 0, h - 1)][x];
                }
                set(out, x, y, (int) Math.round(a / sum));
            }
        }
        return out;
    }

    /**
     * A bright spot (specular glare) of the given radius: light added to every pixel, 180 levels
     * at its centre (black becomes light grey, white stays white), fading out with a Gaussian
     * profile.
     */
    static BufferedImage glare(BufferedImage img, double cx, double cy, double radius) {
        int[][] g = grey(img);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (radius * radius);
                double a = Math.exp(-d2 * 2);
                set(out, x, y, (int) Math.round(g[y][x] + a * 180));
            }
        }
        return out;
    }

    /** Low light: levels scaled to {@code gain} of their range plus Gaussian noise of {@code sigma} levels. */
    static BufferedImage lowLight(BufferedImage img, double gain, double sigma, Random random) {
        int[][] g = grey(img);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                set(out, x, y, (int) Math.round(8 + g[y][x] * gain + random.nextGaussian() * sigma));
            }
        }
        return out;
    }

    /** The image written as JPEG at the given quality (0 to 1) and read back. */
    static BufferedImage jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip in memory failed", e);
        }
    }

    /**
     * A crease through the card: a line at {@code degrees} through ({@code cx}, {@code cy});
     * the paper beyond it is shifted by {@code shift} pixels across the line and shaded darker
     * (it faces away from the light), and the fold itself is a dark line of {@code shift} pixels.
     */
    static BufferedImage crease(BufferedImage card, double cx, double cy, double degrees, double shift) {
        int[][] g = grey(card);
        double nx = -Math.sin(Math.toRadians(degrees));
        double ny = Math.cos(Math.toRadians(degrees));
        BufferedImage out = new BufferedImage(card.getWidth(), card.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                double side = (x - cx) * nx + (y - cy) * ny;
                int v;
                if (Math.abs(side) < shift / 2) {
                    v = 60;
                } else if (side > 0) {
                    int sx = (int) Math.round(x - nx * shift);
                    int sy = (int) Math.round(y - ny * shift);
                    v = sx >= 0 && sy >= 0 && sx < g[0].length && sy < g.length ? (int) (g[sy][sx] * 0.8) : 200;
                } else {
                    v = g[y][x];
                }
                set(out, x, y, v);
            }
        }
        return out;
    }

    private static int[][] grey(BufferedImage img) {
        int[][] g = new int[img.getHeight()][img.getWidth()];
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, img.getWidth(), 1, row, 0, img.getWidth());
            for (int x = 0; x < row.length; x++) {
                int c = row[x];
                g[y][x] = (((c >> 16) & 0xff) * 306 + ((c >> 8) & 0xff) * 601 + (c & 0xff) * 117) >> 10;
            }
        }
        return g;
    }

    private static void set(BufferedImage img, int x, int y, int v) {
        int c = Math.clamp(v, 0, 255);
        img.setRGB(x, y, (c << 16) | (c << 8) | c);
    }
}

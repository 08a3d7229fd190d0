package org.warmstation.devices.scan;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Turns images into {@link LuminanceFrame}s, for image files (the bench, a folder replayed as a
 * camera) and frames pushed by the demo. Stateless and thread-safe.
 */
public final class ImageFrames {
    private ImageFrames() {
    }

    /**
     * Converts an image to its luminance plane exactly as ZXing's
     * {@code BufferedImageLuminanceSource} does (Rec. 601 weights; fully transparent pixels are
     * white).
     *
     * @param image any image
     * @return a new frame of the image's size, captured now
     * @throws NullPointerException when {@code image} is null
     */
    public static LuminanceFrame toFrame(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        return new LuminanceFrame(source.getWidth(), source.getHeight(), source.getMatrix(), Instant.now());
    }

    /**
     * Reads an image file (PNG, JPEG, GIF, BMP, and WebP through TwelveMonkeys).
     *
     * @param file the image file
     * @return the image
     * @throws IOException when the file cannot be read or is no image format ImageIO knows
     */
    public static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file);
        }
        return image;
    }

    /**
     * Turns an image clockwise by quarter turns, pixel for pixel (no interpolation).
     *
     * @param image        any image
     * @param quarterTurns 0 to 3
     * @return a new ARGB image (the same pixels as {@code image} when 0)
     * @throws IllegalArgumentException when {@code quarterTurns} is not 0 to 3
     */
    public static BufferedImage turnClockwise(BufferedImage image, int quarterTurns) {
        if (quarterTurns < 0 || quarterTurns > 3) {
            throw new IllegalArgumentException("quarter turns must be 0 to 3: " + quarterTurns);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = quarterTurns % 2 == 1;
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                switch (quarterTurns) {
                    case 0 -> out.setRGB(x, y, row[x]);
                    case 1 -> out.setRGB(h - 1 - y, x, row[x]);
                    case 2 -> out.setRGB(w - 1 - x, h - 1 - y, row[x]);
                    default -> out.setRGB(y, w - 1 - x, row[x]);
                }
            }
        }
        return out;
    }
}

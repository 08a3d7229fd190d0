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
}

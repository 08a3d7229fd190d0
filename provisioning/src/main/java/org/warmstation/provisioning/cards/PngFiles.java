package org.warmstation.provisioning.cards;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.warmstation.provisioning.files.SafeFiles;

/** Writes PNG files that carry their print resolution (pHYs chunk), so they print at true size. */
public final class PngFiles {
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngFiles() {
    }

    /**
     * Writes an image as PNG, atomically. Blocks.
     *
     * @param image the image
     * @param file  the target, replaced if it exists
     * @param dpi   print resolution in dots per inch
     * @throws IOException when the file cannot be written
     */
    public static void write(BufferedImage image, Path file, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            root.appendChild(phys);
            meta.mergeTree(FORMAT, root);
            SafeFiles.replace(file, out -> {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(image, null, meta), param);
                }
            });
        } finally {
            writer.dispose();
        }
    }
}

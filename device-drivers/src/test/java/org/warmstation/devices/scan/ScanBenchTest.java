package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanBenchTest {
    @TempDir
    Path tree;

    @Test
    void countsDecodedMisreadAndUnreadableImagesPerFolderAndEndsWithTheSummaryLine() throws IOException {
        Path a = Files.createDirectories(tree.resolve("a"));
        Path b = Files.createDirectories(tree.resolve("b"));
        String token = TestCards.token(1);
        ImageIO.write(TestCards.scene(TestCards.card(token), 10), "png", a.resolve("1.png").toFile());
        Files.writeString(a.resolve("1.txt"), token);
        // ground truth that does not match what the image holds: a misread
        ImageIO.write(TestCards.qr("暖心驿站 https://example.org/?a=1", ErrorCorrectionLevel.M, 4), "jpg", b.resolve("2.jpg").toFile());
        Files.writeString(b.resolve("2.txt"), "something else");
        // an image without ground truth is not counted; a corrupt one with ground truth is, as a failure
        ImageIO.write(TestCards.qr("no truth", ErrorCorrectionLevel.M, 4), "png", b.resolve("3.png").toFile());
        Files.writeString(b.resolve("4.gif"), "not a gif");
        Files.writeString(b.resolve("4.txt"), "x");

        StringWriter text = new StringWriter();
        ScanBench.Result result = new ScanBench(new QrDecoder()).run(tree, new PrintWriter(text));

        assertEquals(new ScanBench.Counts(1, 1, 0, 1), result.perFolder().get("a"));
        assertEquals(new ScanBench.Counts(2, 0, 1, 0), result.perFolder().get("b"));
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("a "), lines.get(0));
        assertTrue(lines.get(2).matches("decoded 1/3 misread 1 mean \\d+\\.\\d ms p95 \\d+\\.\\d ms"), lines.get(2));
    }

    @Test
    void rotatedRunEndsWithOneLinePerAngleAfterPlainZxingAndTheTimeRatio() throws IOException {
        Path a = Files.createDirectories(tree.resolve("a"));
        String token = TestCards.token(2);
        ImageIO.write(TestCards.scene(TestCards.card(token), 10), "png", a.resolve("1.png").toFile());
        Files.writeString(a.resolve("1.txt"), token);

        StringWriter text = new StringWriter();
        List<ScanBench.Result> results = new ScanBench(new QrDecoder()).runRotated(tree, new PrintWriter(text));

        assertEquals(4, results.size());
        results.forEach(r -> assertEquals(new ScanBench.Counts(1, 1, 0, 1), r.perFolder().get("a")));
        List<String> lines = text.toString().lines().toList();
        assertEquals(4 + 4 + 1 + 4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("rotation 0 a "), lines.get(0));
        assertTrue(lines.get(3).startsWith("rotation 270 a "), lines.get(3));
        assertTrue(lines.get(4).matches("rotation 0 plain ZXing decoded 1/1 mean \\d+\\.\\d ms p95 \\d+\\.\\d ms"), lines.get(4));
        assertTrue(lines.get(8).startsWith("time ratio "), lines.get(8));
        for (int i = 0; i < 4; i++) {
            assertTrue(lines.get(9 + i).matches("rotation " + ScanBench.ANGLES.get(i)
                    + " decoded 1/1 misread 0 mean \\d+\\.\\d ms p95 \\d+\\.\\d ms"), lines.get(9 + i));
        }
    }

    @Test
    void turningAnImageFourTimesGivesItBack() {
        BufferedImage img = TestCards.qr("turn", ErrorCorrectionLevel.L, 3);
        BufferedImage turned = img;
        for (int i = 0; i < 4; i++) {
            turned = ImageFrames.turnClockwise(turned, 1);
        }
        assertArrayEquals(ImageFrames.toFrame(img).luma(), ImageFrames.toFrame(turned).luma());
        BufferedImage quarter = ImageFrames.turnClockwise(img, 1);
        assertEquals(img.getRGB(0, img.getHeight() - 1), quarter.getRGB(0, 0));
    }

    @Test
    void webpPhotosHaveAnImageReader() {
        assertTrue(ImageIO.getImageReadersBySuffix("webp").hasNext(), "TwelveMonkeys imageio-webp must be on the class path");
    }
}

package org.warmstation.devices.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures {@link QrDecoder} on a tree of photos with ground truth: every image (png, jpg,
 * jpeg, gif, webp) that has a {@code .txt} beside it with the same base name, holding the exact
 * expected text (UTF-8, compared byte for byte).
 *
 * <p>Prints one line per folder, the project decoder beside plain ZXing ({@code QRCodeReader}
 * with {@code HybridBinarizer}, no hints) on the same luminance plane, and last:
 * {@code decoded D/T misread M mean X ms p95 Y ms}, where the times cover the conversion of the
 * loaded image to a luminance plane plus the decode (not reading the file), measured with
 * {@link System#nanoTime()}. Runs on the calling thread; not thread-safe itself.
 */
public final class ScanBench {
    private static final Logger LOG = LoggerFactory.getLogger(ScanBench.class);
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp");

    private final QrDecoder decoder;

    /**
     * @param decoder the decoder under test
     */
    public ScanBench(QrDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Counts of one folder or of the whole tree.
     *
     * @param images  images with ground truth
     * @param decoded read by the project decoder with exactly the expected text
     * @param misread read by the project decoder with another text
     * @param plain   read by plain ZXing with exactly the expected text
     */
    public record Counts(int images, int decoded, int misread, int plain) {
        Counts plus(Counts o) {
            return new Counts(images + o.images, decoded + o.decoded, misread + o.misread, plain + o.plain);
        }
    }

    /**
     * What a run measured.
     *
     * @param perFolder counts per folder, by path relative to the root ("." for the root itself)
     * @param total     counts over all folders
     * @param meanMillis mean conversion+decode time per image, milliseconds
     * @param p95Millis  95th percentile of that time (nearest rank), milliseconds
     */
    public record Result(Map<String, Counts> perFolder, Counts total, double meanMillis, double p95Millis) {
        /** @return the summary line, {@code decoded D/T misread M mean X ms p95 Y ms} */
        public String summary() {
            return String.format(Locale.ROOT, "decoded %d/%d misread %d mean %.1f ms p95 %.1f ms",
                    total.decoded(), total.images(), total.misread(), meanMillis, p95Millis);
        }
    }

    /**
     * Walks {@code root}, decodes every image with ground truth and prints the report.
     *
     * @param root the folder tree
     * @param out  where the per-folder lines and the summary line go
     * @return the figures
     * @throws IOException when the tree cannot be walked (an unreadable single image is counted
     *                     as not decoded and logged instead)
     */
    public Result run(Path root, PrintWriter out) throws IOException {
        List<Path> images;
        try (Stream<Path> walk = Files.walk(root)) {
            images = walk.filter(Files::isRegularFile).filter(ScanBench::isImage)
                    .filter(p -> Files.isRegularFile(truthOf(p))).sorted().toList();
        }
        Map<String, Counts> perFolder = new TreeMap<>();
        List<Long> nanos = new ArrayList<>();
        for (Path image : images) {
            Path dir = root.relativize(image.getParent());
            String folder = dir.toString().isEmpty() ? "." : dir.toString();
            perFolder.merge(folder, measure(image, nanos), Counts::plus);
        }
        Counts total = new Counts(0, 0, 0, 0);
        for (var e : perFolder.entrySet()) {
            Counts c = e.getValue();
            total = total.plus(c);
            out.printf(Locale.ROOT, "%-20s images %3d  project %3d (misread %d)  plain ZXing %3d%n",
                    e.getKey(), c.images(), c.decoded(), c.misread(), c.plain());
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6;
        double p95 = sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6;
        Result result = new Result(perFolder, total, mean, p95);
        out.println(result.summary());
        out.flush();
        return result;
    }

    private Counts measure(Path image, List<Long> nanos) {
        byte[] expected;
        java.awt.image.BufferedImage img;
        try {
            expected = Files.readAllBytes(truthOf(image));
            img = ImageFrames.read(image);
        } catch (IOException e) {
            LOG.warn("skipping unreadable {}: {}", image, e.getMessage());
            return new Counts(1, 0, 0, 0);
        }
        long t0 = System.nanoTime();
        LuminanceFrame frame = ImageFrames.toFrame(img);
        Optional<String> text = decoder.decode(frame);
        nanos.add(System.nanoTime() - t0);
        boolean ok = text.isPresent() && sameBytes(text.get(), expected);
        boolean misread = text.isPresent() && !ok;
        if (misread) {
            LOG.warn("misread {}", image);
        }
        String plain = plainZxing(frame);
        return new Counts(1, ok ? 1 : 0, misread ? 1 : 0, plain != null && sameBytes(plain, expected) ? 1 : 0);
    }

    private static boolean sameBytes(String text, byte[] expected) {
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), expected);
    }

    /**
     * Plain ZXing on a frame, the reference: {@code QRCodeReader} with {@code HybridBinarizer}
     * and no hints.
     *
     * @param frame the luminance plane
     * @return the text, or null when plain ZXing reads nothing
     */
    public static String plainZxing(LuminanceFrame frame) {
        var source = new PlanarYUVLuminanceSource(frame.luma(), frame.width(), frame.height(), 0, 0,
                frame.width(), frame.height(), false);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        } catch (ReaderException e) {
            return null;
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Path truthOf(Path image) {
        String name = image.getFileName().toString();
        return image.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt");
    }
}

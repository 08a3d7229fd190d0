package org.warmstation.devices.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
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
 * {@link System#nanoTime()}. Plain ZXing is timed the same way (its own conversion plus its
 * decode) in the same run. Before timing, both decoders make one untimed pass over the upright
 * photos (the JIT compiles ZXing and BoofCV as it would on a kiosk after its first frames). With
 * quarter turns ({@link #runRotated}) every photo is also turned by 90, 180 and 270 degrees
 * before it is timed. Runs on the calling thread; not thread-safe itself.
 */
public final class ScanBench {
    /** The angles {@link #runRotated} turns every photo by, clockwise, in degrees. */
    public static final List<Integer> ANGLES = List.of(0, 90, 180, 270);

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
     * What a run (or one angle of a rotated run) measured.
     *
     * @param perFolder       counts per folder, by path relative to the root ("." for the root itself)
     * @param total           counts over all folders
     * @param meanMillis      mean conversion+decode time per image of the project decoder, milliseconds
     * @param p95Millis       95th percentile of that time (nearest rank), milliseconds
     * @param plainMeanMillis mean conversion+decode time per image of plain ZXing, milliseconds
     * @param plainP95Millis  95th percentile of plain ZXing's time, milliseconds
     */
    public record Result(Map<String, Counts> perFolder, Counts total, double meanMillis, double p95Millis,
                         double plainMeanMillis, double plainP95Millis) {
        /** @return the summary line, {@code decoded D/T misread M mean X ms p95 Y ms} */
        public String summary() {
            return String.format(Locale.ROOT, "decoded %d/%d misread %d mean %.1f ms p95 %.1f ms",
                    total.decoded(), total.images(), total.misread(), meanMillis, p95Millis);
        }

        /** @return plain ZXing's line, {@code plain ZXing decoded D/T mean X ms p95 Y ms} */
        public String plainSummary() {
            return String.format(Locale.ROOT, "plain ZXing decoded %d/%d mean %.1f ms p95 %.1f ms",
                    total.plain(), total.images(), plainMeanMillis, plainP95Millis);
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
        Result result = measure(root, 1).getFirst();
        printFolders(result, "", out);
        out.println(result.summary());
        out.flush();
        return result;
    }

    /**
     * As {@link #run}, with every photo also turned by 90, 180 and 270 degrees: prints the
     * per-folder lines of each angle (the angle in front), plain ZXing's line per angle, the
     * time ratio (project mean over plain ZXing's mean, all angles together), and last one line
     * per angle: {@code rotation A decoded D/T misread M mean X ms p95 Y ms}.
     *
     * @param root the folder tree
     * @param out  where the report goes
     * @return the figures per angle, in the order of {@link #ANGLES}
     * @throws IOException when the tree cannot be walked
     */
    public List<Result> runRotated(Path root, PrintWriter out) throws IOException {
        List<Result> results = measure(root, ANGLES.size());
        double ours = 0;
        double plain = 0;
        for (int i = 0; i < results.size(); i++) {
            printFolders(results.get(i), "rotation " + ANGLES.get(i) + " ", out);
        }
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            out.println("rotation " + ANGLES.get(i) + " " + r.plainSummary());
            ours += r.meanMillis();
            plain += r.plainMeanMillis();
        }
        out.printf(Locale.ROOT, "time ratio %.2f (mean per image, this decoder / plain ZXing, same run)%n",
                plain == 0 ? 0 : ours / plain);
        for (int i = 0; i < results.size(); i++) {
            out.println("rotation " + ANGLES.get(i) + " " + results.get(i).summary());
        }
        out.flush();
        return results;
    }

    private static void printFolders(Result result, String prefix, PrintWriter out) {
        for (var e : result.perFolder().entrySet()) {
            Counts c = e.getValue();
            out.printf(Locale.ROOT, "%s%-20s images %3d  project %3d (misread %d)  plain ZXing %3d%n",
                    prefix, e.getKey(), c.images(), c.decoded(), c.misread(), c.plain());
        }
    }

    /** Per angle: counts per folder and the times of both decoders. */
    private static final class Tally {
        final Map<String, Counts> perFolder = new TreeMap<>();
        final List<Long> nanos = new ArrayList<>();
        final List<Long> plainNanos = new ArrayList<>();

        Result result() {
            Counts total = perFolder.values().stream().reduce(new Counts(0, 0, 0, 0), Counts::plus);
            return new Result(perFolder, total, mean(nanos), p95(nanos), mean(plainNanos), p95(plainNanos));
        }
    }

    private List<Result> measure(Path root, int angles) throws IOException {
        List<Path> images;
        try (Stream<Path> walk = Files.walk(root)) {
            images = walk.filter(Files::isRegularFile).filter(ScanBench::isImage)
                    .filter(p -> Files.isRegularFile(truthOf(p))).sorted().toList();
        }
        warmUp(images);
        List<Tally> tallies = Stream.generate(Tally::new).limit(angles).toList();
        for (int n = 0; n < images.size(); n++) {
            Path image = images.get(n);
            boolean plainFirst = n % 2 == 1;
            Path dir = root.relativize(image.getParent());
            String folder = dir.toString().isEmpty() ? "." : dir.toString();
            byte[] expected;
            BufferedImage img;
            try {
                expected = Files.readAllBytes(truthOf(image));
                img = ImageFrames.read(image);
            } catch (IOException e) {
                LOG.warn("skipping unreadable {}: {}", image, e.getMessage());
                tallies.forEach(t -> t.perFolder.merge(folder, new Counts(1, 0, 0, 0), Counts::plus));
                continue;
            }
            for (int a = 0; a < angles; a++) {
                BufferedImage turned = a == 0 ? img : ImageFrames.turnClockwise(img, a);
                Tally t = tallies.get(a);
                t.perFolder.merge(folder, measure(image, turned, expected, t, plainFirst), Counts::plus);
            }
        }
        return tallies.stream().map(Tally::result).toList();
    }

    private void warmUp(List<Path> images) {
        for (Path image : images) {
            try {
                LuminanceFrame frame = ImageFrames.toFrame(ImageFrames.read(image));
                decoder.decode(frame);
                plainZxing(frame);
            } catch (IOException e) {
                // counted (as unreadable) by the timed pass
            }
        }
    }

    /** Times both decoders on one image; which goes first alternates, so neither always finds the pixels in cache. */
    private Counts measure(Path image, BufferedImage img, byte[] expected, Tally tally, boolean plainFirst) {
        String plain = plainFirst ? timedPlain(img, tally) : null;
        long t0 = System.nanoTime();
        LuminanceFrame frame = ImageFrames.toFrame(img);
        Optional<String> text = decoder.decode(frame);
        tally.nanos.add(System.nanoTime() - t0);
        boolean ok = text.isPresent() && sameBytes(text.get(), expected);
        boolean misread = text.isPresent() && !ok;
        if (misread) {
            LOG.warn("misread {}", image);
        }
        if (!plainFirst) {
            plain = timedPlain(img, tally);
        }
        return new Counts(1, ok ? 1 : 0, misread ? 1 : 0, plain != null && sameBytes(plain, expected) ? 1 : 0);
    }

    private static String timedPlain(BufferedImage img, Tally tally) {
        long p0 = System.nanoTime();
        String plain = plainZxing(ImageFrames.toFrame(img));
        tally.plainNanos.add(System.nanoTime() - p0);
        return plain;
    }

    private static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    private static double p95(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6;
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

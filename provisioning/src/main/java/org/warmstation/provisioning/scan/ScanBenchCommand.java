package org.warmstation.provisioning.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.devices.scan.ScanBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code station scan-bench DIR [--rotate]} measures the QR decoder on photos with ground truth
 * (see {@link ScanBench}); {@code station scan-bench --synthetic [--cards N]} on this project's
 * own member cards under camera damage (see {@link SyntheticStress}). Exit code 0 after a run,
 * 2 when DIR is missing or cannot be read, or neither DIR nor --synthetic is given.
 */
@Command(name = "scan-bench", mixinStandardHelpOptions = true,
        description = {"Measure the QR decoder on photos with ground truth (N.png beside N.txt), against plain ZXing.",
                "Prints one line per folder, last: decoded D/T misread M mean X ms p95 Y ms.",
                "--synthetic: member cards rendered here under blur, perspective, glare, low light, JPEG, a crease, "
                        + "small modules; one line per condition beside plain ZXing."})
public final class ScanBenchCommand implements Callable<Integer> {
    /** Exit code for a missing or unreadable photo folder. */
    public static final int EXIT_BAD_DIR = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "folder tree of images (png, jpg, jpeg, gif, webp), each with a .txt beside it")
    Path dir;

    @Option(names = "--rotate", description = "also turn every photo by 90, 180 and 270 degrees; ends with one line per angle "
            + "(rotation A decoded D/T misread M mean X ms p95 Y ms), after plain ZXing's lines and the time ratio")
    boolean rotate;

    @Option(names = "--synthetic", description = "measure the synthetic stress set of member cards instead of (or after) DIR")
    boolean synthetic;

    @Option(names = "--cards", paramLabel = "N", defaultValue = "20",
            description = "cards per condition of the synthetic set (default ${DEFAULT-VALUE})")
    int cards;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (dir == null && !synthetic) {
            err.println("scan-bench: give a photo folder DIR, or --synthetic");
            return EXIT_BAD_DIR;
        }
        if (synthetic && cards < 1) {
            err.println("scan-bench: --cards must be at least 1");
            return EXIT_BAD_DIR;
        }
        QrDecoder decoder = new QrDecoder();
        if (dir != null) {
            if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
                err.println("scan-bench: " + dir + " is not a readable folder");
                return EXIT_BAD_DIR;
            }
            try {
                ScanBench bench = new ScanBench(decoder);
                if (rotate) {
                    bench.runRotated(dir, out);
                } else {
                    bench.run(dir, out);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("scan-bench: cannot read " + dir + ": " + e.getMessage());
                return EXIT_BAD_DIR;
            }
        }
        if (synthetic) {
            new SyntheticStress(decoder).run(cards, out);
        }
        return 0;
    }
}

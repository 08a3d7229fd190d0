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
 * {@code station scan-bench DIR}: measures the QR decoder on photos with ground truth (see
 * {@link ScanBench}). Exit code 0 after a run, 2 when DIR is missing or cannot be read.
 */
@Command(name = "scan-bench", mixinStandardHelpOptions = true,
        description = {"Measure the QR decoder on photos with ground truth (N.png beside N.txt), against plain ZXing.",
                "Prints one line per folder, last: decoded D/T misread M mean X ms p95 Y ms."})
public final class ScanBenchCommand implements Callable<Integer> {
    /** Exit code for a missing or unreadable photo folder. */
    public static final int EXIT_BAD_DIR = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder tree of images (png, jpg, jpeg, gif, webp), each with a .txt beside it")
    Path dir;

    @Option(names = "--rotate", description = "also turn every photo by 90, 180 and 270 degrees; ends with one line per angle "
            + "(rotation A decoded D/T misread M mean X ms p95 Y ms), after plain ZXing's lines and the time ratio")
    boolean rotate;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            err.println("scan-bench: " + dir + " is not a readable folder");
            return EXIT_BAD_DIR;
        }
        try {
            ScanBench bench = new ScanBench(new QrDecoder());
            if (rotate) {
                bench.runRotated(dir, spec.commandLine().getOut());
            } else {
                bench.run(dir, spec.commandLine().getOut());
            }
            return 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("scan-bench: cannot read " + dir + ": " + e.getMessage());
            return EXIT_BAD_DIR;
        }
    }
}

package org.warmstation.provisioning.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.provisioning.CliRun;

class ScanBenchCommandTest {
    @TempDir
    Path dir;

    private CliRun run;

    private int station(String... args) {
        run = CliRun.run(args);
        return run.exitCode();
    }

    @Test
    void benchesAFolderTreeAndEndsWithTheSummaryLine() throws IOException, WriterException {
        Path folder = Files.createDirectories(dir.resolve("set-1"));
        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode("WSM:HELLO", BarcodeFormat.QR_CODE, 200, 200), "png",
                folder.resolve("1.png"));
        Files.writeString(folder.resolve("1.txt"), "WSM:HELLO");

        assertEquals(0, station("scan-bench", dir.toString()), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("set-1 "), lines.get(0));
        assertTrue(lines.get(1).matches("decoded 1/1 misread 0 mean \\d+\\.\\d ms p95 \\d+\\.\\d ms"), lines.get(1));
    }

    @Test
    void rotateEndsWithOneLinePerAngle() throws IOException, WriterException {
        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode("WSM:TURN", BarcodeFormat.QR_CODE, 200, 200), "png",
                dir.resolve("1.png"));
        Files.writeString(dir.resolve("1.txt"), "WSM:TURN");

        assertEquals(0, station("scan-bench", dir.toString(), "--rotate"), run.err());
        List<String> lines = run.out().lines().toList();
        List<String> last = lines.subList(lines.size() - 4, lines.size());
        for (int i = 0; i < 4; i++) {
            assertTrue(last.get(i).matches("rotation " + (90 * i) + " decoded 1/1 misread 0 mean \\d+\\.\\d ms p95 \\d+\\.\\d ms"),
                    last.get(i));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("time ratio ")), run.out());
    }

    @Test
    void missingFolderExitsWithCode2AndSaysWhy() {
        Path missing = dir.resolve("no-such-photos");
        assertEquals(2, station("scan-bench", missing.toString()));
        assertTrue(run.err().contains(missing + " is not a readable folder"), run.err());
        assertEquals("", run.out());
    }
}

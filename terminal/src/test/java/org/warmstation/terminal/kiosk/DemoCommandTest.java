package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station demo} and {@code station kiosk} in a real child JVM without a display. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, List<String> err) { }

    private Run station(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.warmstation.terminal.StationCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "station did not end");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void demoWithoutADisplayFailsWithOneClearLine() throws Exception {
        Run r = station("demo", "--data-dir", dir.resolve("demo").toString());
        assertEquals(3, r.code());
        assertEquals(1, r.err().size(), String.join("\n", r.err()));
        assertTrue(r.err().getFirst().startsWith("kiosk: no display found"), r.err().getFirst());
        assertFalse(Files.exists(dir.resolve("demo")), "nothing is prepared without a display");
    }

    @Test
    void kioskWithoutConfigOptionIsAUsageError() throws Exception {
        Run r = station("kiosk");
        assertEquals(2, r.code());
        assertTrue(String.join("\n", r.err()).contains("--config"), String.join("\n", r.err()));
    }
}

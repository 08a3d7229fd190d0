package org.warmstation.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz test of the station configuration (issue 13 item 7, decision 0160): any file content loads
 * into a {@link StationConfig} or fails with {@link ConfigException}, never another exception.
 * The file is written under {@code target/}, so the run leaves the work tree clean.
 */
class StationConfigFuzzTest {
    static {
        // the reader warns of each unknown key: thousands of log lines a second would slow the fuzzer
        // tenfold (set before the reader's logger is made)
        System.setProperty("org.slf4j.simpleLogger.log.org.warmstation.kiosk.config", "error");
    }

    private static final Path FILE = file();

    private static Path file() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-station-config")).toAbsolutePath();
            return dir.resolve("station.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "4s")
    void propertiesText(byte[] content) throws IOException {
        Files.write(FILE, content);
        try {
            assertNotNull(StationConfig.load(FILE));
        } catch (ConfigException refused) {
            assertNotNull(refused.getMessage()); // the documented failure, with a message for the log
        }
    }
}

package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./station} launcher as a user meets it: run from another directory, a relative path
 * means that directory, not the repository. Uses the launcher jar the reactor has just built
 * ({@code STATION_NO_BUILD}: the test must not start a second Maven build).
 */
class LauncherTest {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    private Shell.Result station(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "STATION_NO_BUILD=1", "bash",
                REPO.resolve("station").toString()));
        command.addAll(List.of(args));
        return Shell.run(work, TIMEOUT, command).orFail();
    }

    @Test
    void cardIssueWithRelativeOutWritesIntoTheCallersDirectory() throws Exception {
        station("district", "init", "--district", "110105", "--dir", "keys");
        station("card", "issue", "--key", "keys/district-110105.key", "--category", "快递员",
                "--valid-from", "2026-01-01", "--valid-until", "2026-12-31", "--union", "北京市朝阳区总工会",
                "--out", "cards");

        assertTrue(Files.isRegularFile(work.resolve("keys/district-110105.key")), "key in the caller's keys/");
        try (Stream<Path> cards = Files.list(work.resolve("cards"))) {
            assertTrue(cards.anyMatch(p -> p.toString().endsWith(".png")), "a card PNG in the caller's cards/");
        }
        assertFalse(Files.exists(REPO.resolve("cards")), "nothing written into the repository's cards/");
        assertFalse(Files.exists(REPO.resolve("keys")), "nothing written into the repository's keys/");
    }

    @Test
    void cardVerifyReadsARelativeImagePathFromTheCallersDirectory() throws Exception {
        station("district", "init", "--district", "110105", "--dir", "keys");
        station("card", "issue", "--key", "keys/district-110105.key", "--category", "环卫工人",
                "--valid-from", "2026-01-01", "--valid-until", "2099-12-31", "--union", "北京市朝阳区总工会",
                "--out", "cards");
        Path png;
        try (Stream<Path> cards = Files.list(work.resolve("cards"))) {
            png = cards.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        Shell.Result verdict = station("card", "verify", "cards/" + png.getFileName(), "--trust", "keys/trust-list.txt");
        assertEquals(0, verdict.exit(), verdict.output());
    }
}

package org.warmstation.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.testing.ChildJvm;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * A really full file system (ENOSPC, not only SQLite's page limit): the child's data directory is
 * a 2 MiB tmpfs in a private mount namespace. Skipped where {@code unshare -m} and {@code mount}
 * are not permitted; {@code SqliteVisitStoreTest} covers the same path with PRAGMA max_page_count.
 */
class FullDiskTest {
    @TempDir
    Path work;

    @Test
    void fullFileSystemGivesFailedKeepsEveryVisitAndRecoversWhenSpaceIsFreed() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Path nativeDir = Files.createDirectories(work.resolve("native"));
        Assumptions.assumeTrue(tmpfsMountPossible(data), "unshare -m / mount not permitted here");

        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "mount -t tmpfs -o size=2m tmpfs \"$0\" && exec \"$@\"", data.toString()));
        cmd.addAll(ChildJvm.command(List.of("-D" + VisitLogDatabase.TMPDIR_PROPERTY + "=" + nativeDir),
                FullDiskProbe.class, data.toString()));
        Path out = work.resolve("probe.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "probe hung");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        Map<String, String> facts = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("[") && !line.startsWith("WARNING")) {
                facts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        int welcomed = Integer.parseInt(facts.get("welcomed"));
        assertTrue(welcomed > 10, text);
        assertTrue(facts.get("last").startsWith("Failed: visit log full"), text);
        assertEquals("true", facts.get("storedEqualsWelcomed"), text);
        assertEquals("Welcome seq=" + (welcomed + 1), facts.get("afterFreeing"), text);
        assertEquals("ok", facts.get("integrity"), text);
        assertEquals(String.valueOf(welcomed + 1), facts.get("visits"), text);
        assertEquals(String.valueOf(welcomed + 1), facts.get("maxSeq"), text);
        assertEquals(String.valueOf(welcomed + 1), facts.get("outboxRows"), text);
    }

    private static boolean tmpfsMountPossible(Path dir) {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\"",
                    dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.testing.ChildJvm;
import org.warmstation.visitlog.testing.VisitLogFile;

/**
 * The visit log works where {@code /tmp} (java.io.tmpdir) cannot hold executable code. Preferably
 * the child JVM runs in its own mount namespace ({@code unshare -m}) with a {@code noexec} tmpfs
 * mounted as its java.io.tmpdir, exactly the hardened-system case; where that is not permitted
 * (no root, no user namespaces) java.io.tmpdir is a path that cannot be created at all. Either way
 * a control child that opens SQLite the ordinary way must fail, proving the environment bites.
 */
class NoexecTmpTest {
    @TempDir
    Path work;

    /** How the child's java.io.tmpdir is made unusable. */
    enum Mode { NOEXEC_TMPFS, UNCREATABLE_DIR }

    @Test
    void visitLogRecordsWhenJavaTmpdirCannotLoadNativeCode() throws Exception {
        Path tmp = work.resolve("tmp");
        Files.createDirectories(tmp);
        Mode mode = noexecMountPossible(tmp) ? Mode.NOEXEC_TMPFS : Mode.UNCREATABLE_DIR;
        if (mode == Mode.UNCREATABLE_DIR) {
            Path file = Files.writeString(work.resolve("a-file"), "not a directory");
            tmp = file.resolve("tmp");
        }
        System.out.println("NoexecTmpTest mode: " + mode);

        Result control = run(mode, tmp, "plain");
        assertNotEquals(0, control.status, "SQLite loaded from an unusable java.io.tmpdir; the test proves nothing\n"
                + control.output);

        Path data = work.resolve("data");
        Result store = run(mode, tmp, "store", data.toString());
        assertEquals(0, store.status, store.output);
        assertTrue(store.output.contains("OK store seq=1"), store.output);
        assertTrue(store.output.contains("native=" + data.resolve(VisitLogDatabase.NATIVE_FOLDER).toAbsolutePath()),
                store.output);
        try (VisitLogFile f = new VisitLogFile(data)) {
            assertEquals(1, f.number("SELECT count(*) FROM visit"));
        }
    }

    record Result(int status, String output) {
    }

    private Result run(Mode mode, Path tmp, String... args) throws IOException, InterruptedException {
        List<String> java = ChildJvm.command(List.of("-Djava.io.tmpdir=" + tmp), NativeLoadProbe.class, args);
        List<String> cmd = new ArrayList<>();
        if (mode == Mode.NOEXEC_TMPFS) {
            // sh -c SCRIPT $0 $1...: $0 is the mount point, the rest the java command line
            cmd.addAll(List.of("unshare", "-m", "sh", "-c",
                    "mount -t tmpfs -o noexec,nosuid,size=64m tmpfs \"$0\" && exec \"$@\"", tmp.toString()));
        }
        cmd.addAll(java);
        Path out = work.resolve("probe-" + args[0] + ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe hung");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** Whether this sandbox lets us mount a noexec tmpfs in a private mount namespace. */
    private static boolean noexecMountPossible(Path dir) {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "sh", "-c",
                    "mount -t tmpfs -o noexec tmpfs \"$0\" && grep -q \" $0 tmpfs .*noexec\" /proc/mounts", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

package org.warmstation.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Whether this (x86-64) machine runs arm64 programs: {@code qemu-user-static} registered with the
 * kernel's binfmt_misc with the F flag (the interpreter opened at registration, so it works inside
 * a chroot). Mounts binfmt_misc and enables the registration of package {@code binfmt-support}
 * when they are missing and this process may (root).
 */
final class ForeignArch {
    private static final Path BINFMT = Path.of("/proc/sys/fs/binfmt_misc");
    private static final Path AARCH64 = BINFMT.resolve("qemu-aarch64");

    private ForeignArch() {
    }

    /**
     * @return null when arm64 programs run here (also in a chroot), else why not
     * @throws IOException when a command cannot be started
     */
    static String arm64Runs() throws IOException, InterruptedException {
        if (registered()) {
            return null;
        }
        if (!Files.exists(BINFMT.resolve("status"))) {
            Shell.Result mount = Shell.run(null, Duration.ofSeconds(30),
                    List.of("mount", "-t", "binfmt_misc", "binfmt_misc", BINFMT.toString()));
            if (mount.exit() != 0) {
                return "binfmt_misc cannot be mounted here (" + mount.output().strip() + ")";
            }
        }
        Shell.Result enable = Shell.run(null, Duration.ofSeconds(30),
                List.of("sh", "-c", "command -v update-binfmts >/dev/null && update-binfmts --enable qemu-aarch64"));
        if (registered()) {
            return null;
        }
        return "qemu-aarch64 is not registered with binfmt_misc (apt-get install qemu-user-static binfmt-support): "
                + enable.output().strip();
    }

    private static boolean registered() throws IOException {
        if (!Files.isRegularFile(AARCH64)) {
            return false;
        }
        List<String> lines = Files.readAllLines(AARCH64);
        return lines.contains("enabled") && lines.stream().anyMatch(l -> l.startsWith("flags:") && l.contains("F"));
    }
}

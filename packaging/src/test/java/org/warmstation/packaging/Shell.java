package org.warmstation.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real commands for the package tests; output (stdout and stderr merged) is kept. */
final class Shell {
    private Shell() {
    }

    /** What a command did. */
    record Result(List<String> command, int exit, String output) {
        Result orFail() {
            if (exit != 0) {
                throw new AssertionError("command failed (exit " + exit + "): " + String.join(" ", command)
                        + "\n" + tail(output));
            }
            return this;
        }
    }

    static Result run(Path directory, Duration timeout, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        builder.environment().put("LC_ALL", "C.UTF-8");
        Path log = java.nio.file.Files.createTempFile("shell", ".log");
        try {
            builder.redirectOutput(log.toFile());
            Process p = builder.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("command did not finish within " + timeout + ": " + String.join(" ", command)
                        + "\n" + tail(java.nio.file.Files.readString(log, StandardCharsets.UTF_8)));
            }
            return new Result(command, p.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    static String tail(String text) {
        return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
    }
}

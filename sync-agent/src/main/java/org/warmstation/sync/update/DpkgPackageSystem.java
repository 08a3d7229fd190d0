package org.warmstation.sync.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.warmstation.protocol.wire.UpdateManifest;

/**
 * {@link PackageSystem} by Debian's tools: {@code dpkg-query}, {@code dpkg --print-architecture}, {@code dpkg -i} and
 * {@code systemctl restart}. Each call runs one process and waits for it (at most
 * {@link #TIMEOUT}); the process's output goes into the exception message when it fails.
 */
public final class DpkgPackageSystem implements PackageSystem {
    /** Longest a dpkg or systemctl run may take. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** The kiosk's systemd unit. */
    public static final String KIOSK_UNIT = "warm-station-kiosk.service";

    private final List<String> dpkgOptions;

    /**
     * @param dpkgOptions options put before {@code -i}, e.g. {@code --force-depends} in a test root
     *                    without the graphical dependencies; usually none
     */
    public DpkgPackageSystem(List<String> dpkgOptions) {
        this.dpkgOptions = List.copyOf(dpkgOptions);
    }

    @Override
    public Optional<String> installedVersion() throws IOException {
        Result r = run(List.of("dpkg-query", "-W", "-f=${db:Status-Abbrev}|${Version}", UpdateManifest.PACKAGE));
        if (r.exit() != 0) {
            return Optional.empty();
        }
        String[] f = r.output().strip().split("\\|", 2);
        return f.length == 2 && f[0].startsWith("ii") ? Optional.of(f[1].strip()) : Optional.empty();
    }

    @Override
    public Optional<String> architecture() throws IOException {
        Result r = run(List.of("dpkg", "--print-architecture"));
        return r.exit() == 0 ? architectureOf(r.output()) : Optional.empty();
    }

    /**
     * @param output what {@code dpkg --print-architecture} printed, its warnings included (dpkg
     *               warns on stderr when it cannot read a {@code ~/.dpkg.cfg}, e.g. as the kiosk
     *               user with root's {@code HOME})
     * @return its last line when that is an architecture name, else empty
     */
    static Optional<String> architectureOf(String output) {
        String[] lines = output.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        return last.matches("[a-z0-9][a-z0-9-]{0,31}") ? Optional.of(last) : Optional.empty();
    }

    @Override
    public void install(Path deb) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("dpkg"));
        cmd.addAll(dpkgOptions);
        cmd.addAll(List.of("-i", deb.toAbsolutePath().toString()));
        run(cmd).orFail("dpkg -i " + deb.getFileName());
    }

    @Override
    public void restartKiosk() throws IOException {
        run(List.of("systemctl", "restart", "--no-block", KIOSK_UNIT)).orFail("systemctl restart " + KIOSK_UNIT);
    }

    private record Result(int exit, String output) {
        void orFail(String what) throws IOException {
            if (exit != 0) {
                String tail = output.length() > 600 ? "…" + output.substring(output.length() - 600) : output;
                throw new IOException(what + " failed (exit " + exit + "): " + tail.strip());
            }
        }
    }

    private static Result run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + TIMEOUT);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.getFirst() + " interrupted", e);
        }
    }
}

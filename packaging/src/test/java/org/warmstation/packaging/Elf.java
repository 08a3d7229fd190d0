package org.warmstation.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the machine of ELF files (native libraries and programs), also inside jars, for the package tests. */
final class Elf {
    private Elf() {
    }

    /** The ELF {@code e_machine} values the packages care about. */
    enum Machine {
        /** EM_X86_64 (62): a lab PC. */
        X86_64,
        /** EM_AARCH64 (183): a Raspberry Pi 4/5 running arm64. */
        AARCH64,
        /** Any other machine (32-bit ARM, x86, RISC-V ...). */
        OTHER;

        static Machine of(int eMachine) {
            return switch (eMachine) {
                case 62 -> X86_64;
                case 183 -> AARCH64;
                default -> OTHER;
            };
        }
    }

    /**
     * @param header the first 20 bytes (or more) of a file
     * @return its machine, or null when it is not a 64-bit little-endian ELF file
     */
    static Machine machine(byte[] header) {
        if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
            return null;
        }
        if (header[4] != 2 || header[5] != 1) { // 32-bit or big-endian
            return Machine.OTHER;
        }
        return Machine.of((header[18] & 0xff) | (header[19] & 0xff) << 8);
    }

    /**
     * @param file a file
     * @return its machine, or null when it is not ELF
     * @throws IOException when it cannot be read
     */
    static Machine machine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return machine(in.readNBytes(20));
        }
    }

    /**
     * @param jar a jar
     * @return every ELF entry of the jar (by entry name, in jar order) with its machine
     * @throws IOException when the jar cannot be read
     */
    static Map<String, Machine> nativesIn(Path jar) throws IOException {
        Map<String, Machine> natives = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    Machine m = machine(in.readNBytes(20));
                    if (m != null) {
                        natives.put(e.getName(), m);
                    }
                }
            }
        }
        return natives;
    }

    /**
     * @param jar  a jar
     * @param name a library's file name, e.g. {@code libglass.so}
     * @return the machines of the entries of that file name, in jar order (empty when there is none)
     * @throws IOException when the jar cannot be read
     */
    static List<Machine> machinesIn(Path jar, String name) throws IOException {
        return nativesIn(jar).entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().endsWith("/" + name))
                .map(Map.Entry::getValue).toList();
    }
}

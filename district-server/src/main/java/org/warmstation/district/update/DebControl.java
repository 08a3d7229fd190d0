package org.warmstation.district.update;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The fields of a Debian package's {@code control} file that a release needs, read from the
 * {@code .deb} itself (format: deb(5), an ar archive of {@code debian-binary}, {@code control.tar}
 * — plain, gzip or xz — and {@code data.tar}; fields: Debian Policy §5.3), so that what is published
 * is what the operator says it is (decision 0255). Uses Apache Commons Compress; blocks reading
 * the file.
 *
 * @param packageName  field {@code Package}
 * @param version      field {@code Version}
 * @param architecture field {@code Architecture}, e.g. {@code arm64} or {@code all}
 */
public record DebControl(String packageName, String version, String architecture) {
    /** Largest control file read: 64 KiB (ours is under 1 KiB). */
    static final int MAX_CONTROL_BYTES = 64 * 1024;

    /** @throws NullPointerException for a missing field */
    public DebControl {
        Objects.requireNonNull(packageName, "Package");
        Objects.requireNonNull(version, "Version");
        Objects.requireNonNull(architecture, "Architecture");
    }

    /**
     * @param deb a package file
     * @return its control fields
     * @throws IllegalArgumentException when the file is not a Debian binary package, its control
     *                                  archive is compressed in a way not read here (zstd), or a
     *                                  field is missing
     * @throws IOException              when the file cannot be read
     */
    public static DebControl read(Path deb) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(deb));
             ArArchiveInputStream ar = new ArArchiveInputStream(in)) {
            boolean binary = false;
            ArArchiveEntry e;
            while ((e = nextAr(ar, deb)) != null) {
                String name = e.getName();
                if (name.equals("debian-binary")) {
                    binary = new String(ar.readNBytes(16), StandardCharsets.US_ASCII).startsWith("2.");
                } else if (name.startsWith("control.tar")) {
                    if (!binary) {
                        throw notAPackage(deb, "no debian-binary 2.x member before " + name);
                    }
                    return fields(control(name, ar, deb), deb);
                }
            }
            throw notAPackage(deb, "no control.tar member");
        }
    }

    private static ArArchiveEntry nextAr(ArArchiveInputStream ar, Path deb) {
        try {
            return ar.getNextEntry();
        } catch (IOException e) {
            throw notAPackage(deb, e.getMessage());
        }
    }

    private static String control(String member, InputStream ar, Path deb) throws IOException {
        InputStream tar = switch (member) {
            case "control.tar" -> ar;
            case "control.tar.gz" -> new GzipCompressorInputStream(ar);
            case "control.tar.xz" -> new XZCompressorInputStream(ar);
            default -> throw new IllegalArgumentException(deb.getFileName() + ": " + member
                    + " is not read here; build the package with dpkg-deb -Zgzip or -Zxz");
        };
        TarArchiveInputStream t = new TarArchiveInputStream(tar);
        TarArchiveEntry e;
        while ((e = t.getNextEntry()) != null) {
            if (e.isFile() && (e.getName().equals("./control") || e.getName().equals("control"))) {
                if (e.getSize() > MAX_CONTROL_BYTES) {
                    throw notAPackage(deb, "control file of " + e.getSize() + " bytes");
                }
                return new String(t.readNBytes(MAX_CONTROL_BYTES), StandardCharsets.UTF_8);
            }
        }
        throw notAPackage(deb, member + " holds no control file");
    }

    /** Parses the control paragraph: "Field: value" lines, continuation lines start with a space or tab. */
    static DebControl fields(String control, Path deb) {
        Map<String, String> f = new HashMap<>();
        for (String line : control.split("\n")) {
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                f.putIfAbsent(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        for (String required : new String[] {"package", "version", "architecture"}) {
            if (f.getOrDefault(required, "").isEmpty()) {
                throw notAPackage(deb, "its control file has no " + required + " field");
            }
        }
        return new DebControl(f.get("package"), f.get("version"), f.get("architecture"));
    }

    private static IllegalArgumentException notAPackage(Path deb, String why) {
        return new IllegalArgumentException(deb.getFileName() + " is not a Debian package: " + why);
    }
}

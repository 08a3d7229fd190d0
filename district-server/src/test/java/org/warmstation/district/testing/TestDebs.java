package org.warmstation.district.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * Small Debian package files for tests, laid out as dpkg-deb lays them out (deb(5): ar members
 * {@code debian-binary}, {@code control.tar.*}, {@code data.tar.*}), with a control file and a
 * data member of the given bytes. Not installable: nothing here runs dpkg.
 */
public final class TestDebs {
    private TestDebs() {
    }

    /**
     * @param file         where to write
     * @param version      field Version
     * @param architecture field Architecture
     * @param data         bytes of the data member (so that packages differ in size and hash)
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path write(Path file, String version, String architecture, String data) throws IOException {
        return withControl(file, "Package: warm-station-terminal\nVersion: " + version + "\nArchitecture: " + architecture
                + "\nMaintainer: Warm stations <dev@warmstation.org>\nDescription: test package\n two lines\n",
                "control.tar.gz", data);
    }

    /**
     * @param file    where to write
     * @param control the whole control file
     * @param member  {@code control.tar}, {@code control.tar.gz} or {@code control.tar.xz} (any
     *                other name gets plain bytes, to test refusals)
     * @param data    bytes of the data member
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path withControl(Path file, String control, String member, String data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
            add(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            add(ar, member, compress(member, tar("./control", control.getBytes(StandardCharsets.UTF_8))));
            add(ar, "data.tar", tar("./usr/share/doc/warm-station-terminal/data", data.getBytes(StandardCharsets.UTF_8)));
        }
        return file;
    }

    private static void add(ArArchiveOutputStream ar, String name, byte[] body) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, body.length));
        ar.write(body);
        ar.closeArchiveEntry();
    }

    private static byte[] tar(String name, byte[] body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(b)) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(body.length);
            t.putArchiveEntry(e);
            t.write(body);
            t.closeArchiveEntry();
        }
        return b.toByteArray();
    }

    private static byte[] compress(String member, byte[] tar) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (member) {
            case "control.tar.gz" -> {
                try (OutputStream z = new GzipCompressorOutputStream(b)) {
                    z.write(tar);
                }
            }
            case "control.tar.xz" -> {
                try (OutputStream z = new XZCompressorOutputStream(b)) {
                    z.write(tar);
                }
            }
            default -> b.write(tar);
        }
        return b.toByteArray();
    }
}

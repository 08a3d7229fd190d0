package org.warmstation.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/**
 * Applies downlinks as files in a directory: {@value #TRUST_LIST}, {@value #DENY_LIST} and
 * {@value #SETTINGS}, each written to a temporary file in the same directory, forced to storage,
 * then atomically moved over the old one, so a reader sees the old or the new file, never half of
 * one, also across power loss. Blocks on the file system.
 */
public final class FileDownlinkApplier implements DownlinkApplier {
    /** Trust list file name (text form of {@link TrustList}). */
    public static final String TRUST_LIST = "trust-list.txt";
    /** Deny list file name (text form of {@link DenyList}). */
    public static final String DENY_LIST = "deny-list.txt";
    /** Station settings file name (JSON of {@link StationSettings}). */
    public static final String SETTINGS = "station-settings.json";

    private final Path directory;

    /** @param directory where the files live; created when missing */
    public FileDownlinkApplier(Path directory) {
        this.directory = directory;
    }

    @Override
    public void applyTrustList(TrustList list) throws IOException {
        write(TRUST_LIST, list.format().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void applyDenyList(DenyList list) throws IOException {
        write(DENY_LIST, list.format().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void applySettings(StationSettings settings) throws IOException {
        write(SETTINGS, Wire.encode(settings));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, "." + name, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

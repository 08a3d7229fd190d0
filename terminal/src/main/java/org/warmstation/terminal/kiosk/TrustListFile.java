package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.TrustList;

/**
 * The station's trust list as the sync agent checks downlink signatures with it: read from the
 * configured {@code trust.file} and read again when its modification time changes (a trust-list
 * downlink replaces it). A file that cannot be read keeps the list read before; with none ever
 * read, an empty list (no downlink verifies, each is logged and ignored). Thread-safe.
 */
final class TrustListFile implements Supplier<TrustList> {
    private static final Logger LOG = LoggerFactory.getLogger(TrustListFile.class);

    private final Path file;
    private FileTime seen;
    private TrustList list;

    TrustListFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public synchronized TrustList get() {
        FileTime t;
        try {
            t = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            t = null;
        }
        if (list == null || !Objects.equals(t, seen)) {
            seen = t;
            try {
                list = TrustList.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("sync: cannot read the trust list {} ({}); downlinks cannot be verified", file, e.getMessage());
                if (list == null) {
                    list = new TrustList(java.time.Instant.EPOCH, java.util.List.of());
                }
            }
        }
        return list;
    }
}

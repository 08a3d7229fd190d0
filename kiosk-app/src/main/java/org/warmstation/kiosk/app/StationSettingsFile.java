package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/**
 * The station settings the district sent (duplicate window, services offered, idle-screen
 * announcement), read from the JSON file the sync agent writes atomically
 * ({@code station-settings.json} in the data directory) and read again whenever its modification
 * time or size changes. No file means no district settings: the configuration's values apply. A
 * file that cannot be read or parsed is logged once and the settings read before stay in use.
 * Thread-safe; {@link #current()} does one file stat per call (blocks briefly on the file system).
 */
public final class StationSettingsFile {
    private static final Logger LOG = LoggerFactory.getLogger(StationSettingsFile.class);
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;
    private FileTime seenTime;
    private long seenSize = -1;
    private StationSettings settings;

    /** @param file the settings file; it need not exist yet */
    public StationSettingsFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the district's settings, or empty when none were received */
    public synchronized Optional<StationSettings> current() {
        FileTime t;
        long size;
        try {
            t = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            settings = null;
            seenTime = null;
            return Optional.empty();
        } catch (IOException e) {
            return Optional.ofNullable(settings);
        }
        if (!t.equals(seenTime) || size != seenSize) {
            seenTime = t;
            seenSize = size;
            try {
                if (size > MAX_BYTES) {
                    throw new IOException("larger than " + MAX_BYTES + " bytes");
                }
                settings = Wire.decode(Files.readAllBytes(file), StationSettings.class);
                LOG.info("station settings from the district: duplicate window {}, {} services, announcement {}",
                        settings.duplicateWindow(), settings.enabledServices().size(),
                        settings.announcement() == null ? "none" : "set");
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("cannot read the station settings {} ({}); {}", file, e.getMessage(),
                        settings == null ? "using the configuration's" : "keeping the settings read before");
            }
        }
        return Optional.ofNullable(settings);
    }

    /**
     * @param fallback the configured window
     * @return the district's duplicate window when it sent a positive one, else {@code fallback}
     */
    public Duration duplicateWindow(Duration fallback) {
        return current().map(StationSettings::duplicateWindow).filter(d -> !d.isZero()).orElse(fallback);
    }

    /**
     * @param s settings
     * @return the kiosk services they name (unknown names are skipped); all when none is known
     */
    public static Set<Service> services(StationSettings s) {
        EnumSet<Service> set = EnumSet.noneOf(Service.class);
        for (String name : s.enabledServices()) {
            try {
                set.add(Service.valueOf(name));
            } catch (IllegalArgumentException e) {
                LOG.warn("station settings name an unknown service '{}'; skipped", name);
            }
        }
        return set.isEmpty() ? EnumSet.allOf(Service.class) : set;
    }
}

package org.warmstation.kiosk.time;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.StationClock;

/**
 * The station clock of a Linux terminal.
 *
 * <ul>
 *   <li>{@link #now()}: the system wall clock (UTC).</li>
 *   <li>{@link #synced()}: whether the flag file exists that systemd-timesyncd creates once it
 *       has synchronised the clock ({@value #TIMESYNC_FLAG} by default), checked on every call.</li>
 *   <li>{@link #sinceBoot()}: the system uptime read once from {@value #UPTIME_FILE} when the
 *       clock is created, advanced by {@link System#nanoTime()}; it never goes back. Should the
 *       uptime file be unreadable (not Linux, or corrupt), it counts from zero at creation, and
 *       says so in the log.</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #synced()} touches the file system (a {@code stat}), the other methods
 * do not block.
 */
public final class SystemStationClock implements StationClock {
    /** Where Linux publishes the seconds since boot. */
    public static final String UPTIME_FILE = "/proc/uptime";
    /** The flag file of systemd-timesyncd, present while the clock is synchronised. */
    public static final String TIMESYNC_FLAG = "/run/systemd/timesync/synchronized";

    private static final Logger log = LoggerFactory.getLogger(SystemStationClock.class);

    private final Path syncedFlag;
    private final Duration uptimeAtStart;
    private final long nanoAtStart;

    /** A clock reading {@value #UPTIME_FILE} and checking {@value #TIMESYNC_FLAG}. */
    public SystemStationClock() {
        this(Path.of(UPTIME_FILE), Path.of(TIMESYNC_FLAG));
    }

    /**
     * @param uptimeFile a file in the format of {@code /proc/uptime} (seconds since boot, a
     *                   decimal number, as its first field)
     * @param syncedFlag the file whose existence means the wall clock is synchronised
     */
    public SystemStationClock(Path uptimeFile, Path syncedFlag) {
        this.syncedFlag = Objects.requireNonNull(syncedFlag, "syncedFlag");
        this.nanoAtStart = System.nanoTime();
        this.uptimeAtStart = readUptime(Objects.requireNonNull(uptimeFile, "uptimeFile"));
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public boolean synced() {
        return Files.exists(syncedFlag);
    }

    @Override
    public Duration sinceBoot() {
        return uptimeAtStart.plusNanos(System.nanoTime() - nanoAtStart);
    }

    private static Duration readUptime(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            String first = text.split("\\s+", 2)[0];
            BigDecimal seconds = new BigDecimal(first);
            if (seconds.signum() < 0) {
                throw new NumberFormatException("negative uptime");
            }
            return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the uptime from {} ({}); time since boot counts from now", file, e.toString());
            return Duration.ZERO;
        }
    }
}

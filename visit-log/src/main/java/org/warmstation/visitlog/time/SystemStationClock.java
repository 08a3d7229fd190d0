package org.warmstation.visitlog.time;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.StationClock;

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
 *   <li>{@link #bootId()}: the boot these readings belong to ({@link BootId#current()}).</li>
 *   <li>{@link #syncReading()}: once synced, the wall clock and the time since boot read back to
 *       back, from which {@link ClockSyncWatcher} corrects the visits recorded before the sync.</li>
 * </ul>
 *
 * <p>Every source is injectable, so tests can boot "in 2019" and step the clock like NTP does.
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

    private final InstantSource wallClock;
    private final Supplier<Duration> sinceBoot;
    private final Path syncedFlag;
    private final BootId bootId;

    /** A clock reading {@value #UPTIME_FILE}, checking {@value #TIMESYNC_FLAG}, of the current boot. */
    public SystemStationClock() {
        this(Path.of(UPTIME_FILE), Path.of(TIMESYNC_FLAG));
    }

    /**
     * A clock of the current boot ({@link BootId#current()}) on the system wall clock.
     *
     * @param uptimeFile a file in the format of {@code /proc/uptime} (seconds since boot, a
     *                   decimal number, as its first field)
     * @param syncedFlag the file whose existence means the wall clock is synchronised
     */
    public SystemStationClock(Path uptimeFile, Path syncedFlag) {
        this(InstantSource.system(), uptimeSource(Objects.requireNonNull(uptimeFile, "uptimeFile")), syncedFlag,
                BootId.current());
    }

    /**
     * A clock from explicit sources.
     *
     * @param wallClock  the wall clock, possibly unsynced
     * @param sinceBoot  the monotonic time since boot of {@code bootId}; must never go back
     * @param syncedFlag the file whose existence means the wall clock is synchronised
     * @param bootId     the boot the time since boot counts from
     */
    public SystemStationClock(InstantSource wallClock, Supplier<Duration> sinceBoot, Path syncedFlag, BootId bootId) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.sinceBoot = Objects.requireNonNull(sinceBoot, "sinceBoot");
        this.syncedFlag = Objects.requireNonNull(syncedFlag, "syncedFlag");
        this.bootId = Objects.requireNonNull(bootId, "bootId");
    }

    /**
     * The uptime source of a Linux system: the uptime file is read once, now, and then advanced
     * by {@link System#nanoTime()}, so it never goes back. An unreadable file counts from zero.
     *
     * @param uptimeFile a file in the format of {@code /proc/uptime}
     * @return the time since boot, as a source; thread-safe, never blocks
     */
    public static Supplier<Duration> uptimeSource(Path uptimeFile) {
        long nanoAtStart = System.nanoTime();
        Duration uptimeAtStart = readUptime(uptimeFile);
        return () -> uptimeAtStart.plusNanos(System.nanoTime() - nanoAtStart);
    }

    @Override
    public Instant now() {
        return wallClock.instant();
    }

    @Override
    public boolean synced() {
        return Files.exists(syncedFlag);
    }

    @Override
    public Duration sinceBoot() {
        return sinceBoot.get();
    }

    /** @return the boot that {@link #sinceBoot()} counts from */
    public BootId bootId() {
        return bootId;
    }

    /**
     * Reads the time since boot and the wall clock back to back, if the wall clock is synced
     * (checks the flag file first, then reads both).
     *
     * @return the reading, or empty while the clock is not synced
     */
    public Optional<ClockSync> syncReading() {
        if (!synced()) {
            return Optional.empty();
        }
        Duration boot = sinceBoot();
        Instant wall = now();
        return Optional.of(new ClockSync(bootId, wall, boot));
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

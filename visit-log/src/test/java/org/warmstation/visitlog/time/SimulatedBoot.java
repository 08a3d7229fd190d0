package org.warmstation.visitlog.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One simulated boot of a terminal without a battery clock: a wall clock that starts wherever the
 * test says (2019, a year ahead), a monotonic time since boot, and the timesyncd flag file. Time
 * passes for both together; {@link #ntpSync(Instant)} steps the wall clock like NTP does and
 * creates the flag. The {@link SystemStationClock} under test reads these sources.
 */
public final class SimulatedBoot {
    private final Path flag;
    private final BootId bootId = new BootId(UUID.randomUUID().toString());
    private Instant wall;
    private Duration sinceBoot;

    /**
     * @param flagDirectory where the synced flag file lives (absent at first)
     * @param wallAtStart   what the unsynced wall clock shows now
     * @param sinceBoot     the time since boot now
     */
    public SimulatedBoot(Path flagDirectory, Instant wallAtStart, Duration sinceBoot) throws IOException {
        this.flag = Files.createDirectories(flagDirectory).resolve("synchronized");
        Files.deleteIfExists(flag);
        this.wall = wallAtStart;
        this.sinceBoot = sinceBoot;
    }

    /** @return the station clock reading this boot's sources */
    public SystemStationClock clock() {
        return new SystemStationClock(this::wall, this::sinceBoot, flag, bootId);
    }

    public BootId bootId() {
        return bootId;
    }

    /** Lets time pass: wall clock and time since boot move on together. */
    public synchronized void advance(Duration d) {
        wall = wall.plus(d);
        sinceBoot = sinceBoot.plus(d);
    }

    /** Lets time pass up to a time since boot. */
    public synchronized void advanceTo(Duration newSinceBoot) {
        advance(newSinceBoot.minus(sinceBoot));
    }

    /** NTP has synced: the wall clock jumps to the real time, the flag file appears. */
    public synchronized void ntpSync(Instant realNow) throws IOException {
        wall = realNow;
        if (!Files.exists(flag)) {
            Files.createFile(flag);
        }
    }

    public synchronized Instant wall() {
        return wall;
    }

    public synchronized Duration sinceBoot() {
        return sinceBoot;
    }
}

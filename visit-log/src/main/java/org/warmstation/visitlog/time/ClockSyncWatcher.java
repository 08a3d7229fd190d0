package org.warmstation.visitlog.time;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the station clock for the moment it becomes synced and then has the visits recorded
 * before, in the same boot, corrected (see {@link ClockSync} for the arithmetic and
 * {@code SqliteVisitStore#correctUnsyncedVisits} for what is written).
 *
 * <p>Every {@link #poll()} that finds the clock synced hands a fresh {@link ClockSync} reading to
 * the corrector. The corrector must be idempotent and cheap when there is nothing to correct
 * (the visit log's is one indexed read): so a visit that raced the sync (its check-in read the
 * clock as unsynced just before the flag appeared) is corrected by the next poll, and a failed
 * correction (disk full) is simply retried.
 *
 * <p>Threading: {@link #start()} polls on one daemon thread of its own every interval; the
 * corrector is called on that thread. {@link #poll()} may be called on any thread except the UI
 * thread (it blocks on storage).
 */
public final class ClockSyncWatcher implements AutoCloseable {
    /** Default time between two looks at the clock. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ClockSyncWatcher.class);

    private final SystemStationClock clock;
    private final ToIntFunction<ClockSync> corrector;
    private long polls;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private boolean reportedSynced;
    private AutoCloseable resource;

    /**
     * @param clock     the station clock
     * @param corrector corrects the unsynced visits of the reading's boot and returns how many it
     *                  corrected; may throw (logged, retried at the next poll)
     * @param interval  time between two polls once {@link #start() started}; positive
     * @throws IllegalArgumentException when the interval is not positive
     */
    public ClockSyncWatcher(SystemStationClock clock, ToIntFunction<ClockSync> corrector, Duration interval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.corrector = Objects.requireNonNull(corrector, "corrector");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + interval);
        }
    }

    /**
     * Looks at the clock once; if it is synced, corrects what there is to correct.
     *
     * <p>Blocks on the corrector (storage). Never throws: a failing corrector is logged.
     *
     * @return the number of visits corrected by this poll (0 while unsynced, or nothing to do,
     *         or the corrector failed)
     */
    public synchronized int poll() {
        polls++;
        Optional<ClockSync> reading = clock.syncReading();
        if (reading.isEmpty()) {
            if (reportedSynced) {
                log.warn("the wall clock is no longer synced; new visits are flagged until it is again");
                reportedSynced = false;
            }
            return 0;
        }
        ClockSync sync = reading.get();
        if (!reportedSynced) {
            log.info("wall clock synced at {} ({} since boot {}, booted at {})", sync.wallClock(), sync.sinceBoot(),
                    sync.bootId(), sync.bootedAt());
            reportedSynced = true;
        }
        try {
            int corrected = corrector.applyAsInt(sync);
            if (corrected > 0) {
                log.info("corrected the time of {} visits recorded before the clock was synced", corrected);
            }
            return corrected;
        } catch (RuntimeException e) {
            log.error("correcting the times of unsynced visits failed (retried in {}): {}", interval, e.getMessage());
            return 0;
        }
    }

    /** @return how many polls have run (each looked at the clock once); does not block */
    public synchronized long polls() {
        return polls;
    }

    /**
     * Starts polling every interval on a daemon thread; the first poll runs at once.
     *
     * @return this watcher
     * @throws IllegalStateException when already started or closed
     */
    public synchronized ClockSyncWatcher start() {
        if (executor != null) {
            throw new IllegalStateException("clock watcher already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clock-sync-watcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Has {@link #close()} also close a resource the corrector uses (e.g. the storage of a
     * {@link BoundedClock}'s floor), after polling stopped.
     *
     * @param used the resource
     * @return this watcher
     */
    public synchronized ClockSyncWatcher closing(AutoCloseable used) {
        this.resource = Objects.requireNonNull(used, "used");
        return this;
    }

    /** Stops polling (waits up to 5 s for a running poll), then closes {@link #closing} resource; idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        AutoCloseable used;
        synchronized (this) {
            running = executor;
            used = resource;
            resource = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("clock watcher did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (used != null) {
            try {
                used.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", used, e.toString());
            }
        }
    }
}

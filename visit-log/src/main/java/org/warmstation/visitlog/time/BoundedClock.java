package org.warmstation.visitlog.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.StationClock;

/**
 * The station's best time: a raw station clock that never reads below a persisted "latest time
 * seen" floor (issue 13 item 3, decision 0185).
 *
 * <p>A terminal without a battery clock boots "in 2019" until NTP syncs. Every time the station
 * knows real time has reached — a synced clock reading, a district ack or downlink
 * ({@link #saw}), the latest visit recorded on a synced clock (read by the {@link FloorStore}
 * when the clock is made) — raises the floor, which is kept on storage and survives a restart.
 * {@link #now()} is the later of the raw clock and the floor advanced by the monotonic time since
 * it was seen: real time has passed at least that far, so the best time is a lower bound of real
 * time whenever the floor's sources are right. {@link #synced()} and {@link #sinceBoot()} are
 * the raw clock's.
 *
 * <p>Threading: {@link #now()}, {@link #synced()}, {@link #sinceBoot()} and {@link #floor()}
 * never block (safe on the UI thread). {@link #saw} and {@link #checkpoint()} may write the
 * floor to storage (at most once per {@link #SAVE_STEP} of advance): call them on a background
 * thread. Thread-safe.
 */
public final class BoundedClock implements StationClock {
    /** The floor is written when it has advanced this far beyond what storage holds. */
    public static final Duration SAVE_STEP = Duration.ofMinutes(1);
    /** A synced raw clock further than this below the floor is logged (a floor from a bad source). */
    static final Duration BEHIND_WARNING = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(BoundedClock.class);

    /** Where the floor is kept. Implementations may block on storage. */
    public interface FloorStore {
        /**
         * @return the floor kept (the highest of the stored floor and the latest visit recorded on
         *         a synced clock), or empty when the station has never seen a trusted time
         * @throws RuntimeException when storage fails (the caller logs it)
         */
        Optional<Instant> load();

        /**
         * Raises the stored floor to {@code floor} unless it is higher already.
         *
         * @param floor  the new floor
         * @param source what the time came from, for the log and the row ("synced clock", "district ack" …)
         * @throws RuntimeException when storage fails (the caller logs it)
         */
        void raise(Instant floor, String source);
    }

    private final StationClock raw;
    private final FloorStore store;
    private Instant floor;
    private Duration floorSeenSinceBoot;
    private Instant saved;
    private boolean warnedBehind;

    /**
     * Reads the floor from storage (blocks on it). A store that cannot be read leaves the clock
     * without a floor (the raw clock), and says so in the log.
     *
     * @param raw   the station clock, possibly unsynced
     * @param store where the floor is kept
     */
    public BoundedClock(StationClock raw, FloorStore store) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.store = Objects.requireNonNull(store, "store");
        Optional<Instant> kept = Optional.empty();
        try {
            kept = store.load();
        } catch (RuntimeException e) {
            log.error("cannot read the time floor ({}); the station clock is used unbounded", e.getMessage());
        }
        this.floor = kept.orElse(Instant.EPOCH);
        this.saved = floor;
        this.floorSeenSinceBoot = raw.sinceBoot();
        kept.ifPresent(f -> log.info("time floor {} (the clock reads {}, {})", f, raw.now(),
                raw.synced() ? "synced" : "not synced"));
    }

    /** @return the later of the raw clock and the floor advanced by the time since it was seen */
    @Override
    public Instant now() {
        Instant rawNow = raw.now();
        Instant bound = floor();
        return rawNow.isBefore(bound) ? bound : rawNow;
    }

    @Override
    public boolean synced() {
        return raw.synced();
    }

    @Override
    public Duration sinceBoot() {
        return raw.sinceBoot();
    }

    /** @return the floor as of now: real time has passed at least this far ({@link Instant#EPOCH} when none) */
    public Instant floor() {
        Duration since = raw.sinceBoot();
        synchronized (this) {
            Duration passed = since.minus(floorSeenSinceBoot);
            return passed.isNegative() ? floor : floor.plus(passed);
        }
    }

    /**
     * Raises the floor to a time the station has seen from a trusted source (a district ack's
     * commit time, a verified downlink's issue time); a time below the floor changes nothing.
     * Writes the floor when it advanced {@link #SAVE_STEP} beyond storage; blocks on that write.
     * Never throws: a failed write is logged and tried again at the next raise.
     *
     * @param time   the time seen
     * @param source what it came from, e.g. "district ack"
     */
    @Override
    public void saw(Instant time, String source) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Duration since = raw.sinceBoot();
        Instant toSave;
        synchronized (this) {
            Duration passed = since.minus(floorSeenSinceBoot);
            Instant current = passed.isNegative() ? floor : floor.plus(passed);
            if (time.isAfter(current)) {
                floor = time;
                floorSeenSinceBoot = since;
                current = time;
            }
            if (current.isBefore(saved.plus(SAVE_STEP))) {
                return;
            }
            toSave = current;
        }
        try {
            store.raise(toSave, source);
            synchronized (this) {
                if (toSave.isAfter(saved)) {
                    saved = toSave;
                }
            }
            log.debug("time floor raised to {} by {}", toSave, source);
        } catch (RuntimeException e) {
            log.warn("cannot write the time floor {} ({}): {}", toSave, source, e.getMessage());
        }
    }

    /**
     * Raises the floor from the raw clock when it is synced, and from what storage holds (another
     * clock of the station may have raised it); writes it when it advanced {@link #SAVE_STEP}.
     * Call periodically on a background thread (the clock-sync watcher's poll); blocks on storage.
     * Never throws.
     */
    public void checkpoint() {
        try {
            store.load().ifPresent(kept -> saw(kept, "stored floor"));
        } catch (RuntimeException e) {
            log.warn("cannot read the time floor: {}", e.getMessage());
        }
        if (!raw.synced()) {
            return;
        }
        Instant rawNow = raw.now();
        Instant bound = floor();
        synchronized (this) {
            if (rawNow.plus(BEHIND_WARNING).isBefore(bound) && !warnedBehind) {
                log.warn("the synced clock reads {}, more than {} below the time floor {}; the floor is kept",
                        rawNow, BEHIND_WARNING, bound);
                warnedBehind = true;
            }
        }
        saw(rawNow, "synced clock");
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns the motion sensor's since-midnight entry counter, sampled at each heartbeat, into the
 * entries of the last hour: the counter now minus its value at the newest sample at least an hour
 * old (or, during the first hour the agent runs, the oldest sample it has: "as far as the station
 * has seen"). A counter lower than the baseline was reset at midnight; then the count since
 * midnight is taken. Keeps at most a little over an hour of samples. Not thread-safe: the agent's
 * thread only.
 */
final class EntryWindow {
    static final Duration WINDOW = Duration.ofHours(1);

    private record Sample(Instant at, long entries) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * Records a sample and returns the entries of the hour before {@code now}.
     *
     * @param now     the station clock
     * @param entries the counter since local midnight
     * @return entries in the last hour, never negative
     */
    long lastHour(Instant now, long entries) {
        Instant cut = now.minus(WINDOW);
        // keep the newest sample at or before the cut as the baseline, drop the older ones
        while (samples.size() > 1 && !samplesSecondAfter(cut)) {
            samples.removeFirst();
        }
        long baseline = samples.isEmpty() ? entries : samples.peekFirst().entries();
        samples.addLast(new Sample(now, entries));
        return entries >= baseline ? entries - baseline : entries;
    }

    /** Whether the second-oldest sample is after the cut (so the oldest is the baseline to keep). */
    private boolean samplesSecondAfter(Instant cut) {
        var it = samples.iterator();
        it.next();
        return it.next().at().isAfter(cut);
    }
}

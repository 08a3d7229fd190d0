package org.warmstation.kiosk.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.warmstation.protocol.wire.HeldLists;

/**
 * What the staff screen shows about the sync to the district: an immutable snapshot, free of any
 * UI toolkit and of the sync agent's types (the kiosk does not depend on the agent; the agent's
 * status is copied into this by whoever wires the two together).
 *
 * @param connected        whether the terminal is connected to the district's broker now
 * @param lastSync         when the district last confirmed visits, if ever since start
 * @param waiting          visits the district has not confirmed yet
 * @param oldestWaitingAge age of the oldest of them, if any
 * @param diskWarning      whether free space on the data partition is low: the screen warns
 * @param problem          the last connection or storage problem in words, if any
 * @param districtVisits   visits the district holds for this station, when known (the demo's
 *                         in-process district); empty on a real station
 * @param lists            the deny- and trust-list versions in force and when they were received,
 *                         when known: the screen warns when one is older than 24 h (issue 11)
 */
public record SyncSnapshot(boolean connected, Optional<Instant> lastSync, long waiting,
                           Optional<Duration> oldestWaitingAge, boolean diskWarning, Optional<String> problem,
                           OptionalLong districtVisits, Optional<HeldLists> lists) {
    /** Nothing known yet. */
    public static final SyncSnapshot UNKNOWN = new SyncSnapshot(false, Optional.empty(), 0, Optional.empty(), false,
            Optional.empty(), OptionalLong.empty());

    /** @throws NullPointerException when an optional is null; IllegalArgumentException when waiting is negative */
    public SyncSnapshot {
        Objects.requireNonNull(lastSync, "lastSync");
        Objects.requireNonNull(oldestWaitingAge, "oldestWaitingAge");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(districtVisits, "districtVisits");
        Objects.requireNonNull(lists, "lists");
        if (waiting < 0) {
            throw new IllegalArgumentException("waiting must not be negative: " + waiting);
        }
    }

    /**
     * A snapshot without the lists held.
     *
     * @param connected        whether connected now
     * @param lastSync         when the district last confirmed visits
     * @param waiting          visits not confirmed yet
     * @param oldestWaitingAge age of the oldest of them
     * @param diskWarning      whether free space is low
     * @param problem          the last problem in words
     * @param districtVisits   visits the district holds, when known
     */
    public SyncSnapshot(boolean connected, Optional<Instant> lastSync, long waiting, Optional<Duration> oldestWaitingAge,
                        boolean diskWarning, Optional<String> problem, OptionalLong districtVisits) {
        this(connected, lastSync, waiting, oldestWaitingAge, diskWarning, problem, districtVisits, Optional.empty());
    }

    /**
     * @param count visits the district holds
     * @return a copy with that district count
     */
    public SyncSnapshot withDistrictVisits(long count) {
        return new SyncSnapshot(connected, lastSync, waiting, oldestWaitingAge, diskWarning, problem,
                OptionalLong.of(count), lists);
    }
}

package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.warmstation.protocol.wire.HeldLists;

/**
 * What the staff screen shows about the sync; an immutable snapshot, polled from any thread
 * ({@link SyncAgent#status()}), free of any UI toolkit.
 *
 * @param connected        whether the agent is connected to the broker now
 * @param lastSync         when the district last confirmed visits, if ever since start
 * @param waiting          visits the district has not confirmed yet
 * @param oldestWaitingAge age of the oldest of them, if any
 * @param diskFreeBytes    free bytes on the data partition (-1 when unknown)
 * @param diskWarning      whether free space is below the warning threshold: the screen warns
 * @param problem          the last connection or storage problem in words, or empty
 * @param lists            the deny- and trust-list versions in force and when they were received,
 *                         when the applier can tell (the screen warns when one is older than 24 h)
 */
public record SyncStatus(boolean connected, Optional<Instant> lastSync, long waiting,
                         Optional<Duration> oldestWaitingAge, long diskFreeBytes, boolean diskWarning,
                         Optional<String> problem, Optional<HeldLists> lists) {
    /** The status before the agent has looked at anything. */
    public static final SyncStatus INITIAL = new SyncStatus(false, Optional.empty(), 0, Optional.empty(), -1,
            false, Optional.empty());

    /**
     * A status without the lists held.
     *
     * @param connected        whether connected now
     * @param lastSync         when the district last confirmed visits
     * @param waiting          visits not confirmed yet
     * @param oldestWaitingAge age of the oldest of them
     * @param diskFreeBytes    free bytes (-1 when unknown)
     * @param diskWarning      whether free space is low
     * @param problem          the last problem in words
     */
    public SyncStatus(boolean connected, Optional<Instant> lastSync, long waiting, Optional<Duration> oldestWaitingAge,
                      long diskFreeBytes, boolean diskWarning, Optional<String> problem) {
        this(connected, lastSync, waiting, oldestWaitingAge, diskFreeBytes, diskWarning, problem, Optional.empty());
    }
}

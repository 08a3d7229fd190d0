package org.warmstation.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 */
public record SyncStatus(boolean connected, Optional<Instant> lastSync, long waiting,
                         Optional<Duration> oldestWaitingAge, long diskFreeBytes, boolean diskWarning,
                         Optional<String> problem) {
    /** The status before the agent has looked at anything. */
    public static final SyncStatus INITIAL = new SyncStatus(false, Optional.empty(), 0, Optional.empty(), -1,
            false, Optional.empty());
}

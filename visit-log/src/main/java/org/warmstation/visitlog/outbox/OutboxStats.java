package org.warmstation.visitlog.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of the outbox.
 *
 * @param waiting          entries not CONFIRMED (visits the district does not hold yet)
 * @param published        of those, entries PUBLISHED and awaiting their confirmation
 * @param oldestWaitingAge age of the oldest unconfirmed entry (since it was created), or empty
 * @param lastConfirmedSeq highest seq n such that every entry 1..n still held is CONFIRMED (0 when none)
 * @param highestSeq       highest seq in the outbox (0 when empty)
 */
public record OutboxStats(long waiting, long published, Optional<Duration> oldestWaitingAge, long lastConfirmedSeq,
                          long highestSeq) {
    public OutboxStats {
        oldestWaitingAge = oldestWaitingAge == null ? Optional.empty() : oldestWaitingAge;
    }
}

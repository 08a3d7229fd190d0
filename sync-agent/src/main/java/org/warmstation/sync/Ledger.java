package org.warmstation.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.warmstation.protocol.wire.DaySummary;

/**
 * The station's day-close ledger: signed {@link DaySummary}s, one per local date, chained by hash
 * (see {@link DaySummary} and {@code docs/mqtt.md}). Implementations are thread-safe and may block
 * on storage; they throw {@code StoreException} when storage fails.
 */
public interface Ledger {
    /**
     * Closes every day not yet closed up to and including {@code date}, in date order.
     *
     * @param date the last local date to close
     * @return the summaries made now (possibly none)
     */
    List<DaySummary> closeThrough(LocalDate date);

    /** @return summaries not yet published, oldest first (at most 31) */
    List<DaySummary> unpublished();

    /**
     * @param date the summary's date
     * @param at   when the broker acknowledged its publish
     */
    void markPublished(LocalDate date, Instant at);
}

package org.warmstation.visitlog.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * The station's outbox for the MQTT sync: every visit waits here until the district has stored it.
 * Modelled on the Eclipse Kura / Kapua "data service" store (a persistent message store between
 * the application and the MQTT client), with the district application's ack, not the broker's
 * PUBACK, as the confirmation (see {@code docs/mqtt.md}).
 *
 * <h2>Life cycle of an entry</h2>
 * One entry per visit, keyed by the visit's seq:
 * <ol>
 *   <li><b>CREATED</b> — written in the same transaction as the visit (by the visit store), and
 *       again whenever the visit's services change (its revision goes up and the entry goes back
 *       to CREATED, even if it was PUBLISHED or CONFIRMED);</li>
 *   <li><b>PUBLISHED</b> — {@link #markPublished}: the agent handed it to the MQTT client at QoS 1;
 *       the publish time and an attempt count are kept;</li>
 *   <li><b>CONFIRMED</b> — {@link #confirm}: the district application acknowledged the visit at
 *       that revision (a {@code VisitAck} naming its uuid, sent after the district's database
 *       commit). A broker PUBACK is <em>not</em> a confirmation. A confirmation of an older
 *       revision than the entry's current one changes nothing.</li>
 * </ol>
 *
 * <h2>Order and resend</h2>
 * {@link #due} returns entries in increasing seq order: CREATED ones, and PUBLISHED ones published
 * at least {@code resendAfter} ago (published but not confirmed: eligible again). Callers page
 * through the outbox by seq ({@code afterSeq}), holding at most one page in memory. Resending
 * makes duplicates possible; the district drops them by uuid (at-least-once + idempotent insert =
 * exactly once).
 *
 * <h2>Retention</h2>
 * CONFIRMED entries and their visits are kept for {@link #RETENTION} (180 days) after
 * confirmation, then {@link #purgeConfirmed purged} — except the visit with the highest seq, which
 * is kept so that sequence numbers never restart. Any range still held can be sent again with
 * {@link #requeue} (the district's {@code RESEND} downlink after a day-close gap).
 *
 * <h2>Full store</h2>
 * Visits are never dropped to make room: nothing here deletes an entry that is not CONFIRMED, and
 * purging only removes confirmed entries past retention. When storage is full, recording a visit
 * fails visibly (the visit store throws, the kiosk shows {@code CheckInResult.Failed}) and every
 * outbox method that writes throws {@link StoreException}; nothing already recorded is lost and
 * the caller retries later.
 *
 * <h2>Threading</h2>
 * Implementations are thread-safe; every method may block on storage (never call on the UI
 * thread). Writers other than the outbox (the visit store) may work on the same data concurrently.
 */
public interface Outbox extends AutoCloseable {
    /** How long confirmed entries are kept before {@link #purgeConfirmed} may remove them. */
    Duration RETENTION = Duration.ofDays(180);

    /**
     * The entries due for publishing, in increasing seq order: CREATED entries and PUBLISHED ones
     * whose last publish is at least {@code resendAfter} before {@code now}.
     *
     * @param afterSeq    only entries with a larger seq (0 for the start)
     * @param limit       most entries returned, at least 1
     * @param now         the current time
     * @param resendAfter how long a published entry waits for its confirmation before it is due again
     * @return at most {@code limit} visits at their current revision; empty when none is due
     * @throws StoreException when storage fails
     * @throws IllegalArgumentException when {@code limit < 1}
     */
    List<WireVisit> due(long afterSeq, int limit, Instant now, Duration resendAfter);

    /**
     * Marks entries PUBLISHED at {@code at} and counts an attempt; entries whose revision has
     * changed since the given visit was read, or that are already CONFIRMED, are left alone.
     *
     * @param visits visits as returned by {@link #due}
     * @param at     the publish time
     * @throws StoreException when storage fails
     */
    void markPublished(Collection<WireVisit> visits, Instant at);

    /**
     * Marks entries CONFIRMED because the district acknowledged these visits at these revisions.
     * Entries whose current revision is higher (services changed since) stay as they are.
     * Idempotent.
     *
     * @param visits the acknowledged visits, as they were published (uuid, seq, revision)
     * @param at     the confirmation time
     * @return how many entries changed to CONFIRMED
     * @throws StoreException when storage fails
     */
    int confirm(Collection<WireVisit> visits, Instant at);

    /**
     * Sets every entry with a seq in {@code fromSeq..toSeq} back to CREATED, whatever its state.
     *
     * @param fromSeq first seq, inclusive
     * @param toSeq   last seq, inclusive
     * @return how many entries were re-queued (entries already purged cannot be)
     * @throws StoreException when storage fails
     */
    int requeue(long fromSeq, long toSeq);

    /**
     * Removes CONFIRMED entries (and their visits) confirmed before {@code confirmedBefore},
     * keeping the visit with the highest seq.
     *
     * @param confirmedBefore usually {@code now - RETENTION}
     * @return how many entries were removed
     * @throws StoreException when storage fails
     */
    int purgeConfirmed(Instant confirmedBefore);

    /**
     * @param now the current time
     * @return counts for the staff screen and the heartbeat
     * @throws StoreException when storage fails
     */
    OutboxStats stats(Instant now);

    /** Releases the storage; idempotent. */
    @Override
    void close();
}

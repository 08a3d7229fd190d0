package org.warmstation.visitlog.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.warmstation.protocol.wire.OutboxEntry;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * The outbox of one {@link RecordKind}: every record of that kind waits here until the district has
 * stored it. The one outbox contract of the station (decisions 0040 and 0115), the same for visits
 * ({@link Outbox}) and every other kind ({@link RecordOutbox}); {@code OutboxContract} in the
 * tests runs it against every kind and every implementation. Modelled on the Eclipse Kura /
 * Kapua "data service" store (a persistent message store between the application and the MQTT
 * client), with the district application's ack, not the broker's PUBACK, as the confirmation.
 *
 * <h2>Life cycle of an entry</h2>
 * One entry per record, keyed by its per-kind seq (and identified by its uuid):
 * <ol>
 *   <li><b>CREATED</b> — written in the same transaction as the record (by whoever records it),
 *       and again whenever the record is revised (its revision goes up and the entry goes back to
 *       CREATED, even if it was PUBLISHED or CONFIRMED);</li>
 *   <li><b>PUBLISHED</b> — {@link #markPublished}: the agent handed it to the MQTT client at QoS 1;
 *       the publish time and an attempt count are kept. The agent writes this mark only for a
 *       batch whose ack has not come within a short delay (decision 0245): a batch acked sooner
 *       goes from CREATED to CONFIRMED in one write ({@link #confirmSent}), which records the same
 *       publish time and attempt. So PUBLISHED means "sent, and no ack for a few seconds";</li>
 *   <li><b>CONFIRMED</b> — {@link #confirm}: the district application acknowledged the record at
 *       that revision, in an ack it sends only after its database commit. A broker PUBACK is
 *       <em>not</em> a confirmation. A confirmation of an older revision than the entry's current
 *       one changes nothing.</li>
 * </ol>
 *
 * <h2>Order and resend</h2>
 * {@link #due} returns entries in increasing seq order: CREATED ones, and PUBLISHED ones published
 * at least {@code resendAfter} ago (published but not confirmed: eligible again). Order is defined
 * within a kind only; kinds drain independently. Callers page through the outbox by seq
 * ({@code afterSeq}), holding at most one page in memory. Resending makes duplicates possible;
 * the district drops them by uuid (at-least-once + idempotent insert = exactly once).
 *
 * <h2>Retention</h2>
 * CONFIRMED entries (and their records) are kept for {@link #RETENTION} (180 days) after
 * confirmation, then {@link #purgeConfirmed purged} — except the record with the highest seq of
 * the kind, which is kept so that sequence numbers never restart. Any range still held can be
 * sent again with {@link #requeue}.
 *
 * <h2>Full store</h2>
 * Records are never dropped to make room: nothing here deletes an entry that is not CONFIRMED, and
 * purging only removes confirmed entries past retention. When storage is full, recording fails
 * visibly (the recorder throws {@link StoreException}) and every outbox method that writes throws
 * {@link StoreException}; nothing already recorded is lost and the caller retries later.
 *
 * <h2>Threading</h2>
 * Implementations are thread-safe; every method may block on storage (never call on the UI
 * thread). Writers other than the outbox (the recorder) may work on the same data concurrently.
 *
 * @param <E> the entries: {@code WireVisit} or {@code WireRecord}
 */
public interface TypedOutbox<E extends OutboxEntry> extends AutoCloseable {
    /** How long confirmed entries are kept before {@link #purgeConfirmed} may remove them. */
    Duration RETENTION = Duration.ofDays(180);

    /** @return the kind of every entry of this outbox */
    RecordKind kind();

    /**
     * The entries due for publishing, in increasing seq order: CREATED entries and PUBLISHED ones
     * whose last publish is at least {@code resendAfter} before {@code now}.
     *
     * @param afterSeq    only entries with a larger seq (0 for the start)
     * @param limit       most entries returned, at least 1
     * @param now         the current time
     * @param resendAfter how long a published entry waits for its confirmation before it is due again
     * @return at most {@code limit} entries at their current revision; empty when none is due
     * @throws StoreException when storage fails
     * @throws IllegalArgumentException when {@code limit < 1}
     */
    List<E> due(long afterSeq, int limit, Instant now, Duration resendAfter);

    /**
     * Marks entries PUBLISHED at {@code at} and counts an attempt; entries whose revision has
     * changed since the given entry was read, or that are already CONFIRMED, are left alone.
     *
     * @param entries entries as returned by {@link #due}
     * @param at      the publish time
     * @throws StoreException when storage fails
     */
    void markPublished(Collection<E> entries, Instant at);

    /**
     * Marks entries CONFIRMED because the district acknowledged them at these revisions (or
     * later ones). Entries whose current revision is higher (revised since) stay as they are.
     * Idempotent.
     *
     * @param entries the acknowledged entries, as they were published (uuid, seq, revision)
     * @param at      the confirmation time
     * @return how many entries changed to CONFIRMED
     * @throws StoreException when storage fails
     */
    int confirm(Collection<E> entries, Instant at);

    /**
     * Entries published together (one batch) and acknowledged.
     *
     * @param entries     the acknowledged entries, as they were published
     * @param publishedAt when they were published
     * @param marked      whether {@link #markPublished} was called for this publish
     * @param <E>         the entries
     */
    record Sent<E extends OutboxEntry>(List<E> entries, Instant publishedAt, boolean marked) {
        /** @throws NullPointerException for a null list or time */
        public Sent {
            entries = List.copyOf(entries);
            java.util.Objects.requireNonNull(publishedAt, "publishedAt");
        }
    }

    /**
     * {@link #confirm} for the acknowledged entries of several publishes at once. An entry of a
     * publish that was not {@link Sent#marked marked} also gets that publish's time and an
     * attempt, as {@link #markPublished} then {@link #confirm} would have left it; implementations
     * may do that in one write per entry (SQLite does: one transaction, one statement per publish).
     *
     * @param sent the publishes, with the entries their acks name
     * @param at   the confirmation time
     * @return how many entries changed to CONFIRMED
     * @throws StoreException when storage fails
     */
    default int confirmSent(List<Sent<E>> sent, Instant at) {
        List<E> all = new java.util.ArrayList<>();
        for (Sent<E> s : sent) {
            if (!s.marked()) {
                markPublished(s.entries(), s.publishedAt());
            }
            all.addAll(s.entries());
        }
        return all.isEmpty() ? 0 : confirm(all, at);
    }

    /**
     * Opens a second handle that writes confirmations ({@link ConfirmWriter}), for a caller that
     * confirms on another thread than the one reading {@link #due} (decision 0320). The default
     * confirms through this outbox.
     *
     * @return the writer; the caller closes it before this outbox
     * @throws StoreException when it cannot be opened
     */
    default ConfirmWriter<E> openConfirmWriter() {
        return ConfirmWriter.through(this);
    }

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
     * Removes CONFIRMED entries (and their records) confirmed before {@code confirmedBefore},
     * keeping the record with the highest seq.
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

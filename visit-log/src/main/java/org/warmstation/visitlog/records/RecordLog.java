package org.warmstation.visitlog.records;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * The station's log of records other than visits (tickets, supplies, loans, ratings): where the
 * kiosk appends a record of a kind and revises it. Each append or revision is one transaction
 * that also queues the record in its kind's outbox as CREATED ({@code RecordOutbox}), as the
 * visit store does for visits: a record is never in the log without its outbox entry.
 *
 * <ul>
 *   <li>A new record gets a UUIDv7, the next seq of its kind (1, 2, 3 … per kind, never reused),
 *       revision 1 and {@code recordedAt} = now.</li>
 *   <li>A revision replaces the body, increments the revision and sets the outbox entry back to
 *       CREATED (also when it was PUBLISHED or CONFIRMED), so the new revision is sent; uuid, kind,
 *       seq and {@code recordedAt} are kept.</li>
 *   <li>Bodies are validated by the kind's body type in {@link RecordTypes}; a kind without one is
 *       refused with {@link IllegalArgumentException}.</li>
 *   <li>When storage is full the call throws {@link StoreException} and nothing is recorded;
 *       nothing recorded before is lost.</li>
 * </ul>
 *
 * <p>Thread-safe; every method blocks on storage (never call on the UI thread).
 */
public interface RecordLog extends AutoCloseable {
    /**
     * Records a new record of {@code body.kind()}.
     *
     * @param body the body, of the kind's registered type
     * @return the record as stored and queued (revision 1)
     * @throws IllegalArgumentException when the kind has no registered body type or the body is invalid
     * @throws StoreException           when storage fails (e.g. full); nothing was recorded
     */
    WireRecord append(RecordBody body);

    /**
     * Records a new record of {@code body.kind()} under an id the caller made, e.g. when the body
     * names the record's id (a ticket's id is its record's uuid).
     *
     * @param uuid the record id, a UUIDv7 not held yet
     * @param body the body, of the kind's registered type
     * @return the record as stored and queued (revision 1)
     * @throws IllegalArgumentException when the uuid is held already, the kind has no registered
     *                                  body type or the body is invalid
     * @throws StoreException           when storage fails (e.g. full); nothing was recorded
     */
    WireRecord append(UUID uuid, RecordBody body);

    /**
     * Records a new revision of a record and queues it again.
     *
     * @param uuid the record
     * @param body its new body, of the same kind
     * @return the record at its new revision
     * @throws IllegalArgumentException when there is no such record (never recorded, or purged),
     *                                  the kind differs, or the body is invalid
     * @throws StoreException           when storage fails; nothing was changed
     */
    WireRecord revise(UUID uuid, RecordBody body);

    /**
     * @param uuid a record id
     * @return the record at its current revision, or empty when not held (never recorded, or purged)
     * @throws StoreException when storage fails
     */
    Optional<WireRecord> find(UUID uuid);

    /**
     * The records of a kind in seq order, for the staff screen.
     *
     * @param kind     the kind
     * @param afterSeq only records with a larger seq (0 for the first)
     * @param limit    most records returned, at least 1
     * @return the records at their current revision
     * @throws StoreException when storage fails
     * @throws IllegalArgumentException when {@code limit < 1}
     */
    List<WireRecord> list(RecordKind kind, long afterSeq, int limit);

    /** Releases the storage; idempotent. */
    @Override
    void close();
}

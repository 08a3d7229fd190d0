package org.warmstation.visitlog.outbox;

import java.time.Instant;
import java.util.List;
import org.warmstation.protocol.wire.OutboxEntry;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * A second handle on one {@link TypedOutbox} that only writes confirmations, so that the sync agent
 * can confirm on a thread of its own while its own thread reads the next due entries and publishes
 * (decision 0320). It writes exactly what {@link TypedOutbox#confirmSent} writes, under the same
 * contract: the confirmation the district acknowledged, at the revision that was sent. For SQLite
 * it is a connection of its own to the same visit log (WAL: its writes do not block the outbox's
 * reads; writers wait for each other up to the busy timeout). Closing it leaves the outbox open.
 *
 * <p>Thread-safe; {@link #confirmSent} blocks on storage.
 *
 * @param <E> the entries
 */
public interface ConfirmWriter<E extends OutboxEntry> extends AutoCloseable {
    /**
     * As {@link TypedOutbox#confirmSent}.
     *
     * @param sent the publishes, with the entries their acks name
     * @param at   the confirmation time
     * @return how many entries changed to CONFIRMED
     * @throws StoreException when storage fails or the writer is closed
     */
    int confirmSent(List<TypedOutbox.Sent<E>> sent, Instant at);

    /** Releases the handle (idempotent); the outbox stays open. */
    @Override
    void close();

    /**
     * A writer that confirms through the outbox itself (for implementations without connections:
     * they are thread-safe already, and a second handle would gain nothing).
     *
     * @param outbox the outbox
     * @param <E>    the entries
     * @return a writer whose {@code close} does nothing
     */
    static <E extends OutboxEntry> ConfirmWriter<E> through(TypedOutbox<E> outbox) {
        java.util.Objects.requireNonNull(outbox, "outbox");
        return new ConfirmWriter<>() {
            @Override
            public int confirmSent(List<TypedOutbox.Sent<E>> sent, Instant at) {
                return outbox.confirmSent(sent, at);
            }

            @Override
            public void close() {
                // the outbox's owner closes it
            }
        };
    }
}

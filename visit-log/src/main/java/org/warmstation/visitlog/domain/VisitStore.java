package org.warmstation.visitlog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.warmstation.protocol.card.MemberCard.MemberId;

/**
 * The station's durable visit log. Every method blocks on storage; none may be called on the UI
 * thread. Implementations are thread-safe.
 */
public interface VisitStore extends AutoCloseable {

    /**
     * Records a new visit durably (committed and synced to storage before returning) together
     * with its outbox entry, assigning the next sequence number.
     *
     * @param visit the visit; its {@code sequence} is ignored and assigned here
     * @return the visit as stored, with its sequence
     * @throws StoreException when it could not be stored (e.g. disk full); nothing is half-written
     */
    Visit record(Visit visit);

    /**
     * Replaces the services of a recorded visit (durably).
     *
     * @param id       the visit
     * @param services the services now used
     * @return the updated visit
     * @throws StoreException when the visit does not exist or storage fails
     */
    Visit updateServices(UUID id, Set<Service> services);

    /**
     * @param id a visit id
     * @return the visit, if recorded
     * @throws StoreException when storage fails
     */
    Optional<Visit> find(UUID id);

    /**
     * The latest visit of a member recorded at or after an instant (for the duplicate window).
     *
     * @param member the member
     * @param since  earliest check-in instant to consider
     * @return the latest such visit
     * @throws StoreException when storage fails
     */
    Optional<Visit> latestOf(MemberId member, Instant since);

    /**
     * Visits recorded in {@code [from, to)}, in sequence order.
     *
     * @param from inclusive
     * @param to   exclusive
     * @return the visits
     * @throws StoreException when storage fails
     */
    List<Visit> between(Instant from, Instant to);

    /** Closes the store; idempotent. */
    @Override
    void close();

    /** Storage failed; the message says what, for the log and the staff screen. */
    final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean damaged;

        /**
         * @param message what failed
         * @param cause   the underlying error, or null
         */
        public StoreException(String message, Throwable cause) {
            this(message, cause, false);
        }

        /**
         * @param message what failed
         * @param cause   the underlying error, or null
         * @param damaged whether the visit log's file itself is damaged (SQLite found it corrupt)
         */
        public StoreException(String message, Throwable cause, boolean damaged) {
            super(message, cause);
            this.damaged = damaged;
        }

        /**
         * @return whether the visit log's file is damaged: writing to it again will not help, it
         *         must be set aside ({@code DamagedLog}, decision 0260)
         */
        public boolean damaged() {
            return damaged;
        }
    }
}

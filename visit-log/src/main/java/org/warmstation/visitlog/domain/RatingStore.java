package org.warmstation.visitlog.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.wire.WireRating;

/**
 * The satisfaction ratings given on the kiosk after a check-in (issue 12): at most one per visit,
 * only for the station's last visit, each written together with its {@code RATING} record of the
 * typed outbox (a changed rating revises the same record). Every method blocks on storage; none
 * may be called on the UI thread. Implementations are thread-safe.
 */
public interface RatingStore extends AutoCloseable {
    /**
     * Rates a visit, or changes its rating.
     *
     * @param visit   the visit, which must be the last one recorded at the station
     * @param answer  the answer
     * @param reasons chips for {@link RatingAnswer#DISSATISFIED}, otherwise empty
     * @return the rating as stored
     * @throws NotLastVisitException when another visit was recorded after it (or it is unknown); nothing stored
     * @throws IllegalArgumentException when reasons are given for another answer
     * @throws VisitStore.StoreException when storage fails; nothing stored
     */
    WireRating rate(UUID visit, RatingAnswer answer, List<RatingReason> reasons);

    /**
     * @param visit a visit
     * @return its rating, if it has one
     * @throws VisitStore.StoreException when storage fails
     */
    Optional<WireRating> ratingOf(UUID visit);

    /** Closes the store; idempotent. */
    @Override
    void close();

    /** A rating for a visit that is not the station's last one (or not a visit at all). */
    final class NotLastVisitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message which visit, and why */
        public NotLastVisitException(String message) {
            super(message);
        }
    }
}

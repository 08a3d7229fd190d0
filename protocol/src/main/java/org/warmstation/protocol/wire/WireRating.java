package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;

/**
 * The body of a {@code RATING} record of the typed outbox: the optional one-tap satisfaction
 * rating after a check-in (schema {@code docs/schemas/rating.schema.json}). It holds nothing about
 * the person beyond the visit it belongs to. A visit has at most one rating: changing it revises
 * the same record.
 *
 * @param visit   the uuid of the rated visit
 * @param ratedAt when it was tapped (UTC, station clock)
 * @param answer  满意 / 一般 / 不满意
 * @param reasons for {@link RatingAnswer#DISSATISFIED} the chips tapped (distinct, in enum order,
 *                possibly none); empty for the other answers
 */
public record WireRating(UUID visit, Instant ratedAt, RatingAnswer answer, List<RatingReason> reasons)
        implements RecordBody {
    /** @throws IllegalArgumentException naming the first invalid field */
    public WireRating {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(ratedAt, "ratedAt");
        Objects.requireNonNull(answer, "answer");
        List<RatingReason> given = reasons == null ? List.of() : reasons;
        if (given.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("reasons must not contain null");
        }
        if (answer != RatingAnswer.DISSATISFIED && !given.isEmpty()) {
            throw new IllegalArgumentException("only a DISSATISFIED rating has reasons");
        }
        reasons = given.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(given));
    }

    @Override
    public RecordKind kind() {
        return RecordKind.RATING;
    }
}

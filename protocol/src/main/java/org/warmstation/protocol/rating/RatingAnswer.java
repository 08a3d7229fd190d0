package org.warmstation.protocol.rating;

/** The one-tap answer of a satisfaction rating (满意度评价). */
public enum RatingAnswer {
    /** 满意. */
    SATISFIED,
    /** 一般. */
    NEUTRAL,
    /** 不满意; may carry {@link RatingReason}s. */
    DISSATISFIED
}

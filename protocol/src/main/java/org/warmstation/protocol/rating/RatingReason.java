package org.warmstation.protocol.rating;

/** Why a visitor was not satisfied: optional chips under 不满意. */
public enum RatingReason {
    /** 太冷. */
    COLD,
    /** 不干净. */
    DIRTY,
    /** 提前关门. */
    CLOSED_EARLY,
    /** 工作人员. */
    STAFF,
    /** 其他. */
    OTHER
}

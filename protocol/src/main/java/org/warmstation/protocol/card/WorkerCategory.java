package org.warmstation.protocol.card;

import java.util.Optional;

/**
 * The trade of an outdoor worker, as printed on the member card and counted in the district's
 * person-visit (人次) reports.
 *
 * <p>The {@link #code()} is the one-byte value carried in the card token (see
 * {@code docs/card-format.md}); codes are stable forever, new categories get new codes.
 */
public enum WorkerCategory {
    /** 快递员 — parcel courier. */
    COURIER(1),
    /** 外卖骑手 — food-delivery rider. */
    FOOD_DELIVERY(2),
    /** 环卫工人 — sanitation worker. */
    SANITATION(3),
    /** 出租车/网约车司机 — taxi or ride-hailing driver. */
    TAXI_RIDE_HAILING(4),
    /** 交通警察 — traffic police. */
    TRAFFIC_POLICE(5),
    /** 停车管理员 — parking attendant. */
    PARKING_ATTENDANT(6),
    /** 保安 — security guard. */
    SECURITY_GUARD(7),
    /** 其他户外劳动者 — any other outdoor worker. */
    OTHER(99);

    private final int code;

    WorkerCategory(int code) {
        this.code = code;
    }

    /** @return the one-byte wire code, 1–255 */
    public int code() {
        return code;
    }

    /**
     * Looks up a category by its wire code.
     *
     * @param code the unsigned byte read from a token
     * @return the category, or empty when no category has that code
     */
    public static Optional<WorkerCategory> fromCode(int code) {
        for (WorkerCategory c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

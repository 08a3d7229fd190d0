package org.warmstation.visitlog.domain;

/** A service of the warm station that a visit may use; several per visit. */
public enum Service {
    /** 热水 */
    HOT_WATER,
    /** 热饭 — heat a meal */
    HEAT_MEAL,
    /** 如厕 */
    TOILET,
    /** 休息 */
    REST,
    /** 取暖 — warm up */
    WARM_UP,
    /** 充电 — charge a phone */
    CHARGING,
    /** 借雨具 — borrow rain gear */
    RAIN_GEAR,
    /** 其他 */
    OTHER
}

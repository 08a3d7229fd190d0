package org.warmstation.protocol.loan;

/** What a station lends (借用): rain gear and power banks. */
public enum LoanItem {
    /** An umbrella (雨伞). */
    UMBRELLA,
    /** A raincoat (雨衣). */
    RAINCOAT,
    /** A power bank (充电宝). */
    POWER_BANK
}

package org.warmstation.protocol.loan;

/** What a {@code LOAN} record says happened. */
public enum LoanEvent {
    /** An item was lent at the recording station. */
    LENT,
    /** An item was handed back at the recording station (lent there or at another station). */
    RETURNED
}

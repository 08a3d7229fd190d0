package org.warmstation.visitlog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.protocol.wire.WireLoan;

/**
 * An item this station lent (借用).
 *
 * @param id                the loan id (UUIDv7; the uuid of its LENT record)
 * @param item              what was lent
 * @param memberId          the borrower's member id (16 hex digits), or null for a guest
 * @param lentAt            when it was lent (station clock)
 * @param returnedAt        when it came back, or null while it is out
 * @param returnedElsewhere the station where it was handed back, when that was another station
 *                          (from the district's LOANS downlink); null when out or returned here
 */
public record Loan(UUID id, LoanItem item, String memberId, Instant lentAt, Instant returnedAt,
                   String returnedElsewhere) {
    /** @throws IllegalArgumentException naming the first invalid field */
    public Loan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lentAt, "lentAt");
        if (returnedAt == null && returnedElsewhere != null) {
            throw new IllegalArgumentException("a loan out was not returned anywhere");
        }
    }

    /** @return whether it is still out */
    public boolean out() {
        return returnedAt == null;
    }

    /** @return whether a guest borrowed it */
    public boolean guest() {
        return memberId == null;
    }

    /**
     * @param now      the current time
     * @param overdue  how long a loan may be out
     * @return whether it is out and was lent longer than {@code overdue} before {@code now}
     */
    public boolean overdue(Instant now, Duration overdue) {
        return out() && lentAt.plus(overdue).isBefore(now);
    }

    /** @return the body of its LENT record */
    public WireLoan lentRecord() {
        return new WireLoan("LENT", id, item.name(), memberId, lentAt);
    }
}

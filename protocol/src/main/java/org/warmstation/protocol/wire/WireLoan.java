package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.warmstation.protocol.loan.LoanEvent;

/**
 * The body of a {@code LOAN} record of the typed outbox: one loan movement at a station (schema
 * {@code docs/schemas/loan.schema.json}). A lending is one record, its return another (recorded
 * where the item is handed back), so the district matches the two (decision 0155).
 *
 * @param event    a {@link LoanEvent} name: {@code LENT} or {@code RETURNED}
 * @param loanId   the loan's id: for {@code LENT} always (the lending record's uuid); for
 *                 {@code RETURNED} the loan handed back when the returning station knows it (it
 *                 was lent there), null when it was lent elsewhere (the district then matches it by
 *                 member and item, oldest open loan first)
 * @param item     a {@code LoanItem} name; unknown upper-case names are kept, so a newer station
 *                 never blocks an older district
 * @param memberId the borrower's member id from the card (16 lower-case hex digits), or null for a
 *                 guest (counted without identity; a guest's return always names its loan)
 * @param at       when it happened (UTC, station clock)
 */
public record WireLoan(String event, UUID loanId, String item, String memberId, Instant at) implements RecordBody {
    private static final Pattern MEMBER_HEX = Pattern.compile("[0-9a-f]{16}");

    /** @throws IllegalArgumentException naming the first invalid field */
    public WireLoan {
        Objects.requireNonNull(event, "event");
        LoanEvent e;
        try {
            e = LoanEvent.valueOf(event);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("event must be LENT or RETURNED: '" + Check.abbreviate(event) + "'");
        }
        Check.enumName("item", item);
        if (memberId != null && !MEMBER_HEX.matcher(memberId).matches()) {
            throw new IllegalArgumentException("memberId must be 16 lower-case hex digits");
        }
        Objects.requireNonNull(at, "at");
        if (loanId == null && (e == LoanEvent.LENT || memberId == null)) {
            throw new IllegalArgumentException(e == LoanEvent.LENT ? "a LENT record names its loanId"
                    : "a guest's return names its loanId");
        }
    }

    /** @return the event as an enum */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public LoanEvent loanEvent() {
        return LoanEvent.valueOf(event);
    }

    /** @return whether the borrower is a guest (no member id) */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean guest() {
        return memberId == null;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.LOAN;
    }
}

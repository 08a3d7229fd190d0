package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of a {@code LOANS} downlink: the loans a station lent as the district sees them. It lists
 * the station's loans still out and those returned lately (at any station); the station closes each
 * listed returned loan it still holds as out, and keeps what is not listed as it was (decision 0156).
 *
 * @param loans at most {@value #MAX_LOANS} entries, each loan once
 */
public record LoanStatuses(List<Entry> loans) {
    /** Most entries one downlink carries (about 150 bytes each, far below the downlink limit). */
    public static final int MAX_LOANS = 500;

    /**
     * One loan of the station.
     *
     * @param loanId          the loan id (the lending record's uuid)
     * @param item            the item name
     * @param lentAt          when it was lent (station clock)
     * @param returnedAt      when it was handed back (the returning station's clock), or null while out
     * @param returnedStation where it was handed back, or null while out
     */
    public record Entry(UUID loanId, String item, Instant lentAt, Instant returnedAt, String returnedStation) {
        /** @throws IllegalArgumentException naming the first invalid field */
        public Entry {
            Objects.requireNonNull(loanId, "loanId");
            Check.enumName("item", item);
            Objects.requireNonNull(lentAt, "lentAt");
            if ((returnedAt == null) != (returnedStation == null)) {
                throw new IllegalArgumentException("a returned loan names both when and where");
            }
            if (returnedStation != null) {
                Check.station(returnedStation);
            }
        }

        /** @return whether the loan is still out */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean open() {
            return returnedAt == null;
        }
    }

    /** @throws IllegalArgumentException on too many entries or a loan listed twice */
    public LoanStatuses {
        loans = List.copyOf(loans == null ? List.of() : loans);
        if (loans.size() > MAX_LOANS) {
            throw new IllegalArgumentException("more than " + MAX_LOANS + " loans");
        }
        if (loans.stream().map(Entry::loanId).distinct().count() != loans.size()) {
            throw new IllegalArgumentException("a loan listed twice");
        }
    }
}

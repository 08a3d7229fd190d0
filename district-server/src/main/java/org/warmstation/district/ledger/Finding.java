package org.warmstation.district.ledger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One discrepancy between a station's signed day summary and what the district stored.
 *
 * @param district district id
 * @param station  station id
 * @param day      the station-local day of the summary
 * @param kind     what is wrong
 * @param firstSeq first seq concerned, or null
 * @param lastSeq  last seq concerned, or null
 * @param detail   a sentence for the operator
 * @param epoch    the visit-log epoch of the summary (the seqs are that epoch's), never null: the
 *                 nil UUID for a summary without one
 */
public record Finding(int district, String station, LocalDate day, Kind kind, Long firstSeq, Long lastSeq,
                      String detail, UUID epoch) {

    /** Kinds of finding (the CHECK constraint of table reconciliation_finding). */
    public enum Kind {
        /** Visits of the summary's seq range missing at the district: a resend is requested. */
        GAP,
        /** Count differs although no seq is missing (should not happen; reported, never hidden). */
        COUNT_MISMATCH,
        /** All visits present, but the chain hash over their UUIDs (or the link to the previous day) differs. */
        HASH_MISMATCH,
        /** The summary's signature does not verify. */
        BAD_SIGNATURE,
        /** The summary is signed by a key other than the one pinned for the station. */
        UNKNOWN_STATION_KEY,
        /**
         * Visits the district holds for the station, epoch and day outside the seq range the
         * station's signed summary declared (e.g. a visit the station never counted, or one filed
         * under another day's seqs): reported for the operator, never deleted.
         */
        UNEXPECTED_VISITS,
        /** One seq stored with two different visit UUIDs. */
        SEQ_REUSED
    }

    public Finding {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(epoch, "epoch");
    }

    /** @return whether two findings name the same problem (kind, epoch and seq range) */
    boolean sameProblem(Finding o) {
        return kind == o.kind && epoch.equals(o.epoch) && Objects.equals(firstSeq, o.firstSeq)
                && Objects.equals(lastSeq, o.lastSeq);
    }
}

package org.warmstation.protocol.wire;

/**
 * The kinds of record a station sends to its district through its outbox (the typed outbox,
 * {@code docs/decisions/0115-typed-outbox.md}). Each kind has its own per-station sequence
 * numbers (1, 2, 3 … within the kind) and its own outbox; the order of records is defined only
 * within one kind.
 *
 * <p>{@link #VISIT} records travel as {@link WireVisit}s in {@link VisitBatch}es
 * ({@code ws.visits/1}); every other kind travels as a {@link WireRecord} in
 * {@link RecordBatch}es ({@code ws.records/1}) with a kind-specific body whose type is registered
 * in {@link RecordTypes}.
 */
public enum RecordKind {
    /** A check-in at the station ({@link WireVisit}, issue 3). */
    VISIT,
    /** A fault or wish ticket (issue 11). */
    TICKET,
    /** A supplies movement: delivery, handout, count correction (issue 12). */
    SUPPLY,
    /** A loan of rain gear or a power bank, or its return (issue 12). */
    LOAN,
    /** A satisfaction rating of a visit (issue 12). */
    RATING
}

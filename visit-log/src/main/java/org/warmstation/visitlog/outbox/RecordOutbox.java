package org.warmstation.visitlog.outbox;

import org.warmstation.protocol.wire.WireRecord;

/**
 * The outbox of one record kind other than visits ({@link #kind()}: TICKET, SUPPLY, LOAN,
 * RATING): the {@link TypedOutbox} contract over {@link WireRecord}s, which a
 * {@link org.warmstation.visitlog.records.RecordLog} appends and revises. Records are confirmed by
 * uuid and revision (a {@code RecordAck}).
 */
public interface RecordOutbox extends TypedOutbox<WireRecord> {
}

package org.warmstation.protocol.wire;

import java.util.UUID;

/**
 * What a station's outbox holds and its district acknowledges, of any {@link RecordKind}: the
 * identity the district stores once ({@link #uuid}), the position within the kind's sequence
 * ({@link #seq}) and the version ({@link #revision}) an acknowledgement confirms.
 * Implemented by {@link WireVisit} and {@link WireRecord}.
 */
public interface OutboxEntry {
    /** @return the record's kind */
    RecordKind kind();

    /** @return the record id (a UUIDv7), stored once by the district */
    UUID uuid();

    /** @return per-station, per-kind sequence number: 1, 2, 3 … without gaps */
    long seq();

    /** @return 1 when first recorded, incremented by each change */
    int revision();
}

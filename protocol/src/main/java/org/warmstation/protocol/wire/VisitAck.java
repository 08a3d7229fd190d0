package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The district's confirmation that visits are stored in its database (committed), district to
 * station on {@code ws/v1/{district}/{station}/ack} at QoS 1 (schema
 * {@code docs/schemas/ack.schema.json}). Sent after the insert committed, for new visits and for
 * duplicates alike. Only this ack — never a broker PUBACK — makes the station mark visits confirmed.
 *
 * @param schema               always {@link #SCHEMA}
 * @param district             the station's district
 * @param station              the station
 * @param batchId              the acknowledged batch
 * @param highestContiguousSeq highest n such that the district holds every seq 1..n of this
 *                             station (0 when unknown); informative, the station confirms by uuid
 * @param stored               uuids of the batch's visits now held by the district
 * @param storedAt             when the district committed them
 */
public record VisitAck(String schema, int district, String station, UUID batchId, long highestContiguousSeq,
                       List<UUID> stored, Instant storedAt) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.ack/1";

    /** @throws IllegalArgumentException naming the first invalid field */
    public VisitAck {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(batchId, "batchId");
        Check.nonNegative("highestContiguousSeq", highestContiguousSeq);
        stored = List.copyOf(Objects.requireNonNull(stored, "stored"));
        if (stored.size() > VisitBatch.MAX_VISITS) {
            throw new IllegalArgumentException("an ack names at most " + VisitBatch.MAX_VISITS + " visits");
        }
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /**
     * @param batch                the stored batch
     * @param highestContiguousSeq see the record
     * @param storedAt             commit instant
     * @return an ack naming every visit of the batch
     */
    public static VisitAck of(VisitBatch batch, long highestContiguousSeq, Instant storedAt) {
        return new VisitAck(SCHEMA, batch.district(), batch.station(), batch.batchId(), highestContiguousSeq,
                batch.visits().stream().map(WireVisit::uuid).toList(), storedAt);
    }
}

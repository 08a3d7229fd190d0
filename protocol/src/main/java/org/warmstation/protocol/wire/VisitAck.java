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
 * @param stored               uuids of the batch's visits now held by the district; empty when
 *                             {@code wholeBatch} is set
 * @param storedAt             when the district committed them
 * @param wholeBatch           null, or the number of visits of the batch (1 to
 *                             {@link VisitBatch#MAX_VISITS}) when the district holds every one of
 *                             them and the batch asked for this counted form
 *                             ({@link VisitBatch#compactAck}): about 200 bytes instead of about 40
 *                             per visit (decision 0275). The station confirms the batch only if the
 *                             count equals the visits it sent in it
 */
public record VisitAck(String schema, int district, String station, UUID batchId, long highestContiguousSeq,
                       List<UUID> stored, Instant storedAt, Integer wholeBatch) {
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
        if (wholeBatch != null && (wholeBatch < 1 || wholeBatch > VisitBatch.MAX_VISITS || !stored.isEmpty())) {
            throw new IllegalArgumentException("wholeBatch counts 1.." + VisitBatch.MAX_VISITS
                    + " visits and comes with an empty stored list, not " + wholeBatch + " and " + stored.size());
        }
    }

    /**
     * An ack naming the stored visits one by one.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public VisitAck(String schema, int district, String station, UUID batchId, long highestContiguousSeq,
                    List<UUID> stored, Instant storedAt) {
        this(schema, district, station, batchId, highestContiguousSeq, stored, storedAt, null);
    }

    /**
     * @param batch                the batch, every visit of it now held by the district
     * @param highestContiguousSeq see the record
     * @param storedAt             commit instant
     * @return an ack for every visit of the batch: counted ({@link #wholeBatch}) when the batch
     *         asked for that ({@link VisitBatch#compactAck}), else naming each uuid
     */
    public static VisitAck of(VisitBatch batch, long highestContiguousSeq, Instant storedAt) {
        if (batch.asksCountedAck()) {
            return new VisitAck(SCHEMA, batch.district(), batch.station(), batch.batchId(), highestContiguousSeq,
                    List.of(), storedAt, batch.visits().size());
        }
        return new VisitAck(SCHEMA, batch.district(), batch.station(), batch.batchId(), highestContiguousSeq,
                batch.visits().stream().map(WireVisit::uuid).toList(), storedAt, null);
    }
}

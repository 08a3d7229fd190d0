package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A batch of visits, station to district, on {@code ws/v1/{district}/{station}/visits} at QoS 1
 * (schema {@code docs/schemas/visits.schema.json}). A batch may repeat visits sent before
 * (at-least-once); the district stores each visit uuid once and answers with a {@link VisitAck}.
 *
 * @param schema   always {@link #SCHEMA}
 * @param district the sending station's district
 * @param station  the sending station
 * @param batchId  random id echoed by the ack
 * @param sentAt   when the station published it (station clock)
 * @param visits   1 to {@link #MAX_VISITS} visits in increasing seq order
 * @param epoch    the epoch of the visit log the visits come from (random, made when the log was
 *                 created; a wiped or damaged terminal starts a new log, seq 1 again, under a new
 *                 epoch), or null from a log older than epochs (or an older terminal): the
 *                 district keys visits by (station, epoch, seq), decision 0195
 * @param compactAck {@code TRUE} when the station takes a counted ack ({@link VisitAck#wholeBatch})
 *                   for a batch the district holds whole, instead of one naming every uuid; null
 *                   (absent from the JSON) otherwise, as from older stations; ignored by older
 *                   districts (decision 0275). {@code FALSE} is stored as null
 *                   ({@link #asksCountedAck})
 */
public record VisitBatch(String schema, int district, String station, UUID batchId, Instant sentAt,
                         List<WireVisit> visits, UUID epoch, Boolean compactAck) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.visits/1";
    /** Most visits in one batch. */
    public static final int MAX_VISITS = 500;

    /** @throws IllegalArgumentException naming the first invalid field */
    public VisitBatch {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(visits, "visits");
        visits = List.copyOf(visits);
        if (visits.isEmpty() || visits.size() > MAX_VISITS) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_VISITS + " visits, not " + visits.size());
        }
        compactAck = Boolean.TRUE.equals(compactAck) ? Boolean.TRUE : null;
        Set<UUID> seen = new HashSet<>();
        long last = 0;
        for (WireVisit v : visits) {
            if (v.seq() <= last) {
                throw new IllegalArgumentException("visits not in increasing seq order at seq " + v.seq());
            }
            last = v.seq();
            if (!seen.add(v.uuid())) {
                throw new IllegalArgumentException("visit " + v.uuid() + " twice in one batch");
            }
        }
    }

    /**
     * @param district the district
     * @param station  the station
     * @param sentAt   publish instant
     * @param visits   the visits, increasing seq
     * @return a batch with a new random id
     * @throws IllegalArgumentException as the constructor
     */
    public static VisitBatch of(int district, String station, Instant sentAt, List<WireVisit> visits) {
        return of(district, station, sentAt, visits, null);
    }

    /**
     * @param district the district
     * @param station  the station
     * @param sentAt   publish instant
     * @param visits   the visits, increasing seq
     * @param epoch    the visit log's epoch, or null for a log without one
     * @return a batch with a new random id
     * @throws IllegalArgumentException as the constructor
     */
    public static VisitBatch of(int district, String station, Instant sentAt, List<WireVisit> visits, UUID epoch) {
        return new VisitBatch(SCHEMA, district, station, UUID.randomUUID(), sentAt, visits, epoch);
    }

    /**
     * A batch asking for the ack that names every uuid (as stations before decision 0275 sent).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public VisitBatch(String schema, int district, String station, UUID batchId, Instant sentAt,
                      List<WireVisit> visits, UUID epoch) {
        this(schema, district, station, batchId, sentAt, visits, epoch, null);
    }

    /** @return whether the station takes a counted ack for this batch ({@link #compactAck}) */
    public boolean asksCountedAck() {
        return compactAck != null;
    }
}

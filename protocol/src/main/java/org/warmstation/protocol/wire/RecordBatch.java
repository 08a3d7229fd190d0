package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A batch of records of one kind, station to district, on {@code ws/v1/{district}/{station}/records}
 * at QoS 1 (schema {@code docs/schemas/records.schema.json}). As with visits, a batch may repeat
 * records sent before (at-least-once); the district stores each uuid once (a newer revision
 * replaces an older one) and answers with a {@link RecordAck} after its commit.
 *
 * @param schema   always {@link #SCHEMA}
 * @param district the sending station's district
 * @param station  the sending station
 * @param batchId  random id echoed by the ack
 * @param sentAt   when the station published it (station clock)
 * @param records  1 to {@link #MAX_RECORDS} records, all of one kind, in increasing seq order
 */
public record RecordBatch(String schema, int district, String station, UUID batchId, Instant sentAt,
                          List<WireRecord> records) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.records/1";
    /** Most records in one batch. */
    public static final int MAX_RECORDS = 500;

    /** @throws IllegalArgumentException naming the first invalid field */
    public RecordBatch {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(records, "records");
        records = List.copyOf(records);
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_RECORDS + " records, not " + records.size());
        }
        RecordKind kind = records.getFirst().kind();
        Set<UUID> seen = new HashSet<>();
        long last = 0;
        for (WireRecord r : records) {
            if (r.kind() != kind) {
                throw new IllegalArgumentException("a batch holds records of one kind: " + kind + " and " + r.kind());
            }
            if (r.seq() <= last) {
                throw new IllegalArgumentException("records not in increasing seq order at seq " + r.seq());
            }
            last = r.seq();
            if (!seen.add(r.uuid())) {
                throw new IllegalArgumentException("record " + r.uuid() + " twice in one batch");
            }
        }
    }

    /** @return the kind of every record of the batch */
    public RecordKind kind() {
        return records.getFirst().kind();
    }

    /**
     * @param district the district
     * @param station  the station
     * @param sentAt   publish instant
     * @param records  the records, one kind, increasing seq
     * @return a batch with a new random id
     * @throws IllegalArgumentException as the constructor
     */
    public static RecordBatch of(int district, String station, Instant sentAt, List<WireRecord> records) {
        return new RecordBatch(SCHEMA, district, station, UUID.randomUUID(), sentAt, records);
    }
}

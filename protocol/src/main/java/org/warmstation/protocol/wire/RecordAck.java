package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The district's confirmation that records are stored (committed), district to station on
 * {@code ws/v1/{district}/{station}/records-ack} at QoS 1 (schema
 * {@code docs/schemas/records-ack.schema.json}). It names each record by uuid <em>and</em> the
 * revision the district now holds: the station confirms a record only when that revision is at
 * least the one it has queued, so a revision made after the batch was sent is sent again. Records
 * of the batch the district could not store (a body its version does not know) are not named and
 * stay queued at the station.
 *
 * @param schema   always {@link #SCHEMA}
 * @param district the station's district
 * @param station  the station
 * @param batchId  the acknowledged batch
 * @param kind     the kind of the batch's records
 * @param stored   the records of the batch now held, with the revision held
 * @param storedAt when the district committed them
 */
public record RecordAck(String schema, int district, String station, UUID batchId, RecordKind kind,
                        List<Stored> stored, Instant storedAt) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.records-ack/1";

    /**
     * One stored record.
     *
     * @param uuid     the record
     * @param revision the revision the district holds (at least the one in the batch)
     */
    public record Stored(UUID uuid, int revision) {
        /** @throws IllegalArgumentException naming the first invalid field */
        public Stored {
            Objects.requireNonNull(uuid, "uuid");
            Check.positive("revision", revision);
        }
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public RecordAck {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kind, "kind");
        stored = List.copyOf(Objects.requireNonNull(stored, "stored"));
        if (stored.size() > RecordBatch.MAX_RECORDS) {
            throw new IllegalArgumentException("an ack names at most " + RecordBatch.MAX_RECORDS + " records");
        }
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /**
     * @param batch    the stored batch
     * @param stored   the records held now (a subset of the batch's, with the revisions held)
     * @param storedAt commit instant
     * @return the ack
     */
    public static RecordAck of(RecordBatch batch, List<Stored> stored, Instant storedAt) {
        return new RecordAck(SCHEMA, batch.district(), batch.station(), batch.batchId(), batch.kind(), stored, storedAt);
    }

    /**
     * @param entry an entry as it was published
     * @return whether this ack confirms that entry: same uuid, revision held at least the entry's
     */
    public boolean confirms(OutboxEntry entry) {
        for (Stored s : stored) {
            if (s.uuid().equals(entry.uuid()) && s.revision() >= entry.revision()) {
                return true;
            }
        }
        return false;
    }
}

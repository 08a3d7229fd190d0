package org.warmstation.district.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.db.StationStore;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.protocol.wire.WireRecord;

/**
 * Stores record batches idempotently in {@code station_record} (migration {@code V8}): each uuid
 * once; a higher revision replaces body and revision; the same or a lower one changes nothing.
 * Each record's body is validated by its kind's body type ({@link RecordTypes}); a record whose
 * body is not valid (or whose kind this district does not know yet), or whose uuid belongs to
 * another station or kind, is logged and left out: it is not acked, so the station keeps it. For
 * every record stored new or at a newer revision, the kind's {@link RecordSink} runs in the same
 * transaction.
 *
 * <p>Stateless apart from its registries; thread-safe; each call uses the connection it is given.
 */
public final class RecordStore {
    private static final Logger LOG = LoggerFactory.getLogger(RecordStore.class);
    private static final String UPSERT = """
            INSERT INTO station_record AS r (record_uuid, district_id, station_id, kind, seq, revision, recorded_at, body)
            VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (record_uuid) DO UPDATE
               SET body = EXCLUDED.body, revision = EXCLUDED.revision, updated_at = now()
             WHERE r.revision < EXCLUDED.revision AND r.district_id = EXCLUDED.district_id
               AND r.station_id = EXCLUDED.station_id AND r.kind = EXCLUDED.kind
            RETURNING r.revision
            """;
    private static final String HELD = """
            SELECT revision FROM station_record
             WHERE record_uuid = ?::uuid AND district_id = ? AND station_id = ? AND kind = ?
            """;

    private final RecordTypes types;
    private final RecordSinks sinks;

    /**
     * @param types the body types ({@link RecordTypes#standard()} in the product)
     * @param sinks the projections ({@link RecordSinks#standard()} in the product)
     */
    public RecordStore(RecordTypes types, RecordSinks sinks) {
        this.types = Objects.requireNonNull(types, "types");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /**
     * Stores a batch in one transaction (the station's row locked first, so two instances take
     * turns on one station), running the sinks before the commit. When this returns, everything
     * named in the result is committed.
     *
     * @param c     a connection (its auto-commit is restored)
     * @param batch a valid batch
     * @return the batch's records the district now holds, with the revision held (for the ack)
     * @throws SQLException when the database or a sink fails; then nothing of the batch is committed
     */
    public List<RecordAck.Stored> store(Connection c, RecordBatch batch) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Topics station = new Topics(batch.district(), batch.station());
            StationStore.ensureStation(c, batch.district(), batch.station());
            StationStore.lockContiguousSeq(c, batch.district(), batch.station());
            List<RecordAck.Stored> held = new ArrayList<>(batch.records().size());
            for (WireRecord r : batch.records()) {
                RecordBody body;
                try {
                    body = types.decode(r.kind(), r.body());
                } catch (WireFormatException e) {
                    LOG.warn("{}: {} record {} not stored (the station keeps it): {}", station, r.kind(), r.uuid(),
                            e.getMessage());
                    continue;
                }
                Integer revision = upsert(c, station, r, body);
                if (revision != null) {
                    held.add(new RecordAck.Stored(r.uuid(), revision));
                }
            }
            c.commit();
            return held;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** @return the revision held after this record, or null when its uuid belongs to another station or kind */
    private Integer upsert(Connection c, Topics station, WireRecord r, RecordBody body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, r.uuid().toString());
            ps.setInt(2, station.district());
            ps.setString(3, station.station());
            ps.setString(4, r.kind().name());
            ps.setLong(5, r.seq());
            ps.setInt(6, r.revision());
            ps.setTimestamp(7, Timestamp.from(r.recordedAt()));
            ps.setString(8, r.body().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    RecordSink sink = sinks.forKind(r.kind());
                    if (sink != null) {
                        sink.stored(c, station, r, body);
                    }
                    return rs.getInt(1);
                }
            }
        }
        Integer held = heldRevision(c, station, r);
        if (held == null) {
            LOG.warn("{}: record {} is held for another station or kind; not stored, not acked", station, r.uuid());
        }
        return held;
    }

    private static Integer heldRevision(Connection c, Topics station, WireRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HELD)) {
            ps.setString(1, r.uuid().toString());
            ps.setInt(2, station.district());
            ps.setString(3, station.station());
            ps.setString(4, r.kind().name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }
}

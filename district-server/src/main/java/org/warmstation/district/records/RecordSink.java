package org.warmstation.district.records;

import java.sql.Connection;
import java.sql.SQLException;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireRecord;

/**
 * A kind's projection of the records the district receives (e.g. the tickets inbox): called for
 * each record of {@link #kind()} that the district has just stored <em>new</em> or at a newer
 * revision, on the same connection and inside the same transaction as the record itself, before
 * the commit and before the ack. If it throws, the whole batch is rolled back and not acked (the
 * station sends it again), so a projection is never out of step with the records table. It is
 * not called for a duplicate (the same or an older revision).
 *
 * <p>Register a sink in {@link RecordSinks#standard()}. Called from the district's MQTT handler
 * thread, one batch at a time per instance; instances sharing the database may call it
 * concurrently for different stations (the station's row is locked for the batch).
 */
public interface RecordSink {
    /** @return the kind of record this sink projects */
    RecordKind kind();

    /**
     * @param c       the connection, inside the transaction that stored the record (do not commit)
     * @param station the sending station (district and station id)
     * @param record  the record as stored (this revision)
     * @param body    its body, already decoded and validated by the kind's body type
     * @throws SQLException when the projection fails; the batch is then rolled back
     */
    void stored(Connection c, Topics station, WireRecord record, RecordBody body) throws SQLException;
}

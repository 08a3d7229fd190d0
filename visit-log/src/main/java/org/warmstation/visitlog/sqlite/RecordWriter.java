package org.warmstation.visitlog.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.UuidV7;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * What a station-side writer of typed records (the record log, the supply and rating stores)
 * holds: a connection of its own ({@link OwnConnection}), the station's wall clock, the record
 * body types and a UUIDv7 source, plus the step they share, appending revision 1 of a new record
 * in the caller's transaction ({@link RecordRows#append}). Not thread-safe: the owner serialises
 * its calls.
 */
public final class RecordWriter implements AutoCloseable {
    private final InstantSource clock;
    private final RecordTypes types;
    private final UuidV7 ids = new UuidV7();
    private final OwnConnection connection;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @param what          the owner, for messages, e.g. "the supply store"
     * @param clock         the station's wall clock (recording and queueing times)
     * @param types         record body types ({@link RecordTypes#standard()} in the product)
     * @throws StoreException when the database cannot be opened or migrated
     */
    public RecordWriter(Path dataDirectory, String what, InstantSource clock, RecordTypes types) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.types = Objects.requireNonNull(types, "types");
        this.connection = new OwnConnection(dataDirectory, what);
    }

    /**
     * @return the open connection
     * @throws StoreException when closed
     */
    public Connection connection() {
        return connection.get();
    }

    /** @return the wall clock's time now */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @param at the time the id is made at (its leading 48 bits)
     * @return a new UUIDv7, increasing within this writer
     */
    public UUID nextId(Instant at) {
        return ids.next(at);
    }

    /**
     * @param body a record body of a registered kind
     * @return its JSON
     * @throws IllegalArgumentException when the body's type is not the one registered for its kind
     */
    public JsonNode encode(RecordBody body) {
        return types.encode(body);
    }

    /**
     * Appends revision 1 of a new record, queued (CREATED) at {@code at}, in the caller's
     * transaction: its sequence number is the kind's next.
     *
     * @param c    the connection, inside a transaction
     * @param id   the record's uuid
     * @param kind its kind
     * @param at   its recording (and queueing) time
     * @param body its JSON body ({@link #encode})
     * @return the record written
     * @throws SQLException when the database fails (the caller's transaction rolls back)
     */
    public static WireRecord appendNew(Connection c, UUID id, RecordKind kind, Instant at, JsonNode body)
            throws SQLException {
        WireRecord r = new WireRecord(id, kind, RecordRows.nextSeq(c, kind), 1, at, body);
        RecordRows.append(c, r, at);
        return r;
    }

    /** Closes the connection; idempotent. */
    @Override
    public void close() {
        connection.close();
    }
}

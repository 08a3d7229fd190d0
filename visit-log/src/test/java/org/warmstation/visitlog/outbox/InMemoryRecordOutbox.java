package org.warmstation.visitlog.outbox;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.UuidV7;
import org.warmstation.visitlog.records.RecordLog;

/**
 * The records of one kind in memory: a {@link RecordOutbox} ({@link InMemoryTypedOutbox}) that is
 * also the {@link RecordLog} for that kind (appending or revising a body of another kind is
 * refused). The same contract as {@code SqliteRecordOutbox} + {@code SqliteRecordLog}, without
 * durability. Thread-safe (calls are serialised); never blocks on I/O.
 */
public final class InMemoryRecordOutbox extends InMemoryTypedOutbox<WireRecord> implements RecordOutbox, RecordLog {
    private final RecordKind kind;
    private final RecordTypes types;
    private final InstantSource clock;
    private final UuidV7 ids = new UuidV7();

    /**
     * @param kind  the kind, not VISIT
     * @param types body types (the kind must have one)
     * @param clock recording time
     * @throws IllegalArgumentException when the kind has no body type
     */
    public InMemoryRecordOutbox(RecordKind kind, RecordTypes types, InstantSource clock) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.types = Objects.requireNonNull(types, "types");
        this.clock = Objects.requireNonNull(clock, "clock");
        types.bodyType(kind);
    }

    @Override
    public RecordKind kind() {
        return kind;
    }

    @Override
    public synchronized WireRecord append(RecordBody body) {
        return append(ids.next(clock.instant()), body);
    }

    @Override
    public synchronized WireRecord append(UUID id, RecordBody body) {
        ownKind(body);
        if (current(id).isPresent()) {
            throw new IllegalArgumentException("record " + id + " is held already");
        }
        Instant now = clock.instant();
        WireRecord r = types.record(id, nextSeq(), 1, now, body);
        add(r, now);
        return r;
    }

    @Override
    public synchronized WireRecord revise(UUID uuid, RecordBody body) {
        ownKind(body);
        WireRecord held = current(uuid).orElseThrow(() -> new IllegalArgumentException("no record " + uuid + " is held"));
        return replace(held.revised(types.encode(body)));
    }

    private void ownKind(RecordBody body) {
        if (body.kind() != kind) {
            throw new IllegalArgumentException("this log holds " + kind + " records, not " + body.kind());
        }
    }

    @Override
    public Optional<WireRecord> find(UUID uuid) {
        return current(uuid);
    }

    @Override
    public List<WireRecord> list(RecordKind of, long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        if (of != kind) {
            return List.of();
        }
        return held(afterSeq, limit);
    }
}

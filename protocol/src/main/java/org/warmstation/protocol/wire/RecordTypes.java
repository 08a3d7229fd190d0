package org.warmstation.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The body type of each {@link RecordKind} sent as a {@link WireRecord}: the registry both ends
 * use to turn a {@link RecordBody} into a record's JSON body and back, validating it (the body
 * type's constructor checks every field). A kind without a registered body type cannot be
 * recorded at a station nor stored at the district: it is refused with a message that says so.
 *
 * <p><b>Adding a kind's body</b>: write the body record (implementing {@link RecordBody}, in
 * this package, with its JSON Schema in {@code docs/schemas}) and add one entry to the map in
 * {@link #standard()}. Visits never register here: they travel as {@link WireVisit}s.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordTypes {
    private static final RecordTypes STANDARD = new RecordTypes(Map.of(
            // one entry per kind with a body type
            RecordKind.TICKET, WireTicket.class,
            RecordKind.SUPPLY, WireSupply.class,
            RecordKind.LOAN, WireLoan.class,
            RecordKind.RATING, WireRating.class
    ));

    private final Map<RecordKind, Class<? extends RecordBody>> bodies;

    private RecordTypes(Map<RecordKind, Class<? extends RecordBody>> bodies) {
        EnumMap<RecordKind, Class<? extends RecordBody>> copy = new EnumMap<>(RecordKind.class);
        bodies.forEach((k, v) -> {
            if (k == RecordKind.VISIT) {
                throw new IllegalArgumentException("VISIT has no record body: visits travel as ws.visits/1");
            }
            copy.put(k, Objects.requireNonNull(v, "body type of " + k));
        });
        this.bodies = Collections.unmodifiableMap(copy);
    }

    /** @return the body types of the product, used by the station and the district */
    public static RecordTypes standard() {
        return STANDARD;
    }

    /**
     * A registry with the given body types only (tests, or a storage layer that keeps bodies as
     * validated JSON of a generic type).
     *
     * @param bodies body type per kind
     * @return the registry
     * @throws IllegalArgumentException when {@link RecordKind#VISIT} is given
     */
    public static RecordTypes of(Map<RecordKind, Class<? extends RecordBody>> bodies) {
        return new RecordTypes(bodies);
    }

    /** @return the kinds with a body type, in enum order */
    public Set<RecordKind> kinds() {
        return bodies.keySet();
    }

    /**
     * @param kind a kind
     * @return whether records of this kind can be recorded and stored
     */
    public boolean supports(RecordKind kind) {
        return bodies.containsKey(kind);
    }

    /**
     * @param kind a kind
     * @return its body type
     * @throws IllegalArgumentException naming the kind when it has no body type (yet)
     */
    public Class<? extends RecordBody> bodyType(RecordKind kind) {
        Objects.requireNonNull(kind, "kind");
        Class<? extends RecordBody> type = bodies.get(kind);
        if (type == null) {
            throw new IllegalArgumentException(kind == RecordKind.VISIT
                    ? "VISIT records travel as visits (ws.visits/1), not as typed records"
                    : "no body type is registered for record kind " + kind + " (yet): it cannot be recorded or stored");
        }
        return type;
    }

    /**
     * Encodes a body, checking it is of its kind's registered type.
     *
     * @param body the body
     * @return its JSON object
     * @throws IllegalArgumentException when its kind has no body type or another one
     */
    public JsonNode encode(RecordBody body) {
        Objects.requireNonNull(body, "body");
        Class<? extends RecordBody> type = bodyType(body.kind());
        if (!type.isInstance(body)) {
            throw new IllegalArgumentException("a " + body.kind() + " body is a " + type.getSimpleName() + ", not a "
                    + body.getClass().getSimpleName());
        }
        JsonNode tree = Wire.toTree(body);
        decode(body.kind(), tree); // what is written must read back (e.g. no field the type cannot read)
        return tree;
    }

    /**
     * Decodes and validates a record body.
     *
     * @param kind the record's kind
     * @param body its JSON body, possibly hostile
     * @return the valid body
     * @throws WireFormatException when the kind has no body type or the body is not a valid one;
     *                             never another exception
     */
    public RecordBody decode(RecordKind kind, JsonNode body) {
        Class<? extends RecordBody> type;
        try {
            type = bodyType(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
        if (body == null || !body.isObject()) {
            throw new WireFormatException(kind + " body must be a JSON object");
        }
        RecordBody value = Wire.fromTree(body, type);
        if (value.kind() != kind) {
            throw new WireFormatException(type.getSimpleName() + " of kind " + value.kind() + " in a " + kind + " record");
        }
        return value;
    }

    /**
     * @param record a record
     * @param type   the expected body type
     * @param <B>    the body type
     * @return its valid body
     * @throws WireFormatException when the body is not a valid one of that kind
     * @throws IllegalArgumentException when {@code type} is not the kind's body type
     */
    public <B extends RecordBody> B body(WireRecord record, Class<B> type) {
        if (!type.equals(bodies.get(record.kind()))) {
            throw new IllegalArgumentException(record.kind() + " bodies are not " + type.getSimpleName());
        }
        return type.cast(decode(record.kind(), record.body()));
    }

    /**
     * @param uuid       the record id
     * @param seq        its per-kind sequence number
     * @param revision   its revision
     * @param recordedAt first recording time
     * @param body       the body (its kind is the record's)
     * @return the wire record
     * @throws IllegalArgumentException as {@link #encode} and the {@link WireRecord} constructor
     */
    public WireRecord record(UUID uuid, long seq, int revision, Instant recordedAt, RecordBody body) {
        return new WireRecord(uuid, body.kind(), seq, revision, recordedAt, encode(body));
    }
}

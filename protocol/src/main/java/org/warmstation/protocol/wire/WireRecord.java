package org.warmstation.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One record of a kind other than {@link RecordKind#VISIT} inside a {@link RecordBatch}, as the
 * station's record log holds it (schema {@code docs/schemas/records.schema.json}). The envelope
 * fields are the same for every kind; the {@code body} is a JSON object whose shape the kind's
 * body type ({@link RecordTypes}) defines and validates. A {@code WireRecord} itself checks only
 * that the body is a JSON object of at most {@link #MAX_BODY_CHARS}; decode it with
 * {@link RecordTypes#body}.
 *
 * <p>Immutable: the body is copied in and out.
 *
 * @param uuid       the record id (UUIDv7); the district stores each uuid once
 * @param kind       the kind (never {@link RecordKind#VISIT})
 * @param seq        per-station, per-kind sequence number, 1, 2, 3 … with no gaps
 * @param revision   1 when first recorded; incremented each time the station revises the record
 * @param recordedAt when the record was first recorded (station clock, UTC); kept by revisions
 * @param body       the kind-specific body, a JSON object
 */
public record WireRecord(UUID uuid, RecordKind kind, long seq, int revision, Instant recordedAt, JsonNode body)
        implements OutboxEntry {
    /** Largest body, as compact JSON text: 16 Ki characters. */
    public static final int MAX_BODY_CHARS = 16 * 1024;

    /** @throws IllegalArgumentException naming the first invalid field */
    public WireRecord {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(kind, "kind");
        if (kind == RecordKind.VISIT) {
            throw new IllegalArgumentException("VISIT records travel as visits (ws.visits/1), not as records");
        }
        Check.positive("seq", seq);
        Check.positive("revision", revision);
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        if (body.toString().length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("body longer than " + MAX_BODY_CHARS + " characters of JSON");
        }
        body = body.deepCopy();
    }

    /** @return a copy of the body (changing it does not change this record) */
    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /**
     * @param newBody the body of the next revision
     * @return this record at revision + 1 with that body (uuid, kind, seq and recordedAt kept)
     * @throws IllegalArgumentException when the body is not a valid JSON object
     */
    public WireRecord revised(JsonNode newBody) {
        return new WireRecord(uuid, kind, seq, revision + 1, recordedAt, newBody);
    }
}

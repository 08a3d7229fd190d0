package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records other than visits on the wire: envelope, batch, ack, and the body registry per kind. */
class RecordWireTest {
    /** A body for tests: a note, of whatever kind it names. */
    record NoteBody(RecordKind kind, String note) implements RecordBody {
        NoteBody {
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException("note must not be blank");
            }
        }
    }

    private static final RecordTypes TYPES = RecordTypes.of(Map.of(RecordKind.SUPPLY, NoteBody.class));
    private static final UUID ID = UUID.fromString("0193a5c2-7d4e-7abc-8def-0123456789ad");

    static WireRecord supply(long seq, int revision) {
        return TYPES.record(ID, seq, revision, WireSamples.T, new NoteBody(RecordKind.SUPPLY, "gloves +20"));
    }

    @Test
    void aRecordBatchAndItsAckRoundTripThroughTheWire() {
        RecordBatch batch = RecordBatch.of(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, List.of(supply(3, 2)));
        RecordBatch back = Wire.decode(Wire.encode(batch), RecordBatch.class);
        assertEquals(batch, back);
        assertEquals(RecordKind.SUPPLY, back.kind());
        assertEquals(new NoteBody(RecordKind.SUPPLY, "gloves +20"), TYPES.body(back.records().getFirst(), NoteBody.class));
        RecordAck ack = RecordAck.of(batch, List.of(new RecordAck.Stored(ID, 2)), WireSamples.T);
        assertEquals(ack, Wire.decode(Wire.encode(ack), RecordAck.class));
        assertTrue(ack.confirms(supply(3, 2)));
        assertTrue(ack.confirms(supply(3, 1)), "a later revision held confirms an older one");
        assertFalse(ack.confirms(supply(3, 3)), "a revision made after the batch is not confirmed");
    }

    @Test
    void aVisitStaysAVisitOnTheWire() {
        String json = new String(Wire.encode(WireSamples.batch()), StandardCharsets.UTF_8);
        assertFalse(json.contains("\"kind\""), json);
        assertEquals(RecordKind.VISIT, WireSamples.cardVisit(1).kind());
    }

    @Test
    void kindsWithoutABodyTypeAreRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TYPES.bodyType(RecordKind.LOAN));
        assertTrue(e.getMessage().contains("no body type is registered for record kind LOAN"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TYPES.bodyType(RecordKind.VISIT))
                .getMessage().contains("ws.visits/1"));
        assertThrows(IllegalArgumentException.class, () -> TYPES.encode(new NoteBody(RecordKind.RATING, "good")));
        assertThrows(WireFormatException.class, () -> TYPES.decode(RecordKind.RATING, supply(1, 1).body()));
        assertThrows(IllegalArgumentException.class, () -> RecordTypes.of(Map.of(RecordKind.VISIT, NoteBody.class)));
    }

    @Test
    void anInvalidBodyIsAWireFormatException() {
        ObjectNode body = (ObjectNode) supply(1, 1).body();
        body.put("note", " ");
        assertThrows(WireFormatException.class, () -> TYPES.decode(RecordKind.SUPPLY, body));
        body.put("note", "ok").put("kind", "LOAN");
        assertThrows(WireFormatException.class, () -> TYPES.decode(RecordKind.SUPPLY, body), "body of another kind");
        assertThrows(WireFormatException.class, () -> TYPES.decode(RecordKind.SUPPLY, body.arrayNode()));
    }

    @Test
    void batchesHoldOneKindInSeqOrderAndRecordsAreNeverVisits() {
        WireRecord a = supply(1, 1);
        WireRecord b = new WireRecord(UUID.randomUUID(), RecordKind.LOAN, 2, 1, WireSamples.T, a.body());
        assertThrows(IllegalArgumentException.class,
                () -> RecordBatch.of(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, List.of(a, b)));
        WireRecord c = new WireRecord(UUID.randomUUID(), RecordKind.SUPPLY, 1, 1, WireSamples.T, a.body());
        assertThrows(IllegalArgumentException.class,
                () -> RecordBatch.of(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, List.of(a, c)));
        assertThrows(IllegalArgumentException.class,
                () -> new WireRecord(ID, RecordKind.VISIT, 1, 1, WireSamples.T, a.body()));
        assertThrows(IllegalArgumentException.class,
                () -> new WireRecord(ID, RecordKind.SUPPLY, 1, 1, WireSamples.T, a.body().get("note")));
        ObjectNode changed = (ObjectNode) a.body();
        changed.put("note", "changed");
        assertEquals("gloves +20", a.body().get("note").asText(), "a record's body cannot be changed from outside");
    }

    @Test
    void malformedRecordPayloadsAreWireFormatExceptions() {
        byte[] bad = "{\"schema\":\"ws.records/1\",\"district\":110105,\"station\":\"cy-0042\",\"batchId\":\"0193a5c2-7d4e-7abc-8def-0123456789ad\",\"sentAt\":\"2026-11-21T08:15:30Z\",\"records\":[{\"uuid\":\"0193a5c2-7d4e-7abc-8def-0123456789ad\",\"kind\":\"PARCEL\",\"seq\":1,\"revision\":1,\"recordedAt\":\"2026-11-21T08:15:30Z\",\"body\":{}}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(WireFormatException.class, () -> Wire.decode(bad, RecordBatch.class), "unknown kind");
        byte[] nullBody = new String(bad, StandardCharsets.UTF_8).replace("PARCEL", "TICKET").replace("{}", "null")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(WireFormatException.class, () -> Wire.decode(nullBody, RecordBatch.class), "null body");
    }
}

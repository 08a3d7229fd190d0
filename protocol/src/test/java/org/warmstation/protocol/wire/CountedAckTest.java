package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The counted visit ack a batch may ask for (decision 0275), and both sides' older forms. */
class CountedAckTest {

    private static VisitBatch compact(List<WireVisit> visits) {
        return new VisitBatch(VisitBatch.SCHEMA, WireSamples.DISTRICT, WireSamples.STATION, UUID.randomUUID(),
                WireSamples.T, visits, WireSamples.EPOCH, true);
    }

    private static List<WireVisit> hundredVisits() {
        List<WireVisit> vs = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            WireVisit v = WireSamples.cardVisit(i);
            vs.add(new WireVisit(UUID.randomUUID(), i, 1, v.recordedAt(), v.zone(), v.memberId(), v.cardSerial(),
                    v.category(), v.services(), v.source(), v.clockSynced(), v.sinceBootMs()));
        }
        return vs;
    }

    @Test
    void batchAskingForCountedAckGetsOneThatCountsInsteadOfNaming() {
        VisitBatch batch = compact(hundredVisits());
        VisitAck ack = VisitAck.of(Wire.decode(Wire.encodeCompressed(batch), VisitBatch.class), 100, WireSamples.T);
        assertEquals(100, ack.wholeBatch());
        assertEquals(List.of(), ack.stored());
        assertEquals(ack, Wire.decode(Wire.encode(ack), VisitAck.class));
        int counted = Wire.encode(ack).length;
        int named = Wire.encode(VisitAck.of(new VisitBatch(batch.schema(), batch.district(), batch.station(),
                batch.batchId(), batch.sentAt(), batch.visits(), batch.epoch()), 100, WireSamples.T)).length;
        System.out.printf("ack of 100 visits: %d bytes counted, %d bytes naming each%n", counted, named);
        assertTrue(counted < 300 && named > 3_000, counted + " vs " + named);
    }

    @Test
    void olderStationsBatchWithoutTheFieldGetsTheNamingAck() {
        String json = new String(Wire.encode(WireSamples.batch()), StandardCharsets.UTF_8);
        assertFalse(json.contains("compactAck"), json);
        VisitBatch old = Wire.decode(json.getBytes(StandardCharsets.UTF_8), VisitBatch.class);
        assertFalse(old.asksCountedAck());
        assertFalse(Wire.decode(json.replace("\"visits\":", "\"compactAck\":false,\"visits\":")
                .getBytes(StandardCharsets.UTF_8), VisitBatch.class).asksCountedAck());
        VisitAck ack = VisitAck.of(old, 8, WireSamples.T);
        assertNull(ack.wholeBatch());
        assertEquals(List.of(WireSamples.cardVisit(7).uuid(), WireSamples.guestVisit(8).uuid()), ack.stored());
    }

    @Test
    void olderDistrictsAckWithoutTheFieldStillDecodes() {
        VisitAck named = VisitAck.of(WireSamples.batch(), 8, WireSamples.T);
        String json = new String(Wire.encode(named), StandardCharsets.UTF_8);
        assertFalse(json.contains("wholeBatch"), json);
        assertEquals(named, Wire.decode(json.getBytes(StandardCharsets.UTF_8), VisitAck.class));
    }

    @Test
    void countedAckRefusesNamesZeroAndTooMany() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> new VisitAck(VisitAck.SCHEMA, 110105, "s", id, 0,
                List.of(UUID.randomUUID()), WireSamples.T, 1));
        assertThrows(IllegalArgumentException.class, () -> new VisitAck(VisitAck.SCHEMA, 110105, "s", id, 0,
                List.of(), WireSamples.T, 0));
        assertThrows(IllegalArgumentException.class, () -> new VisitAck(VisitAck.SCHEMA, 110105, "s", id, 0,
                List.of(), WireSamples.T, VisitBatch.MAX_VISITS + 1));
        String bad = new String(Wire.encode(new VisitAck(VisitAck.SCHEMA, 110105, "s", id, 0, List.of(), WireSamples.T,
                3)), StandardCharsets.UTF_8).replace("\"wholeBatch\":3", "\"wholeBatch\":-3");
        assertThrows(WireFormatException.class, () -> Wire.decode(bad.getBytes(StandardCharsets.UTF_8), VisitAck.class));
    }
}

package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HostileBytesTest {
    private static final List<Class<?>> TYPES = List.of(VisitBatch.class, VisitAck.class, StationStatus.class,
            Telemetry.class, Downlink.class, DownlinkCommand.class, DownlinkAck.class, DaySummary.class, RecordBatch.class,
            RecordAck.class);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "null", "[]", "{}", "42", "\"text\"", "{\"schema\":", "{\"schema\":\"ws.visits/1\"}",
        "{\"schema\":\"ws.visits/2\",\"district\":1,\"station\":\"s\"}",
        "{\"schema\":\"ws.visits/1\",\"district\":1,\"station\":\"s\",\"batchId\":\"not-a-uuid\"}",
        "{\"schema\":\"ws.ack/1\",\"district\":1,\"station\":\"s\",\"batchId\":\"0193a5c2-7d4e-7abc-8def-0123456789ab\","
                + "\"highestContiguousSeq\":-1,\"stored\":[],\"storedAt\":\"2026-01-01T00:00:00Z\"}",
        "{\"schema\":\"ws.ack/1\"} trailing",
        "\u0000\u0001\u0002\u00ff"
    })
    void malformedTextGivesWireFormatExceptionForEveryType(String text) {
        for (Class<?> type : TYPES) {
            WireFormatException e = assertThrows(WireFormatException.class, () -> Wire.decode(utf8(text), type),
                    () -> type.getSimpleName() + " accepted: " + text);
            assertTrue(e.getMessage().startsWith(type.getSimpleName()) || e.getMessage().contains("downlink"),
                    e.getMessage());
        }
    }

    @Test
    void randomBytesAndTruncatedPayloadsNeverThrowAnythingElse() {
        Random r = new Random(20261121);
        byte[] good = Wire.encode(WireSamples.batch());
        for (int i = 0; i < 2000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[r.nextInt(300)];
                r.nextBytes(b);
            } else {
                b = java.util.Arrays.copyOf(good, r.nextInt(good.length));
                if (b.length > 0) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            for (Class<?> type : TYPES) {
                try {
                    Wire.decode(b, type);
                } catch (WireFormatException expected) {
                    // the one allowed outcome besides a valid record
                } catch (Throwable t) {
                    fail(type.getSimpleName() + " threw " + t + " for bytes #" + i, t);
                }
            }
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutStackOverflow() {
        String deep = "{\"visits\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThrows(WireFormatException.class, () -> Wire.decode(utf8(deep), VisitBatch.class, Integer.MAX_VALUE));
    }

    @Test
    void oversizedPayloadIsRefusedBeforeParsing() {
        byte[] big = new byte[Wire.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        WireFormatException e = assertThrows(WireFormatException.class, () -> Wire.decode(big, VisitBatch.class));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        assertThrows(WireFormatException.class, () -> Wire.decode(null, VisitBatch.class));
    }

    @Test
    void visitWithInvalidFieldsIsRefusedNamingTheField() {
        String json = new String(Wire.encode(WireSamples.batch()), StandardCharsets.UTF_8);
        String badMember = json.replace("00112233aabbccdd", "XYZ");
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> Wire.decode(utf8(badMember), VisitBatch.class));
        assertTrue(e.getMessage().contains("memberId"), e.getMessage());
        String badZone = json.replaceFirst("Asia/Shanghai", "Mars/Olympus");
        assertThrows(WireFormatException.class, () -> Wire.decode(utf8(badZone), VisitBatch.class));
        String nullSeq = json.replaceFirst("\"seq\":7", "\"seq\":null");
        assertThrows(WireFormatException.class, () -> Wire.decode(utf8(nullSeq), VisitBatch.class));
    }

    @Test
    void unknownFieldsFromANewerSenderAreIgnored() {
        String json = new String(Wire.encode(WireSamples.status()), StandardCharsets.UTF_8);
        String extended = json.replaceFirst("\\{", "{\"futureField\":{\"a\":[1,2]},");
        assertEquals(WireSamples.status(), Wire.decode(utf8(extended), StationStatus.class));
    }
}

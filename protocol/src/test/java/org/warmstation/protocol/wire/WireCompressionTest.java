package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** gzip-compressed payloads (decision 0240): what the stations send, what every decode accepts, and the limits. */
class WireCompressionTest {
    private static VisitBatch hundredVisits() {
        List<WireVisit> visits = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            visits.add(new WireVisit(UUID.randomUUID(), i, 1, Instant.parse("2026-12-06T08:00:00Z").plusSeconds(37L * i),
                    "Asia/Shanghai", String.format("%016x", 0x9e3779b97f4a7c15L * i), 4000 + i,
                    i % 3 == 0 ? "SANITATION" : "COURIER", List.of("HOT_WATER", "REST"), "CARD", true, 1000L * i));
        }
        return VisitBatch.of(WireSamples.DISTRICT, WireSamples.STATION, Instant.parse("2026-12-06T09:00:00Z"), visits);
    }

    @Test
    void batchOfHundredVisitsTravelsCompressedAndDecodesToTheSameBatch() {
        VisitBatch batch = hundredVisits();
        byte[] json = Wire.encode(batch);
        byte[] sent = Wire.encodeCompressed(batch);

        assertTrue(Wire.isCompressed(sent));
        assertEquals(batch, Wire.decode(sent, VisitBatch.class));
        assertTrue(sent.length * 3 < json.length, sent.length + " compressed bytes of " + json.length);
        System.out.printf("100 visits: %d bytes JSON, %d gzip (%.0f %%)%n", json.length, sent.length,
                100.0 * sent.length / json.length);
    }

    @Test
    void smallPayloadStaysPlainJson() {
        VisitBatch two = WireSamples.batch();
        byte[] sent = Wire.encodeCompressed(two);

        assertFalse(Wire.isCompressed(sent));
        assertArrayEquals(Wire.encode(two), sent);
        assertEquals('{', sent[0]);
    }

    @Test
    void everyKindDecodesFromGzipToo() throws IOException {
        Telemetry t = WireSamples.telemetry();

        assertEquals(t, Wire.decode(gzip(Wire.encode(t)), Telemetry.class));
    }

    @Test
    void decodeRefusesGzipThatInflatesBeyondTheLimit() throws IOException {
        byte[] filler = new byte[Wire.MAX_PAYLOAD_BYTES + 10];
        Arrays.fill(filler, (byte) ' ');
        byte[] bomb = gzip(filler); // about a kilobyte that inflates past 1 MiB

        assertTrue(bomb.length < 10_000, "the bomb is small: " + bomb.length);
        WireFormatException e = assertThrows(WireFormatException.class, () -> Wire.decode(bomb, VisitBatch.class));
        assertTrue(e.getMessage().contains("inflates beyond"), e.getMessage());
    }

    @Test
    void decodeRefusesTruncatedGzipWithAClearMessage() {
        byte[] sent = Wire.encodeCompressed(hundredVisits());
        byte[] cut = Arrays.copyOf(sent, sent.length / 2);

        WireFormatException e = assertThrows(WireFormatException.class, () -> Wire.decode(cut, VisitBatch.class));
        assertTrue(e.getMessage().contains("bad gzip"), e.getMessage());
    }

    @Test
    void gzipMagicAloneIsRefusedNotThrownThrough() {
        byte[] magic = {(byte) 0x1f, (byte) 0x8b};

        assertThrows(WireFormatException.class, () -> Wire.decode(magic, VisitAck.class));
        assertEquals("[]", new String(Wire.json("[]".getBytes(StandardCharsets.UTF_8), 10), StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}

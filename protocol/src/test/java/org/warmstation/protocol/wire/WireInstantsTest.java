package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wire's fast instant parser gives what {@code ISO_INSTANT} gives, or leaves the text to it (decision 0315). */
class WireInstantsTest {
    /** The wire mapper as it was before decision 0315: jsr310 alone. */
    private static final ObjectMapper JSR310 = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    static Instant iso(String text) {
        return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    @Test
    void canonicalTextParsesAsIsoInstant() {
        Random random = new Random(20261207);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + Math.floorMod(random.nextLong(), max - min + 1),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = withFractionDigits(instant, random.nextInt(10));
            assertEquals(iso(text), WireInstants.parseCanonical(text), text);
        }
    }

    @Test
    void edgeDatesParseAsIsoInstant() {
        for (String text : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z",
                "2024-02-29T23:59:59.5Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "2026-12-07T02:51:07.123Z", "2019-06-30T00:00:00.000000001Z", "2026-04-30T08:00:00Z")) {
            assertEquals(iso(text), WireInstants.parseCanonical(text), text);
        }
    }

    @Test
    void otherShapesAreLeftToIsoInstant() {
        for (String text : List.of("2026-12-07t02:51:07z", "2026-12-07T24:00:00Z", "2026-12-31T23:59:60Z",
                "2026-12-07T02:51:07+08:00", "+12026-12-07T02:51:07Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z",
                "2026-12-07T02:51:07.Z", "2026-12-07T02:51:07.1234567890Z", "２０２６-12-07T02:51:07Z",
                " 2026-12-07T02:51:07Z", "2026-12-07T02:51:07Z ", "2026-12-07 02:51:07Z", "2026-12-07T02:60:00Z",
                "2026-12-07T02:51Z", "2026-12-07T2:51:07Z", "-026-12-07T02:51:07Z", "2026-12-07T02:51:07,5Z")) {
            assertNull(WireInstants.parseCanonical(text), text);
        }
    }

    @Test
    void wireMapperReadsInstantsWithTheFastParser() throws Exception {
        DefaultDeserializationContext ctxt = ((DefaultDeserializationContext) Wire.MAPPER.getDeserializationContext())
                .createInstance(Wire.MAPPER.getDeserializationConfig(), null, null);
        assertInstanceOf(WireInstants.Deserializer.class,
                ctxt.findRootValueDeserializer(Wire.MAPPER.constructType(Instant.class)));
    }

    @Test
    void wireMapperAndJsr310AgreeOnEveryShape() throws Exception {
        for (String json : List.of("\"2026-12-07T02:51:07.123Z\"", "\"2026-12-07t02:51:07z\"", "\"2026-12-07T24:00:00Z\"",
                "\"2026-12-07T02:51:07+08:00\"", "\"2026-02-29T00:00:00Z\"", "\" 2026-12-07T02:51:07Z \"",
                "1765075867", "1765075867.5", "\"1765075867\"", "\"\"", "\"not a time\"", "true", "[1]", "null")) {
            assertEquals(outcome(JSR310, json), outcome(Wire.MAPPER, json), json);
        }
    }

    @Test
    void visitBatchDecodesAsWithJsr310() throws Exception {
        byte[] json = Wire.encode(WireSamples.batch());
        VisitBatch fast = Wire.decode(json, VisitBatch.class);
        assertNotNull(fast);
        assertEquals(JSR310.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(json, VisitBatch.class), fast);
    }

    /** @return the instant read, or the class of the failure */
    private static Object outcome(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Instant.class));
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    /** @return the instant as ISO-8601 UTC text with exactly {@code digits} fraction digits (truncated) */
    static String withFractionDigits(Instant instant, int digits) {
        String whole = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond()));
        if (digits == 0) {
            return whole;
        }
        String nanos = String.format("%09d", instant.getNano()).substring(0, digits);
        return whole.substring(0, whole.length() - 1) + "." + nanos + "Z";
    }
}

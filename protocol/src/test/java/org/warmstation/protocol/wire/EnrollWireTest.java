package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The enrollment handshake's records and topics (decision 0181). */
class EnrollWireTest {
    private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    private static EnrollRequest request() {
        return new EnrollRequest(EnrollRequest.SCHEMA, 110105, "CY-0042", "0123456789abcdef", "5f0c9a52-1b6e-4c1e-9a57-0c1d2e3f4a5b",
                "MCowBQYDK2VwAyEA", null, "0.1.0", T);
    }

    @Test
    void requestAndRepliesRoundTrip() {
        EnrollRequest r = request();
        assertEquals(r, Wire.decode(Wire.encode(r), EnrollRequest.class));
        EnrollReply ok = EnrollReply.accepted(r, "abcdefghijklmnopqrstuvwx", T);
        assertEquals(ok, Wire.decode(Wire.encode(ok), EnrollReply.class));
        EnrollReply no = EnrollReply.refused(r, EnrollReply.Refusal.ALREADY_USED, T);
        EnrollReply back = Wire.decode(Wire.encode(no), EnrollReply.class);
        assertEquals(EnrollReply.Refusal.ALREADY_USED, back.reason());
        assertEquals(null, back.password());
    }

    @Test
    void replyNeverShowsThePasswordInItsText() {
        EnrollReply ok = EnrollReply.accepted(request(), "abcdefghijklmnopqrstuvwx", T);
        assertFalse(ok.toString().contains("abcdefghijklmnopqrstuvwx"), ok.toString());
    }

    @Test
    void refusesAMalformedCodeIdOrAnAcceptedReplyWithoutPassword() {
        byte[] bad = new String(Wire.encode(request()), StandardCharsets.UTF_8)
                .replace("0123456789abcdef", "0123").getBytes(StandardCharsets.UTF_8);
        assertThrows(WireFormatException.class, () -> Wire.decode(bad, EnrollRequest.class));
        assertThrows(IllegalArgumentException.class, () -> new EnrollReply(EnrollReply.SCHEMA, 110105, "CY-0042",
                "0123456789abcdef", "t", EnrollReply.Outcome.ACCEPTED, null, null, T));
    }

    @Test
    void enrollmentAccountIsNoStationAndOwnsTheRequestTopic() {
        String topic = EnrollTopics.request(110105, "CY-0042");
        assertEquals("ws/v1/110105/enroll.CY-0042/enroll", topic);
        assertEquals("ws/v1/110105/enroll.CY-0042/enroll-reply", EnrollTopics.reply(110105, "CY-0042"));
        assertEquals(Optional.of("CY-0042"), EnrollTopics.requestingStation(topic));
        assertEquals(Optional.empty(), EnrollTopics.requestingStation("ws/v1/110105/CY-0042/enroll"));
        assertTrue(Topics.parse("ws/v1/110105/enroll.CY-0042/visits").isEmpty(), "an enrollment account is no station");
    }

    @Test
    void recordsConformToTheirPublishedSchemas() throws Exception {
        var factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);
        java.nio.file.Path schemas = java.nio.file.Path.of(System.getProperty("user.dir")).resolve("../docs/schemas").normalize();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        EnrollRequest r = request();
        for (var c : java.util.Map.of("enroll.schema.json", (Object) r,
                "enroll-reply.schema.json", EnrollReply.accepted(r, "abcdefghijklmnopqrstuvwx", T)).entrySet()) {
            var schema = factory.getSchema(java.nio.file.Files.readString(schemas.resolve(c.getKey())));
            assertEquals(java.util.Set.of(), schema.validate(json.readTree(Wire.encode(c.getValue()))), c.getKey());
        }
        var schema = factory.getSchema(java.nio.file.Files.readString(schemas.resolve("enroll-reply.schema.json")));
        assertEquals(java.util.Set.of(), schema.validate(json.readTree(Wire.encode(
                EnrollReply.refused(r, EnrollReply.Refusal.ALREADY_USED, T)))));
        assertFalse(schema.validate(json.readTree("{\"schema\":\"ws.enroll-reply/1\",\"district\":110105,"
                + "\"station\":\"CY-0042\",\"codeId\":\"0123456789abcdef\",\"terminalId\":\"t\","
                + "\"outcome\":\"ACCEPTED\",\"at\":\"2026-12-06T08:00:00Z\"}")).isEmpty(), "accepted without password");
    }
}

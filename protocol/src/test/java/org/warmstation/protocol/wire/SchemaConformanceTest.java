package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.DistrictKey;

/** The JSON Schemas in docs/schemas describe what {@link Wire} writes, and refuse what it refuses. */
class SchemaConformanceTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("user.dir")).resolve("../docs/schemas").normalize();
    private final ObjectMapper json = new ObjectMapper();

    private JsonSchema schema(String file) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(file)));
    }

    private Set<ValidationMessage> validate(String file, Object record) throws Exception {
        return schema(file).validate(json.readTree(Wire.encode(record)));
    }

    @Test
    void everyEncodedRecordConformsToItsPublishedSchema() throws Exception {
        DistrictKey key = DistrictKey.generate(WireSamples.DISTRICT);
        var cmd = DownlinkCommand.settings(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T,
                new StationSettings(300, List.of("HOT_WATER"), "寒潮预警"));
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertEquals(Set.of(), validate("visits.schema.json", WireSamples.batch()));
        assertEquals(Set.of(), validate("ack.schema.json", VisitAck.of(WireSamples.batch(), 8, WireSamples.T)));
        VisitBatch compact = new VisitBatch(VisitBatch.SCHEMA, WireSamples.DISTRICT, WireSamples.STATION,
                java.util.UUID.randomUUID(), WireSamples.T, WireSamples.batch().visits(), WireSamples.EPOCH, true);
        assertEquals(Set.of(), validate("visits.schema.json", compact));
        assertEquals(Set.of(), validate("ack.schema.json", VisitAck.of(compact, 8, WireSamples.T)));
        assertEquals(Set.of(), validate("status.schema.json", WireSamples.status()));
        assertEquals(Set.of(), validate("telemetry.schema.json", WireSamples.telemetry()));
        assertEquals(Set.of(), validate("status.schema.json", WireSamples.statusWithProfile()));
        assertEquals(Set.of(), validate("status.schema.json", WireSamples.statusWithLists()));
        assertEquals(Set.of(), validate("status.schema.json", WireSamples.statusWithArchitecture()));
        assertEquals(Set.of(), validate("telemetry.schema.json", WireSamples.telemetryWithLists()));
        assertEquals(Set.of(), validate("telemetry.schema.json", WireSamples.telemetryWithMotion()));
        assertEquals(Set.of(), validate("downlink-command.schema.json", cmd));
        assertEquals(Set.of(), validate("downlink.schema.json", Downlink.sign(cmd, key)));
        assertEquals(Set.of(), validate("downlink-ack.schema.json",
                DownlinkAck.of(cmd, DownlinkAck.Outcome.APPLIED, null, WireSamples.T)));
        assertEquals(Set.of(), validate("ledger.schema.json", WireSamples.summary(kp)));
        assertEquals(Set.of(), validate("visits.schema.json", WireSamples.epochBatch()));
        assertEquals(Set.of(), validate("ledger.schema.json", WireSamples.epochSummary(kp)));
        assertEquals(Set.of(), validate("downlink-command.schema.json", DownlinkCommand.settings(WireSamples.DISTRICT,
                WireSamples.STATION, WireSamples.T, StationSettingsTest.full())));
        assertEquals(Set.of(), validate("downlink-command.schema.json", DownlinkCommand.settings(WireSamples.DISTRICT,
                WireSamples.STATION, WireSamples.T, StationSettingsTest.everyField())));
        assertEquals(Set.of(), validate("downlink-command.schema.json", DownlinkCommand.neighbours(WireSamples.DISTRICT,
                WireSamples.STATION, WireSamples.T, new Neighbours(List.of(new Neighbour("cy-0001", "东大桥驿站", 600,
                        StationSettingsTest.full().hours()))))));
        assertEquals(Set.of(), validate("downlink-command.schema.json", DownlinkCommand.resend(WireSamples.DISTRICT,
                WireSamples.STATION, WireSamples.T, new SeqRange(3, 4))));
    }

    @Test
    void schemaAndDecoderBothRefuseAMalformedOpeningSpan() throws Exception {
        ObjectNode status = (ObjectNode) json.readTree(Wire.encode(WireSamples.statusWithProfile()));
        ((ObjectNode) status.get("profile").get("openingHours")).putArray("MONDAY").add("8-20");
        assertFalse(schema("status.schema.json").validate(status).isEmpty());
        assertThrows(WireFormatException.class, () -> Wire.decode(json.writeValueAsBytes(status), StationStatus.class));
    }

    @Test
    void schemaAndDecoderBothRefuseAProfileWithoutCoordinates() throws Exception {
        ObjectNode status = (ObjectNode) json.readTree(Wire.encode(WireSamples.statusWithProfile()));
        ((ObjectNode) status.get("profile")).remove("latitude");
        assertFalse(schema("status.schema.json").validate(status).isEmpty());
        assertThrows(WireFormatException.class, () -> Wire.decode(json.writeValueAsBytes(status), StationStatus.class));
    }

    @Test
    void schemaAndDecoderBothRefuseAVisitWithoutSeq() throws Exception {
        ObjectNode batch = (ObjectNode) json.readTree(Wire.encode(WireSamples.batch()));
        ((ObjectNode) batch.get("visits").get(0)).remove("seq");
        assertFalse(schema("visits.schema.json").validate(batch).isEmpty());
        assertThrows(WireFormatException.class, () -> Wire.decode(json.writeValueAsBytes(batch), VisitBatch.class));
    }

    @Test
    void schemaAndDecoderBothRefuseACommandWithTheWrongBodyForItsKind() throws Exception {
        var cmd = DownlinkCommand.resend(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, new SeqRange(3, 4));
        ObjectNode node = (ObjectNode) json.readTree(Wire.encode(cmd));
        node.put("kind", "SETTINGS");
        JsonNode bad = node;
        assertTrue(!schema("downlink-command.schema.json").validate(bad).isEmpty());
        assertThrows(WireFormatException.class, () -> Wire.decode(json.writeValueAsBytes(bad), DownlinkCommand.class));
    }

    @Test
    void recordBatchesAndTheirAcksConformToTheirSchemas() throws Exception {
        RecordBatch batch = RecordBatch.of(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T,
                List.of(RecordWireTest.supply(3, 2)));
        assertEquals(Set.of(), validate("records.schema.json", batch));
        RecordAck ack = RecordAck.of(batch, List.of(new RecordAck.Stored(batch.records().getFirst().uuid(), 2)), WireSamples.T);
        assertEquals(Set.of(), validate("records-ack.schema.json", ack));
    }

    @Test
    void schemaAndDecoderBothRefuseARecordWithoutSeqOrOfKindVisit() throws Exception {
        ObjectNode batch = (ObjectNode) json.readTree(Wire.encode(RecordBatch.of(WireSamples.DISTRICT, WireSamples.STATION,
                WireSamples.T, List.of(RecordWireTest.supply(3, 2)))));
        ObjectNode visit = batch.deepCopy();
        ((ObjectNode) batch.get("records").get(0)).remove("seq");
        assertFalse(schema("records.schema.json").validate(batch).isEmpty());
        assertThrows(WireFormatException.class, () -> Wire.decode(json.writeValueAsBytes(batch), RecordBatch.class));
        ((ObjectNode) visit.get("records").get(0)).put("kind", "VISIT");
        assertFalse(schema("records.schema.json").validate(visit).isEmpty());
        assertThrows(WireFormatException.class, () -> Wire.decode(json.writeValueAsBytes(visit), RecordBatch.class));
    }
}

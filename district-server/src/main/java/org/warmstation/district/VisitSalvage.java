package org.warmstation.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.warmstation.district.db.VisitQuarantine;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Splits a visit batch that failed validation into its valid visits and the invalid ones, when the
 * batch itself (schema, district, station, batch id) is sound and only some visits are not: those
 * go to the quarantine and the rest is stored (decision 0193). Stateless.
 */
final class VisitSalvage {
    /**
     * A batch split in two.
     *
     * @param district the district it names
     * @param station  the station it names
     * @param batchId  its id
     * @param epoch    its visit-log epoch, or null
     * @param good     the valid visits as a batch, or empty when none is valid
     * @param rejected the invalid visits with the reason, at least one
     */
    record Salvaged(int district, String station, UUID batchId, UUID epoch, Optional<VisitBatch> good,
                    List<VisitQuarantine.Rejected> rejected) {
    }

    private VisitSalvage() {
    }

    /**
     * @param payload a {@code ws.visits/1} payload that {@link Wire#decode} refused
     * @return the split, or empty when the fault is not in single visits (then the batch is dropped)
     */
    static Optional<Salvaged> salvage(byte[] payload) {
        JsonNode tree;
        try {
            tree = Wire.parseTree(new String(Wire.json(payload, Wire.MAX_PAYLOAD_BYTES), StandardCharsets.UTF_8));
        } catch (WireFormatException e) {
            return Optional.empty();
        }
        if (!(tree instanceof ObjectNode batch) || !(batch.get("visits") instanceof ArrayNode visits)
                || visits.isEmpty() || visits.size() > VisitBatch.MAX_VISITS) {
            return Optional.empty();
        }
        ArrayNode good = visits.arrayNode();
        List<VisitQuarantine.Rejected> rejected = new ArrayList<>();
        for (JsonNode v : visits) {
            try {
                Wire.decode(v.toString().getBytes(StandardCharsets.UTF_8), WireVisit.class);
                good.add(v);
            } catch (WireFormatException e) {
                rejected.add(new VisitQuarantine.Rejected(uuid(v), seq(v), v.toString(), "invalid: " + e.getMessage()));
            }
        }
        if (rejected.isEmpty()) {
            return Optional.empty(); // every visit is valid: the batch itself is wrong
        }
        try {
            UUID batchId = UUID.fromString(batch.path("batchId").asText());
            if (!good.isEmpty()) {
                ObjectNode copy = batch.deepCopy();
                copy.set("visits", good);
                VisitBatch b = Wire.decode(copy.toString().getBytes(StandardCharsets.UTF_8), VisitBatch.class);
                return Optional.of(new Salvaged(b.district(), b.station(), b.batchId(), b.epoch(), Optional.of(b), rejected));
            }
            JsonNode district = batch.get("district");
            JsonNode station = batch.get("station");
            if (district == null || !district.canConvertToInt() || station == null || !station.isTextual()
                    || !VisitBatch.SCHEMA.equals(batch.path("schema").asText())) {
                return Optional.empty();
            }
            JsonNode epoch = batch.get("epoch");
            UUID e = epoch == null || epoch.isNull() ? null : UUID.fromString(epoch.asText());
            return Optional.of(new Salvaged(district.intValue(), station.textValue(), batchId, e, Optional.empty(), rejected));
        } catch (IllegalArgumentException e) { // WireFormatException included: the batch itself is invalid
            return Optional.empty();
        }
    }

    private static UUID uuid(JsonNode v) {
        try {
            return UUID.fromString(v.path("uuid").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long seq(JsonNode v) {
        JsonNode s = v.get("seq");
        return s != null && s.canConvertToLong() ? s.longValue() : null;
    }
}

package org.warmstation.protocol.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireSupply;

class SupplyWireTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("user.dir")).resolve("../docs/schemas").normalize();
    private static final Instant T = Instant.parse("2026-12-06T01:02:03Z");

    private static Set<?> validate(String file, Object record) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(file)))
                .validate(new ObjectMapper().readTree(Wire.encode(record)));
    }

    private static Set<?> validateJson(String file, String json) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(file))).validate(new ObjectMapper().readTree(json));
    }

    @Test
    void everyMovementRoundTripsAndConformsToItsSchema() throws Exception {
        List<WireSupply> all = List.of(
                new WireSupply(UUID.randomUUID(), T, SupplyMovement.DELIVERY, "GLOVES", 50, 50, 10, null, null, false),
                new WireSupply(UUID.randomUUID(), T, SupplyMovement.CORRECTION, "GLOVES", -3, 47, 10, null, null, false),
                new WireSupply(UUID.randomUUID(), T, SupplyMovement.HANDOUT, "GLOVES", 1, 46, 10, UUID.randomUUID(),
                        WorkerCategory.COURIER, false));
        for (WireSupply s : all) {
            assertEquals(s, Wire.decode(Wire.encode(s), WireSupply.class));
            assertEquals(Set.of(), validate("supply.schema.json", s), s.movement().name());
            assertEquals(s, RecordTypes.standard().decode(RecordKind.SUPPLY, RecordTypes.standard().encode(s)));
        }
    }

    @Test
    void handoutWithoutVisitAndNegativeStockAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new WireSupply(UUID.randomUUID(), T, SupplyMovement.HANDOUT,
                "GLOVES", 1, 4, 10, null, WorkerCategory.COURIER, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WireSupply(UUID.randomUUID(),
                T, SupplyMovement.CORRECTION, "GLOVES", -5, -1, 10, null, null, false));
        assertTrue(e.getMessage().contains("stockAfter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WireSupply(UUID.randomUUID(), T, SupplyMovement.DELIVERY,
                "GLOVES", 0, 4, 10, null, null, false));
        String bad = "{\"id\":\"" + UUID.randomUUID() + "\",\"at\":\"2026-12-06T01:02:03Z\",\"movement\":\"DELIVERY\","
                + "\"item\":\"GLOVES\",\"quantity\":5,\"stockAfter\":-1,\"lowAt\":1,\"guest\":false}";
        assertFalse(validateJson("supply.schema.json", bad).isEmpty());
        assertThrows(WireFormatException.class, () -> RecordTypes.standard().decode(RecordKind.SUPPLY,
                new ObjectMapper().readTree(bad)));
    }

    @Test
    void ratingKeepsReasonsOnlyWhenDissatisfied() throws Exception {
        WireRating r = new WireRating(UUID.randomUUID(), T, RatingAnswer.DISSATISFIED,
                List.of(RatingReason.STAFF, RatingReason.COLD, RatingReason.COLD));
        assertEquals(List.of(RatingReason.COLD, RatingReason.STAFF), r.reasons());
        assertEquals(r, Wire.decode(Wire.encode(r), WireRating.class));
        assertEquals(Set.of(), validate("rating.schema.json", r));
        assertEquals(Set.of(), validate("rating.schema.json", new WireRating(UUID.randomUUID(), T, RatingAnswer.SATISFIED, null)));
        assertThrows(IllegalArgumentException.class, () -> new WireRating(UUID.randomUUID(), T, RatingAnswer.NEUTRAL,
                List.of(RatingReason.DIRTY)));
        assertFalse(validateJson("rating.schema.json", "{\"visit\":\"" + UUID.randomUUID()
                + "\",\"ratedAt\":\"2026-12-06T01:02:03Z\",\"answer\":\"SATISFIED\",\"reasons\":[\"COLD\"]}").isEmpty());
    }

    @Test
    void winterSeasonRunsFromNovemberToMarch() {
        assertEquals(LocalDate.of(2026, 11, 1), SupplySeason.start(LocalDate.of(2026, 12, 6)));
        assertEquals(LocalDate.of(2026, 11, 1), SupplySeason.start(LocalDate.of(2027, 3, 31)));
        assertEquals(LocalDate.of(2027, 4, 1), SupplySeason.start(LocalDate.of(2027, 4, 1)));
        assertEquals(LocalDate.of(2026, 4, 1), SupplySeason.start(LocalDate.of(2026, 10, 31)));
        assertTrue(SupplySeason.winter(LocalDate.of(2026, 11, 1)));
        assertFalse(SupplySeason.winter(LocalDate.of(2026, 10, 31)));
    }

    @Test
    void defaultItemsAreTheSixOfTheBriefWithOnePairOfGlovesPerMember() {
        assertEquals(List.of("GLOVES", "HATS", "COTTON_SHOES", "HAND_WARMERS", "MASKS", "DRINKS"),
                SupplySettings.DEFAULT.items().stream().map(i -> i.code()).toList());
        assertEquals(1, SupplySettings.DEFAULT.item("GLOVES").orElseThrow().perMemberLimit());
        assertTrue(SupplySettings.DEFAULT.item("UMBRELLA").isEmpty());
        assertEquals(SupplySettings.DEFAULT, Wire.decode(Wire.encode(SupplySettings.DEFAULT), SupplySettings.class));
    }

    @Test
    void stationSettingsCarryTheSupplyListAtTheEndAndOlderDocumentsKeepTheStationsOwn() throws Exception {
        SupplySettings two = new SupplySettings(List.of(new SupplyItem("GLOVES", "手套", "Gloves", "双", "pair", 5, 2),
                new SupplyItem("GINGER_TEA", "姜茶", "Ginger tea", "杯", "cup", 10, 0)), false);
        StationSettings s = new StationSettings(600, List.of("HOT_WATER"), null, 4, null, null, null, null, null, two);
        StationSettings back = Wire.decode(Wire.encode(s), StationSettings.class);
        assertEquals(two, back.supplySettings().orElseThrow());
        assertEquals(two, back.withVersion(5).supplySettings().orElseThrow(), "numbering keeps every field");
        assertEquals(Set.of(), validate("downlink-command.schema.json",
                DownlinkCommand.settings(110105, "st-a", T, s)));
        StationSettings older = Wire.decode(Wire.encode(new StationSettings(600, List.of("HOT_WATER"), null)),
                StationSettings.class);
        assertTrue(older.supplySettings().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SupplyItem("GLOVES", "", "Gloves", "双", "pair", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new SupplySettings(List.of(two.items().getFirst(),
                two.items().getFirst()), true));
    }
}

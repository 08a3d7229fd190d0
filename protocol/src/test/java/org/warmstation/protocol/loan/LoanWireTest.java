package org.warmstation.protocol.loan;

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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.protocol.wire.WireLoan;
import org.warmstation.protocol.wire.WireRecord;

class LoanWireTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("user.dir")).resolve("../docs/schemas").normalize();
    private static final Instant T = Instant.parse("2026-12-06T01:02:03Z");
    private static final String MEMBER = "00000000000000c2";

    private static Set<?> validate(String file, Object record) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(file)))
                .validate(new ObjectMapper().readTree(Wire.encode(record)));
    }

    @Test
    void lendingAndReturnsRoundTripAsLoanRecordsAndConformToTheSchema() throws Exception {
        UUID id = UUID.randomUUID();
        WireLoan lent = new WireLoan("LENT", id, "UMBRELLA", MEMBER, T);
        WireLoan here = new WireLoan("RETURNED", id, "UMBRELLA", MEMBER, T);
        WireLoan elsewhere = new WireLoan("RETURNED", null, "UMBRELLA", MEMBER, T);
        WireLoan guest = new WireLoan("LENT", UUID.randomUUID(), "POWER_BANK", null, T);
        for (WireLoan l : List.of(lent, here, elsewhere, guest)) {
            assertEquals(Set.of(), validate("loan.schema.json", l), l.toString());
            WireRecord r = RecordTypes.standard().record(UUID.randomUUID(), 1, 1, T, l);
            assertEquals(RecordKind.LOAN, r.kind());
            assertEquals(l, RecordTypes.standard().body(r, WireLoan.class));
            assertFalse(r.body().has("guest"), "derived values stay off the wire");
        }
        assertTrue(guest.guest());
        assertEquals(LoanEvent.RETURNED, elsewhere.loanEvent());
    }

    @Test
    void aLendingWithoutLoanIdOrAGuestReturnWithoutItIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new WireLoan("LENT", null, "UMBRELLA", MEMBER, T));
        assertThrows(IllegalArgumentException.class, () -> new WireLoan("RETURNED", null, "UMBRELLA", null, T));
        assertThrows(IllegalArgumentException.class, () -> new WireLoan("BORROWED", UUID.randomUUID(), "UMBRELLA", MEMBER, T));
        assertThrows(IllegalArgumentException.class, () -> new WireLoan("LENT", UUID.randomUUID(), "umbrella", MEMBER, T));
        assertThrows(IllegalArgumentException.class, () -> new WireLoan("LENT", UUID.randomUUID(), "UMBRELLA", "C2", T));
        String json = "{\"event\":\"LENT\",\"item\":\"UMBRELLA\",\"memberId\":\"" + MEMBER + "\",\"at\":\"2026-12-06T01:02:03Z\"}";
        assertThrows(WireFormatException.class, () -> Wire.decode(json.getBytes(), WireLoan.class));
        assertFalse(validate("loan.schema.json", new ObjectMapper().readTree(json)).isEmpty(),
                "the schema refuses a LENT record without loanId too");
    }

    @Test
    void loansDownlinkConformsToItsSchemaAndRefusesADuplicateOrAHalfReturn() throws Exception {
        UUID id = UUID.randomUUID();
        DownlinkCommand cmd = DownlinkCommand.loans(7, "st-a", T, new LoanStatuses(List.of(
                new LoanStatuses.Entry(id, "UMBRELLA", T, T.plusSeconds(60), "st-b"),
                new LoanStatuses.Entry(UUID.randomUUID(), "RAINCOAT", T, null, null))));
        assertEquals(Set.of(), validate("downlink-command.schema.json", cmd));
        assertEquals(cmd, Wire.decode(Wire.encode(cmd), DownlinkCommand.class));
        assertFalse(cmd.loans().loans().getFirst().open());
        LoanStatuses.Entry e = new LoanStatuses.Entry(id, "UMBRELLA", T, null, null);
        assertThrows(IllegalArgumentException.class, () -> new LoanStatuses(List.of(e, e)));
        assertThrows(IllegalArgumentException.class, () -> new LoanStatuses.Entry(id, "UMBRELLA", T, T, null));
    }

    @Test
    void stationSettingsCarryTheLoanRulesAtTheEndAndRefuseAnOverduePeriodOutOfRange() throws Exception {
        StationSettings s = new StationSettings(600, List.of("HOT_WATER"), null, 3, null, null, null, 5, true);
        DownlinkCommand cmd = DownlinkCommand.settings(7, "st-a", T, s);
        assertEquals(Set.of(), validate("downlink-command.schema.json", cmd));
        StationSettings back = Wire.decode(Wire.encode(cmd), DownlinkCommand.class).settings();
        assertEquals(5, back.loanOverdueDays());
        assertTrue(back.guestLoansAllowed());
        StationSettings older = new StationSettings(600, List.of("HOT_WATER"), null, 3, null, null, null);
        assertEquals(null, Wire.decode(Wire.encode(older), StationSettings.class).loanOverdueDays(),
                "a document without them leaves the station's own rules");
        assertThrows(IllegalArgumentException.class,
                () -> new StationSettings(600, List.of("HOT_WATER"), null, 3, null, null, null, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new StationSettings(600, List.of("HOT_WATER"), null, 3, null, null, null, 61, null));
    }
}

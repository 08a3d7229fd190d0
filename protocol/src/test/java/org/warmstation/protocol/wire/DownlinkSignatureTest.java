package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;

class DownlinkSignatureTest {
    private final DistrictKey key = DistrictKey.generate(WireSamples.DISTRICT);
    private final TrustList trust = WireSamples.trustList(key);

    private Downlink roundTrip(Downlink d) {
        return Wire.decode(Wire.encode(d), Downlink.class, Wire.MAX_DOWNLINK_BYTES);
    }

    @Test
    void signedSettingsVerifyWithTheTrustedDistrictKey() {
        var settings = new StationSettings(600, List.of("HOT_WATER", "TOILET"), "寒潮预警：今晚最低气温零下十二度");
        DownlinkCommand cmd = DownlinkCommand.settings(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, settings);
        DownlinkCommand back = roundTrip(Downlink.sign(cmd, key)).verify(trust, WireSamples.DISTRICT, WireSamples.STATION);
        assertEquals(cmd, back);
        assertEquals(java.time.Duration.ofMinutes(10), back.settings().duplicateWindow());
    }

    @Test
    void denyListCommandCarriesTheParsedList() {
        DenyList deny = DenyList.empty().with(WireSamples.DISTRICT, 4711);
        DownlinkCommand cmd = DownlinkCommand.denyList(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, deny);
        DownlinkCommand back = roundTrip(Downlink.sign(cmd, key)).verify(trust, WireSamples.DISTRICT, WireSamples.STATION);
        assertEquals(deny, back.parsedDenyList());
    }

    @Test
    void aKeyOutsideTheTrustListIsRefused() {
        DistrictKey rogue = new DistrictKey(WireSamples.DISTRICT, key.keyId(), DistrictKey.generate(WireSamples.DISTRICT).keyPair());
        DownlinkCommand cmd = DownlinkCommand.resend(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, new SeqRange(1, 5));
        Downlink forged = Downlink.sign(cmd, rogue);
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> forged.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
        assertTrue(e.getMessage().contains("not signed"), e.getMessage());
    }

    @Test
    void aTamperedPayloadIsRefused() {
        DownlinkCommand cmd = DownlinkCommand.resend(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, new SeqRange(1, 5));
        Downlink d = Downlink.sign(cmd, key);
        String json = new String(Base64.getDecoder().decode(d.payload()), StandardCharsets.UTF_8);
        String evil = json.replace("\"toSeq\":5", "\"toSeq\":999999");
        Downlink tampered = new Downlink(Downlink.SCHEMA, d.keyId(),
                Base64.getEncoder().encodeToString(evil.getBytes(StandardCharsets.UTF_8)), d.signature());
        assertThrows(WireFormatException.class, () -> tampered.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
    }

    @Test
    void aCommandForAnotherStationOrDistrictIsRefused() {
        DownlinkCommand cmd = DownlinkCommand.resend(WireSamples.DISTRICT, "other-7", WireSamples.T, new SeqRange(1, 5));
        Downlink d = Downlink.sign(cmd, key);
        assertThrows(WireFormatException.class, () -> d.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
        DistrictKey otherDistrict = DistrictKey.generate(110108);
        TrustList both = new TrustList(WireSamples.T, List.of(key.trustedKey(), otherDistrict.trustedKey()));
        Downlink fromOther = Downlink.sign(DownlinkCommand.resend(110108, WireSamples.STATION, WireSamples.T,
                new SeqRange(1, 5)), otherDistrict);
        assertThrows(WireFormatException.class, () -> fromOther.verify(both, WireSamples.DISTRICT, WireSamples.STATION));
    }

    @Test
    void unsignedOrGarbageEnvelopesAreRefused() {
        DownlinkCommand cmd = DownlinkCommand.resend(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, new SeqRange(1, 5));
        String payload = Base64.getEncoder().encodeToString(Wire.encode(cmd));
        Downlink unsigned = new Downlink(Downlink.SCHEMA, key.keyId(), payload, "");
        assertThrows(WireFormatException.class, () -> unsigned.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
        Downlink notBase64 = new Downlink(Downlink.SCHEMA, key.keyId(), "%%%", "%%%");
        assertThrows(WireFormatException.class, () -> notBase64.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
        assertThrows(WireFormatException.class, () -> Wire.decode(
                "{\"schema\":\"ws.downlink/1\",\"keyId\":70000,\"payload\":\"\",\"signature\":\"\"}"
                        .getBytes(StandardCharsets.UTF_8), Downlink.class));
    }

    @Test
    void aCommandCarryingTheWrongFieldForItsKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DownlinkCommand(DownlinkCommand.SCHEMA,
                java.util.UUID.randomUUID(), 1, "s", WireSamples.T, DownlinkCommand.Kind.SETTINGS, null, null, null,
                new SeqRange(1, 2), null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DownlinkCommand(DownlinkCommand.SCHEMA,
                java.util.UUID.randomUUID(), 1, "s", WireSamples.T, DownlinkCommand.Kind.TRUST_LIST,
                "not a trust list", null, null, null, null, null, null));
    }
}

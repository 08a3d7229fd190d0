package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.card.TrustList;

class StationSettingsTest {
    private final DistrictKey key = DistrictKey.generate(WireSamples.DISTRICT);
    private final TrustList trust = WireSamples.trustList(key);

    static StationSettings full() {
        return new StationSettings(300, List.of("HOT_WATER", "TOILET"), "寒潮预警", 3,
                new StationHours(OpeningHours.parse("MON-FRI 07:00-22:00; SAT,SUN 09:00-17:00"),
                        List.of(new HoursException(LocalDate.of(2026, 12, 25), List.of(), "检修"))),
                4.5, StaffPin.hash("135790".toCharArray()).encoded());
    }

    /** @return {@link #full()} with every later field set: loans, supplies, voice (issue 12), broker (issue 15) */
    static StationSettings everyField() {
        StationSettings f = full();
        return new StationSettings(f.duplicateWindowSeconds(), f.enabledServices(), f.announcement(), f.version(),
                f.hours(), f.coldAlertCelsius(), f.staffPin(), 5, true, SupplySettings.DEFAULT, false, 40,
                " 12:00-13:30, 22:00-07:00 ", "tcp://192.168.1.10:1883");
    }

    @Test
    void aFullDocumentSurvivesTheSignedRoundTrip() {
        DownlinkCommand cmd = DownlinkCommand.settings(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, full());
        Downlink d = Wire.decode(Wire.encode(Downlink.sign(cmd, key)), Downlink.class, Wire.MAX_DOWNLINK_BYTES);
        DownlinkCommand back = d.verify(trust, WireSamples.DISTRICT, WireSamples.STATION);
        assertEquals(cmd, back);
        assertTrue(StaffPin.parse(back.settings().staffPin()).matches("135790".toCharArray()));
    }

    @Test
    void neighboursSurviveTheSignedRoundTripNearestFirst() {
        Neighbours n = new Neighbours(List.of(
                new Neighbour("cy-0002", "呼家楼驿站", 1200, null),
                new Neighbour("cy-0001", "东大桥驿站", 600, new StationHours(OpeningHours.parse("MON-SUN 07:00-22:00"), null))));
        assertEquals("cy-0001", n.stations().getFirst().station());
        DownlinkCommand cmd = DownlinkCommand.neighbours(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, n);
        assertEquals(cmd, Downlink.sign(cmd, key).verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
    }

    @Test
    void aDocumentFromBeforeVersionsAndHoursStillReads() {
        StationSettings old = Wire.decode("{\"duplicateWindowSeconds\":300,\"enabledServices\":[\"HOT_WATER\"]}"
                .getBytes(StandardCharsets.UTF_8), StationSettings.class);
        assertEquals(0, old.version());
        assertEquals(StationHours.ALWAYS, old.hours());
        assertEquals(java.util.Optional.empty(), old.coldAlert());
    }

    @Test
    void unknownServiceBadColdAlertAndPlainPinAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new StationSettings(0, List.of("HOT_WATER", "SAUNA"), null));
        assertTrue(e.getMessage().startsWith("unknown service 'SAUNA' (known: HOT_WATER, HEAT_MEAL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new StationSettings(0, List.of("HOT_WATER"), null, 1, null, 45.0, null));
        assertTrue(e.getMessage().startsWith("coldAlertCelsius must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new StationSettings(0, List.of("HOT_WATER"), null, 1, null, null, "2468"));
        assertTrue(e.getMessage().contains("never a plain PIN"), e.getMessage());
    }

    @Test
    void voiceFieldsSurviveTheRoundTripAndAreKeptByWithVersion() {
        StationSettings f = full();
        StationSettings v = everyField();
        assertEquals("12:00-13:30,22:00-07:00", v.voiceQuietHours());
        StationSettings back = Wire.decode(Wire.encode(v.withVersion(7)), StationSettings.class);
        assertEquals(v.withVersion(7), back);
        assertEquals(false, back.voiceEnabled());
        assertEquals(40, back.voiceVolumePercent());
        assertEquals("none", new StationSettings(0, List.of("HOT_WATER"), null, 0, null, null, null, null, null, null,
                null, null, "NONE").voiceQuietHours());
        assertEquals(null, f.voiceEnabled(), "older constructors leave the voice to the station");
    }

    @Test
    void brokerUrlSurvivesTheRoundTripIsKeptByWithVersionAndBadOnesAreRefused() {
        StationSettings moved = full().withBrokerUrl("ssl://mqtt2.district.example.cn:8883").withVersion(4);
        StationSettings back = Wire.decode(Wire.encode(moved), StationSettings.class);
        assertEquals("ssl://mqtt2.district.example.cn:8883", back.brokerUrl());
        assertEquals(4, back.version());
        assertEquals(null, full().brokerUrl(), "absent: the station's own broker");
        for (String bad : List.of("http://x:80", "tcp://host", "tcp://host:1883/path", "tcp://a b:1", "tcp://"
                + "h".repeat(200) + ":1")) {
            var e = assertThrows(IllegalArgumentException.class, () -> full().withBrokerUrl(bad), bad);
            assertTrue(e.getMessage().startsWith("brokerUrl must be tcp://host:port or ssl://host:port"), e.getMessage());
        }
    }

    @Test
    void badVoiceVolumeAndQuietHoursAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new StationSettings(0, List.of("HOT_WATER"), null,
                0, null, null, null, null, null, null, true, 101, null));
        assertTrue(e.getMessage().startsWith("voiceVolumePercent must be 0..100"), e.getMessage());
        for (String bad : List.of("22:00", "22:00-25:00", "night", "", "07:00-07:00", "22:00-07:00,")) {
            e = assertThrows(IllegalArgumentException.class, () -> new StationSettings(0, List.of("HOT_WATER"), null,
                    0, null, null, null, null, null, null, null, null, bad), bad);
            assertTrue(e.getMessage().startsWith("voiceQuietHours"), e.getMessage());
        }
    }

    @Test
    void aSignedDocumentWithAnInvalidHourIsRefusedWithTheReasonNotIgnored() {
        DownlinkCommand cmd = DownlinkCommand.settings(WireSamples.DISTRICT, WireSamples.STATION, WireSamples.T, full());
        String json = new String(Wire.encode(cmd), StandardCharsets.UTF_8).replace("07:00-22:00", "07:00-25:00");
        Downlink bad = signRaw(json);
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> bad.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
        assertEquals(cmd.id(), e.commandId());
        DownlinkAck ack = e.refusal(WireSamples.T);
        assertEquals(DownlinkAck.Outcome.REFUSED, ack.outcome());
        assertTrue(ack.message().contains("opening span '07:00-25:00'"), ack.message());
    }

    @Test
    void aSignedDocumentForAnotherStationIsNotAnswered() {
        DownlinkCommand cmd = DownlinkCommand.settings(WireSamples.DISTRICT, "cy-0099", WireSamples.T, full());
        Downlink bad = signRaw(new String(Wire.encode(cmd), StandardCharsets.UTF_8).replace("TOILET", "SAUNA"));
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> bad.verify(trust, WireSamples.DISTRICT, WireSamples.STATION));
        assertTrue(!(e instanceof InvalidCommandException), "misaddressed: ignored, not refused");
    }

    private Downlink signRaw(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Downlink(Downlink.SCHEMA, key.keyId(), b64.encodeToString(bytes),
                b64.encodeToString(Ed25519.sign(key.privateKey(), bytes)));
    }
}

package org.warmstation.district.settings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warmstation.district.DistrictService;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.TrustedKey;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;

/**
 * Test stations of district 110105 as the district service sees them: a birth with a profile,
 * the downlinks published to a station (verified as the station verifies them), and its ack.
 */
public final class StationFixture {
    /** The district. */
    public static final int DISTRICT = 110105;
    /** The district's downlink key. */
    public static final DistrictKey KEY = DistrictKey.generate(DISTRICT);
    /** The stations' trust list. */
    public static final TrustList TRUST = new TrustList(Instant.parse("2026-12-01T00:00:00Z"),
            List.of(new TrustedKey(KEY.keyId(), DISTRICT, KEY.keyPair().getPublic(), java.util.EnumSet.of(KeyPurpose.DOWNLINK))));

    private StationFixture() {
    }

    /**
     * A station's birth with a profile.
     *
     * @param service the district service
     * @param station station id
     * @param name    its name
     * @param lat     latitude
     * @param lon     longitude
     * @param hours   published weekly hours, e.g. {@code MON-SUN 07:00-22:00}, or "" for none
     * @param at      birth time
     */
    public static void born(DistrictService service, String station, String name, double lat, double lon, String hours,
                            Instant at) {
        StationProfile p = new StationProfile(name, "", lat, lon, "", OpeningHours.parse(hours),
                List.of("HOT_WATER"), "Asia/Shanghai");
        service.handle(new Topics(DISTRICT, station).topic(Topics.Kind.STATUS), Wire.encode(new StationStatus(
                StationStatus.SCHEMA, DISTRICT, station, StationStatus.State.ONLINE, "0.1.0", at, null, p, 60)));
    }

    /**
     * @param topics   topics published
     * @param payloads payloads published, same order
     * @param station  a station
     * @param kind     a command kind
     * @return the last command of that kind published to the station, verified as the station does
     */
    public static Optional<DownlinkCommand> lastTo(List<String> topics, List<byte[]> payloads, String station,
                                                   DownlinkCommand.Kind kind) {
        String topic = new Topics(DISTRICT, station).topic(Topics.Kind.DOWNLINK);
        DownlinkCommand found = null;
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).equals(topic)) {
                DownlinkCommand c = Wire.decode(payloads.get(i), Downlink.class).verify(TRUST, DISTRICT, station);
                if (c.kind() == kind) {
                    found = c;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The station's answer.
     *
     * @param service the district service
     * @param cmd     the command answered
     * @param outcome outcome
     * @param message detail or reason
     * @param at      station clock
     */
    public static void ack(DistrictService service, DownlinkCommand cmd, DownlinkAck.Outcome outcome, String message,
                           Instant at) {
        service.handle(new Topics(DISTRICT, cmd.station()).topic(Topics.Kind.DOWNLINK_ACK),
                Wire.encode(DownlinkAck.of(cmd, outcome, message, at)));
    }
}

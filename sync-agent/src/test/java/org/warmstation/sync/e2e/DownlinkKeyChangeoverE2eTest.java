package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.cards.TrustListPush;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Stations;

/**
 * Decision 0220: a station offline across a downlink-key changeover catches up by itself. The
 * station holds trust list v1 (old downlink key); while it is offline the district is switched to
 * the new downlink key (old one kept as retired) and only then pushes trust list v2 (new key) and
 * a deny list (new key). The broker is restarted, so only the district's re-send on the station's
 * birth can deliver them. The station applies v2 (the copy co-signed by the old key) and then the
 * deny list signed by the new key. Real agent reading the trust list it holds, real Mosquitto, real
 * district server on embedded PostgreSQL. Without the co-signature the station ignores both for ever.
 */
class DownlinkKeyChangeoverE2eTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final DistrictKey OFFICE = DistrictKey.generate(Stations.DISTRICT);
    private static final DistrictKey OLD = otherThan(OFFICE.keyId());
    private static final DistrictKey NEW = otherThan(OFFICE.keyId(), OLD.keyId());
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(OLD);

    @Test
    void stationOfflinePastTheSwitchCatchesUpOnItsBirth() throws Exception {
        String st = "rotate-e2e";
        Path dir = E2E.dir().resolve(st);
        TrustList v1 = list(1, OLD);
        SyncAgent first = Stations.agentHoldingItsTrustList(Stations.config(E2E.broker().url(), st, dir).build(), v1);
        first.start();
        Await.until(LONG, "station known to the district", () -> "ONLINE".equals(status(st)), () -> status(st));
        first.stop();
        Await.until(LONG, "station offline at the district", () -> "OFFLINE".equals(status(st)), () -> status(st));

        // the switch: the server restarts with the new downlink key, the old one retired
        E2E.district().stopInstances();
        DistrictServer switched = E2E.district().instance(E2E.broker().url(), "district-b", NEW, List.of(OLD));
        Await.until(LONG, "switched instance ready", () -> switched.receiver().ready(), () -> "not ready");
        TrustList v2 = list(2, NEW);
        new TrustListPush(E2E.district().database(), Stations.DISTRICT).push(v2, "e2e", Instant.now());
        DownlinkSender sender = new DownlinkSender(E2E.district().database(), Stations.DISTRICT);
        UUID deny = sender.send(DownlinkCommand.denyList(Stations.DISTRICT, st, Instant.now(),
                DenyList.empty().withVersion(7)), "e2e");
        Await.until(LONG, "both sent while the station is offline",
                () -> history(sender, st).stream().allMatch(r -> r.firstSentAt() != null) && history(sender, st).size() >= 2,
                () -> history(sender, st));
        E2E.broker().restart(); // drops what the broker queued for the station's session
        Await.until(LONG, "district reconnected", () -> switched.receiver().ready(), () -> "not ready");

        SyncAgent second = Stations.agentHoldingItsTrustList(Stations.config(E2E.broker().url(), st, dir).build(), v1);
        try {
            second.start();
            Await.until(LONG, "trust list v2 and the new-key deny list applied after the reconnect",
                    () -> outcome(sender, st, DownlinkCommand.Kind.TRUST_LIST) == DownlinkAck.Outcome.APPLIED
                            && history(sender, st).stream().anyMatch(r -> r.commandId().equals(deny)
                                    && r.outcome() == DownlinkAck.Outcome.APPLIED),
                    () -> history(sender, st));
            Path held = dir.resolve("downlinks").resolve(FileDownlinkApplier.TRUST_LIST);
            TrustList now = TrustList.parse(Files.readString(held, StandardCharsets.UTF_8));
            assertEquals(2, now.version());
            assertTrue(now.keysFor(NEW.keyId(), KeyPurpose.DOWNLINK).size() == 1, "the station trusts the new key");
            assertTrue(now.keysFor(OLD.keyId(), KeyPurpose.DOWNLINK).isEmpty(), "and no longer the old one");
            DownlinkRecord trust = history(sender, st).stream()
                    .filter(r -> r.kind() == DownlinkCommand.Kind.TRUST_LIST).findFirst().orElseThrow();
            assertTrue(trust.sendCount() >= 2, "re-sent on the station's birth: sent " + trust.sendCount() + " times");
        } finally {
            second.stop();
        }
    }

    private static TrustList list(long version, DistrictKey downlink) {
        return new TrustList(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version),
                List.of(OFFICE.trustedKey(Set.of(KeyPurpose.CARD, KeyPurpose.ENROLLMENT)),
                        downlink.trustedKey(Set.of(KeyPurpose.DOWNLINK))), version);
    }

    private static DistrictKey otherThan(int... ids) {
        while (true) {
            DistrictKey k = DistrictKey.generate(Stations.DISTRICT);
            if (java.util.Arrays.stream(ids).noneMatch(id -> id == k.keyId())) {
                return k;
            }
        }
    }

    private static List<DownlinkRecord> history(DownlinkSender sender, String station) {
        try {
            return sender.history(station, 10);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DownlinkAck.Outcome outcome(DownlinkSender sender, String station, DownlinkCommand.Kind kind) {
        return history(sender, station).stream().filter(r -> r.kind() == kind).findFirst()
                .map(DownlinkRecord::outcome).orElse(null);
    }

    private static String status(String station) {
        try (var c = E2E.district().database().connection();
             var ps = c.prepareStatement("SELECT status FROM station WHERE station_id = ?")) {
            ps.setString(1, station);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

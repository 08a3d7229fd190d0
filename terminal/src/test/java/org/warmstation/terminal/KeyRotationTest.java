package org.warmstation.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.EnrollmentVerdict;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.provisioning.CliRun;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.downlink.DownlinkHandler;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.visitlog.outbox.SqliteOutbox;

/**
 * Issue 11, "done when": both key roles rotated end to end. {@code station district init} makes
 * the card (office) key and the downlink key; the station's trust list is replaced by signed
 * {@code TRUST_LIST} downlinks through the station's real downlink path (signature and purpose
 * check, atomic file write); cards, enrollment codes and downlinks are checked against the trust
 * list file the station holds after each step.
 */
class KeyRotationTest {
    private static final int DISTRICT = 110105;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String STATION = "cy-0042";

    @TempDir
    Path office;
    @TempDir
    Path station;

    private static DistrictKey key(Path file) throws Exception {
        return DistrictKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String card(DistrictKey key, long serial) {
        return CardToken.sign(new MemberCard(DISTRICT, serial, MemberCard.MemberId.ofHex("00000000000000e1"),
                WorkerCategory.COURIER, LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), key.keyId()), key.privateKey());
    }

    private static String enrollment(DistrictKey key) {
        return EnrollmentToken.sign(new StationEnrollment(DISTRICT, "CY-0043", "望京街道暖心驿站", 39.9961, 116.47,
                "ssl://mqtt.chaoyang.example.cn:8883", "q8Xr-2mLw_Tz9KpV4nYc", Instant.now().plusSeconds(3600),
                key.keyId(), "ab".repeat(32)), key.privateKey());
    }

    private TrustList held() throws Exception {
        return TrustList.parse(Files.readString(station.resolve("trust-list.txt"), StandardCharsets.UTF_8));
    }

    private boolean accepts(String card) throws Exception {
        return new CardVerifier(held(), DenyList.empty(), Set.of(DISTRICT), BEIJING).verify(card, Instant.now())
                instanceof CardVerdict.Accepted;
    }

    private boolean acceptsEnrollment(String code) throws Exception {
        return new EnrollmentVerifier(held(), Set.of(DISTRICT)).verify(code, Instant.now()) instanceof EnrollmentVerdict.Accepted;
    }

    @Test
    void cardKeyAndDownlinkKeyAreRotatedEndToEnd() throws Exception {
        CliRun init = CliRun.run("district", "init", "--district", "110105", "--dir", office.toString());
        assertEquals(0, init.exitCode(), init.toString());
        Files.copy(office.resolve("trust-list.txt"), station.resolve("trust-list.txt"));
        DistrictKey card1 = key(office.resolve("district-110105.key"));
        DistrictKey downlink1 = key(office.resolve("district-110105-downlink.key"));
        String oldCard = card(card1, 1);
        assertTrue(accepts(oldCard));

        try (SqliteOutbox outbox = new SqliteOutbox(station.resolve("data"));
             SqliteSyncState state = new SqliteSyncState(station.resolve("data"))) {
            DownlinkHandler handler = new DownlinkHandler(new Topics(DISTRICT, STATION), () -> {
                try {
                    return held();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, new FileDownlinkApplier(station.resolve("trust-list.txt"), station.resolve("deny-list.txt"),
                    station.resolve("station-settings.json")), outbox, state, java.time.Clock.systemUTC());

            // 1. the card key: old cards stay valid, new cards are accepted once the station has the new list
            CliRun rotateCard = CliRun.run("district", "init", "--district", "110105", "--dir", office.toString(), "--rotate");
            assertEquals(0, rotateCard.exitCode(), rotateCard.toString());
            DistrictKey card2 = key(office.resolve("district-110105.key"));
            String newCard = card(card2, 2);
            assertTrue(!accepts(newCard), "not before the station has the new list");
            assertEquals(DownlinkAck.Outcome.APPLIED, push(handler, downlink1).orElseThrow().outcome());
            assertEquals(2, held().version());
            assertTrue(accepts(oldCard), "a card of the old key stays valid until it expires");
            assertTrue(accepts(newCard), "a card of the new key");
            assertTrue(acceptsEnrollment(enrollment(card2)), "the new office key signs enrollment codes");
            assertTrue(!acceptsEnrollment(enrollment(downlink1)), "the downlink key does not");
            assertTrue(send(handler, card2, denyList(1)).isEmpty(), "a downlink signed by the card key is ignored");

            // 2. the downlink key: the new list, still signed by the old downlink key, replaces it
            CliRun rotateDownlink = CliRun.run("district", "init", "--district", "110105", "--dir", office.toString(),
                    "--rotate", "--role", "downlink");
            assertEquals(0, rotateDownlink.exitCode(), rotateDownlink.toString());
            DistrictKey downlink2 = key(office.resolve("district-110105-downlink.key"));
            assertTrue(Files.exists(office.resolve(String.format("district-110105-downlink-%04x.key", downlink1.keyId()))),
                    "old downlink key archived");
            assertEquals(DownlinkAck.Outcome.APPLIED, push(handler, downlink1).orElseThrow().outcome());
            assertEquals(3, held().version());
            assertTrue(send(handler, downlink1, denyList(2)).isEmpty(), "the retired downlink key is no longer trusted");
            assertEquals(DownlinkAck.Outcome.APPLIED, send(handler, downlink2, denyList(3)).orElseThrow().outcome(),
                    "the new downlink key is");
            assertTrue(accepts(oldCard) && accepts(newCard), "cards are not affected by the downlink key's rotation");
            assertTrue(!accepts(card(downlink2, 3)), "a card signed by the new downlink key is refused");
        }
    }

    @Test
    void unknownRoleIsAUsageError() {
        CliRun r = CliRun.run("district", "init", "--district", "110105", "--dir", office.toString(), "--rotate",
                "--role", "office");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--role must be card, downlink or update"), r.err());
    }

    private Optional<DownlinkAck> push(DownlinkHandler handler, DistrictKey signer) throws Exception {
        TrustList list = TrustList.parse(Files.readString(office.resolve("trust-list.txt"), StandardCharsets.UTF_8));
        return send(handler, signer, DownlinkCommand.trustList(DISTRICT, STATION, Instant.now(), list));
    }

    private static DownlinkCommand denyList(long version) {
        return DownlinkCommand.denyList(DISTRICT, STATION, Instant.now(), DenyList.empty().withVersion(version));
    }

    private static Optional<DownlinkAck> send(DownlinkHandler handler, DistrictKey signer, DownlinkCommand cmd) {
        return handler.handle(Wire.encode(Downlink.sign(cmd, signer)));
    }
}

package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.enroll.EnrollmentRefusal;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.EnrollmentVerdict;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.WireFormatException;

/**
 * Issue 11, key roles: a trust-list key signs only what its purpose names. Each wrong-purpose
 * signature is refused: a card, an enrollment code and a downlink each signed by a key of another
 * purpose; a key line without purpose keeps its old meaning (all three).
 */
class KeyRolesTest {
    private static final int DISTRICT = 110105;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final DistrictKey CARD = DistrictKey.generate(DISTRICT);
    private static final DistrictKey ENROLL = DistrictKey.generate(DISTRICT);
    private static final DistrictKey DOWNLINK = DistrictKey.generate(DISTRICT);
    private static final TrustList ROLES = new TrustList(NOW.minusSeconds(86_400), List.of(
            CARD.trustedKey(EnumSet.of(KeyPurpose.CARD)),
            ENROLL.trustedKey(EnumSet.of(KeyPurpose.ENROLLMENT)),
            DOWNLINK.trustedKey(EnumSet.of(KeyPurpose.DOWNLINK))), 3);

    private static String card(DistrictKey key) {
        return CardToken.sign(new MemberCard(DISTRICT, 77, MemberCard.MemberId.ofHex("00000000000000d1"),
                WorkerCategory.COURIER, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), key.keyId()),
                key.privateKey());
    }

    private static String enrollment(DistrictKey key) {
        return EnrollmentToken.sign(new StationEnrollment(DISTRICT, "CY-0042", "望京街道暖心驿站", 39.9961, 116.47,
                "ssl://mqtt.chaoyang.example.cn:8883", "q8Xr-2mLw_Tz9KpV4nYc", NOW.plusSeconds(3600), key.keyId(), "ab".repeat(32)),
                key.privateKey());
    }

    private static Downlink downlink(DistrictKey key) {
        return Downlink.sign(DownlinkCommand.denyList(DISTRICT, "cy-0042", NOW, DenyList.empty().withVersion(1)), key);
    }

    private static CardVerdict verifyCard(TrustList trust, String card) {
        return new CardVerifier(trust, DenyList.empty(), Set.of(DISTRICT), BEIJING).verify(card, NOW);
    }

    private static EnrollmentVerdict verifyEnrollment(TrustList trust, String code) {
        return new EnrollmentVerifier(trust, Set.of(DISTRICT)).verify(code, NOW);
    }

    @Test
    void cardSignedByADownlinkOrEnrollmentKeyIsRejected() {
        assertInstanceOf(CardVerdict.Accepted.class, verifyCard(ROLES, card(CARD)));
        for (DistrictKey wrong : List.of(DOWNLINK, ENROLL)) {
            CardVerdict.Rejected r = assertInstanceOf(CardVerdict.Rejected.class, verifyCard(ROLES, card(wrong)));
            assertEquals(RejectionReason.UNKNOWN_KEY, r.reason());
            assertTrue(r.detail().contains("is not a card key"), r.detail());
        }
    }

    @Test
    void enrollmentCodeSignedByACardOrDownlinkKeyIsRefused() {
        assertInstanceOf(EnrollmentVerdict.Accepted.class, verifyEnrollment(ROLES, enrollment(ENROLL)));
        for (DistrictKey wrong : List.of(CARD, DOWNLINK)) {
            EnrollmentVerdict.Refused r = assertInstanceOf(EnrollmentVerdict.Refused.class,
                    verifyEnrollment(ROLES, enrollment(wrong)));
            assertEquals(EnrollmentRefusal.UNKNOWN_KEY, r.reason());
            assertTrue(r.detail().contains("is not an enrollment key"), r.detail());
        }
    }

    @Test
    void downlinkSignedByACardOrEnrollmentKeyIsRefused() {
        assertEquals(1, downlink(DOWNLINK).verify(ROLES, DISTRICT, "cy-0042").parsedDenyList().version());
        for (DistrictKey wrong : List.of(CARD, ENROLL)) {
            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> downlink(wrong).verify(ROLES, DISTRICT, "cy-0042"));
            assertTrue(e.getMessage().contains("not signed by a trusted downlink key"), e.getMessage());
        }
    }

    @Test
    void keyLineWithoutPurposeKeepsItsOldMeaningAndSignsAllThree() {
        DistrictKey old = DistrictKey.generate(DISTRICT);
        String before11 = "warm-station-trust-list 1\nissued 2026-11-01T00:00:00Z\nkey "
                + String.format("%04x", old.keyId()) + " " + DISTRICT + " " + old.trustedKey().encodedKey() + "\n";
        TrustList legacy = TrustList.parse(before11);
        assertEquals(0, legacy.version());
        assertEquals(KeyPurpose.legacy(), legacy.keys().getFirst().purposes());
        assertEquals(before11, legacy.format(), "an unversioned all-purpose list is written as before issue 11");
        assertInstanceOf(CardVerdict.Accepted.class, verifyCard(legacy, card(old)));
        assertInstanceOf(EnrollmentVerdict.Accepted.class, verifyEnrollment(legacy, enrollment(old)));
        assertEquals(DISTRICT, downlink(old).verify(legacy, DISTRICT, "cy-0042").district());
    }

    @Test
    void purposesAndVersionSurviveTheTextForm() {
        TrustList back = TrustList.parse(ROLES.format());
        assertEquals(3, back.version());
        assertEquals(ROLES.keys().stream().map(TrustedKey::purposes).toList(),
                back.keys().stream().map(TrustedKey::purposes).toList());
        assertTrue(ROLES.format().contains(" card\n") && ROLES.format().contains(" downlink\n"), ROLES.format());
        TrustList two = TrustList.parse("warm-station-trust-list 1\nissued 2026-11-01T00:00:00Z\nkey 00ab 110105 "
                + CARD.trustedKey().encodedKey() + " card,enrollment\n");
        assertEquals(EnumSet.of(KeyPurpose.CARD, KeyPurpose.ENROLLMENT), two.keys().getFirst().purposes());
    }

    @Test
    void unknownPurposeIsRefusedNamingTheLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrustList.parse(
                "warm-station-trust-list 1\nissued 2026-11-01T00:00:00Z\nkey 00ab 110105 "
                        + CARD.trustedKey().encodedKey() + " cards\n"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("unknown key purpose 'cards'"),
                e.getMessage());
    }

    @Test
    void denyListVersionSurvivesTheTextFormAndAnOldListIsVersionZero() {
        DenyList v5 = DenyList.empty().with(DISTRICT, 9).withVersion(5);
        assertEquals(v5, DenyList.parse(v5.format()));
        assertEquals(5, DenyList.parse(v5.format()).version());
        assertEquals(0, DenyList.parse("110105 9\n").version());
    }
}

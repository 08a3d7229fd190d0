package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustListTest {

    @Test
    void trustListRoundTripsThroughText() {
        DistrictKey a = DistrictKey.generate(110105);
        DistrictKey b = DistrictKey.generate(110108);
        TrustList list = new TrustList(Instant.parse("2026-11-21T00:00:00Z"), List.of(a.trustedKey(), b.trustedKey()));
        TrustList back = TrustList.parse(list.format());
        assertEquals(list.issuedAt(), back.issuedAt());
        assertEquals(list.keys(), back.keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "hello", "warm-station-trust-list 1\n", "warm-station-trust-list 1\nissued yesterday\n",
            "warm-station-trust-list 1\nissued 2026-11-21T00:00:00Z\nkey zz 110105 AAAA\n",
            "warm-station-trust-list 1\nissued 2026-11-21T00:00:00Z\nkey 0001 110105 bm90IGEga2V5\n",
            "warm-station-trust-list 1\nissued 2026-11-21T00:00:00Z\nkey 0001 999999999 AAAA\n",
            "warm-station-trust-list 2\nissued 2026-11-21T00:00:00Z\n"})
    void corruptTrustListIsRejectedWithAMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustList.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void corruptTrustListMessageNamesTheLine() {
        String text = "warm-station-trust-list 1\nissued 2026-11-21T00:00:00Z\nkey 00\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustList.parse(text));
        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
    }

    @Test
    void denyListRoundTripsAndRevokesByDistrictAndSerial() {
        DenyList d = DenyList.empty().with(110105, 7).with(110108, 7);
        DenyList back = DenyList.parse(d.format());
        assertEquals(d, back);
        MemberCard c = new MemberCard(110105, 7, MemberCard.MemberId.ofHex("0102030405060708"),
                WorkerCategory.SANITATION, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), 1);
        assertTrue(back.isRevoked(c));
        MemberCard other = new MemberCard(110101, 7, c.memberId(), c.category(), c.validFrom(), c.validUntil(), 1);
        assertFalse(back.isRevoked(other));
    }

    @Test
    void denyListLineErrorNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenyList.parse("# x\n110105 1\n110105 one\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void districtKeyRoundTripsThroughPem() {
        DistrictKey k = DistrictKey.generate(110105);
        DistrictKey back = DistrictKey.fromPem(k.toPem());
        assertEquals(k.districtId(), back.districtId());
        assertEquals(k.keyId(), back.keyId());
        assertEquals(k.trustedKey(), back.trustedKey());
        MemberCard c = new MemberCard(110105, 1, MemberCard.MemberId.ofHex("0102030405060708"),
                WorkerCategory.COURIER, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), k.keyId());
        // a card signed with the re-read private key verifies with the original public key
        CardVerifier v = new CardVerifier(new TrustList(Instant.EPOCH, List.of(k.trustedKey())), DenyList.empty(),
                java.util.Set.of(110105), java.time.ZoneOffset.ofHours(8));
        assertTrue(v.verify(CardToken.sign(c, back.privateKey()), Instant.parse("2026-06-01T00:00:00Z")).accepted());
    }
}

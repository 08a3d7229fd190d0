package org.warmstation.kiosk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;

/** Real district keys, real signed cards and a real verifier for tests. */
public final class CardFixture {
    /** Chaoyang. */
    public static final int DISTRICT = 110105;
    /** Haidian, a district this station does not serve. */
    public static final int OTHER_DISTRICT = 110108;
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final LocalDate VALID_FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate VALID_UNTIL = LocalDate.of(2027, 12, 31);

    public final DistrictKey key = DistrictKey.generate(DISTRICT);
    public final DistrictKey otherDistrictKey = DistrictKey.generate(OTHER_DISTRICT);
    public final TrustList trustList = new TrustList(Instant.parse("2026-01-01T00:00:00Z"),
            List.of(key.trustedKey(), otherDistrictKey.trustedKey()));

    /** @return a verifier for this station (district {@link #DISTRICT}) with the given deny-list */
    public CardVerifier verifier(DenyList denyList) {
        return new CardVerifier(trustList, denyList, Set.of(DISTRICT), BEIJING);
    }

    /** @return a verifier with an empty deny-list */
    public CardVerifier verifier() {
        return verifier(DenyList.empty());
    }

    /** @return a current card of {@link #DISTRICT} for member number {@code n} */
    public MemberCard card(long serial, int member, WorkerCategory category) {
        return new MemberCard(DISTRICT, serial, memberId(member), category, VALID_FROM, VALID_UNTIL, key.keyId());
    }

    /** @return the signed QR text of a card of {@link #DISTRICT} */
    public String token(MemberCard card) {
        return CardToken.sign(card, key.privateKey());
    }

    /** @return the QR text of a current card */
    public String token(long serial, int member, WorkerCategory category) {
        return token(card(serial, member, category));
    }

    /** @return a member id derived from a small number, e.g. 00000000000000 07 */
    public static MemberId memberId(int n) {
        return MemberId.ofHex(HexFormat.of().toHexDigits((long) n));
    }
}

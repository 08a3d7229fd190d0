package org.warmstation.protocol.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies scanned text offline against a trust list and a deny-list.
 *
 * <p>Any text at all may be passed, including hostile text: the verifier never throws for
 * content and answers with exactly one {@link RejectionReason} when the text is not an acceptable
 * card. It never blocks and is thread-safe (it is immutable; swap the instance to update lists).
 *
 * <p>The card format is specified in {@code docs/card-format.md}.
 */
public final class CardVerifier {
    /** Texts longer than this are not looked at further. */
    static final int MAX_TEXT_LENGTH = 1024;

    private final TrustList trustList;
    private final DenyList denyList;
    private final Set<Integer> acceptedDistricts;
    private final ZoneId zone;

    /**
     * @param trustList         trusted district keys and the list's issue instant
     * @param denyList          revoked card serials
     * @param acceptedDistricts districts whose cards this station accepts (normally its own)
     * @param zone              the zone whose calendar dates a card's validity refers to
     *                          (Asia/Shanghai in Beijing)
     */
    public CardVerifier(TrustList trustList, DenyList denyList, Set<Integer> acceptedDistricts, ZoneId zone) {
        this.trustList = Objects.requireNonNull(trustList, "trustList");
        this.denyList = Objects.requireNonNull(denyList, "denyList");
        this.acceptedDistricts = Set.copyOf(acceptedDistricts);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return the trust list in use */
    public TrustList trustList() {
        return trustList;
    }

    /** @return the deny-list in use */
    public DenyList denyList() {
        return denyList;
    }

    /**
     * Verifies a scanned text.
     *
     * @param text any text (null is treated as empty); surrounding white space is ignored
     * @param now  the current time; if earlier than the trust list's issue instant (an unsynced
     *             clock), the issue instant is used instead
     * @return the accepted card, or the one reason it is rejected
     */
    public CardVerdict verify(String text, Instant now) {
        Objects.requireNonNull(now, "now");
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(CardToken.PREFIX)) {
            return reject(RejectionReason.NOT_A_MEMBER_CARD, "no member-card prefix");
        }
        if (t.length() != CardToken.TOKEN_LENGTH) {
            return reject(RejectionReason.MALFORMED, "token length " + Math.min(t.length(), MAX_TEXT_LENGTH + 1));
        }
        byte[] all;
        try {
            all = Base45.decode(t.substring(CardToken.PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return reject(RejectionReason.MALFORMED, e.getMessage());
        }
        if (all.length != CardToken.BODY_LENGTH + CardToken.SIGNATURE_LENGTH) {
            return reject(RejectionReason.MALFORMED, "decoded length " + all.length);
        }
        byte[] body = Arrays.copyOf(all, CardToken.BODY_LENGTH);
        byte[] sig = Arrays.copyOfRange(all, CardToken.BODY_LENGTH, all.length);
        MemberCard card;
        try {
            card = CardToken.parseBody(body);
        } catch (IllegalArgumentException e) {
            return reject(RejectionReason.MALFORMED, e.getMessage());
        }
        // only keys trusted for cards: a card signed by a downlink or enrollment key is refused (issue 11)
        var candidates = trustList.keysFor(card.keyId(), KeyPurpose.CARD);
        if (candidates.isEmpty()) {
            return reject(RejectionReason.UNKNOWN_KEY, trustList.noKeyDetail(card.keyId(), KeyPurpose.CARD));
        }
        byte[] message = CardToken.signedMessage(body);
        TrustedKey signer = null;
        for (TrustedKey k : candidates) {
            if (signatureValid(k, message, sig)) {
                signer = k;
                break;
            }
        }
        if (signer == null) {
            return reject(RejectionReason.BAD_SIGNATURE, String.format("key id %04x", card.keyId()));
        }
        if (signer.districtId() != card.districtId()) {
            return reject(RejectionReason.BAD_SIGNATURE, "key of district " + signer.districtId()
                    + " signed a card of district " + card.districtId());
        }
        if (!acceptedDistricts.contains(card.districtId())) {
            return reject(RejectionReason.OTHER_DISTRICT, "district " + card.districtId());
        }
        if (denyList.isRevoked(card)) {
            return reject(RejectionReason.REVOKED, "serial " + card.cardSerial());
        }
        Instant judged = now.isBefore(trustList.issuedAt()) ? trustList.issuedAt() : now;
        LocalDate today = judged.atZone(zone).toLocalDate();
        if (today.isBefore(card.validFrom())) {
            return reject(RejectionReason.NOT_YET_VALID, "valid from " + card.validFrom());
        }
        if (today.isAfter(card.validUntil())) {
            return reject(RejectionReason.EXPIRED, "valid until " + card.validUntil());
        }
        return new CardVerdict.Accepted(card);
    }

    private static boolean signatureValid(TrustedKey key, byte[] message, byte[] sig) {
        return Ed25519.verifies(key.publicKey(), message, sig);
    }

    private static CardVerdict reject(RejectionReason reason, String detail) {
        return new CardVerdict.Rejected(reason, detail);
    }
}

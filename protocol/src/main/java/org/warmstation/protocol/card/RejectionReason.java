package org.warmstation.protocol.card;

/**
 * Why a scanned text is not accepted as a member card. Exactly one reason is given per scan;
 * the checks run in the order of the constants below, so e.g. an unknown key is reported
 * before a date is looked at (dates are not trusted before the signature is).
 */
public enum RejectionReason {
    /** The text does not start with the member-card prefix: some other QR code. */
    NOT_A_MEMBER_CARD,
    /** The prefix is right but the rest is not a well-formed card of a known format version. */
    MALFORMED,
    /** No key in the trust list has the card's key id. */
    UNKNOWN_KEY,
    /** No trusted key with the card's key id verifies its signature: forged or altered. */
    BAD_SIGNATURE,
    /** A genuine card of a district this station does not serve. */
    OTHER_DISTRICT,
    /** The card serial is on the deny-list (lost or withdrawn card). */
    REVOKED,
    /** The card's first valid day is after today. */
    NOT_YET_VALID,
    /** The card's last valid day is before today. */
    EXPIRED
}

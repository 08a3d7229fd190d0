package org.warmstation.kiosk.domain;

import java.util.Locale;

/**
 * The short Mandarin prompts the kiosk speaks after a check-in (decision 0140); their texts are in
 * {@code org/warmstation/kiosk/voice/prompts.txt}, their recordings beside it. A new
 * {@link org.warmstation.protocol.card.RejectionReason} fails the build here until it is given a prompt.
 */
public enum VoicePrompt {
    /** 欢迎光临: a new visit (card or guest). */
    WELCOME,
    /** 您已签到: the card checked in a moment ago. */
    ALREADY_CHECKED_IN,
    /** 卡无效: a member card that is not accepted here (forged, revoked, other district, not yet valid). */
    CARD_NOT_VALID,
    /** 卡已过期: the member's card has expired and must be renewed. */
    CARD_EXPIRED,
    /** 请出示会员卡: some other code (a payment code, a web link) or one that cannot be read. */
    SHOW_MEMBER_CARD,
    /** 请联系工作人员: the visit could not be recorded. */
    PLEASE_SEE_STAFF;

    /**
     * @param result what a check-in came to
     * @return the prompt that says it
     */
    public static VoicePrompt of(CheckInResult result) {
        return switch (result) {
            case CheckInResult.Welcome w -> WELCOME;
            case CheckInResult.AlreadyCheckedIn a -> ALREADY_CHECKED_IN;
            case CheckInResult.Failed f -> PLEASE_SEE_STAFF;
            case CheckInResult.Rejected r -> switch (r.reason()) {
                case EXPIRED -> CARD_EXPIRED;
                case NOT_A_MEMBER_CARD, MALFORMED -> SHOW_MEMBER_CARD;
                case UNKNOWN_KEY, BAD_SIGNATURE, OTHER_DISTRICT, REVOKED, NOT_YET_VALID -> CARD_NOT_VALID;
            };
        };
    }

    /** @return the recording's file name, e.g. {@code already-checked-in.wav} */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".wav";
    }
}

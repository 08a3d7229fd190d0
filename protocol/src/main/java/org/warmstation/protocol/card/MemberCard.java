package org.warmstation.protocol.card;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signed content of a union member card (see {@code docs/card-format.md}).
 *
 * <p>No name, phone number or ID-card number is carried: the {@code memberId} is random and
 * opaque, meaningful only to the issuing union's register.
 *
 * @param districtId    issuing district, its 6-digit administrative division code (e.g. 110105
 *                      for Chaoyang), 1–16,777,215
 * @param cardSerial    serial of this card within the district, 1–4,294,967,295; a lost card is
 *                      revoked by serial
 * @param memberId      8 random bytes identifying the member across card re-issues
 * @param category      the member's trade
 * @param validFrom     first day the card is valid (inclusive, Asia/Shanghai calendar date)
 * @param validUntil    last day the card is valid (inclusive)
 * @param keyId         id of the district key that signs the card, 0–65535
 */
public record MemberCard(int districtId, long cardSerial, MemberId memberId, WorkerCategory category,
                         LocalDate validFrom, LocalDate validUntil, int keyId) {

    /** Largest district id the 3-byte field carries. */
    public static final int MAX_DISTRICT_ID = 0xff_ffff;

    /**
     * @throws IllegalArgumentException when a field is outside the range the token carries, or
     *                                  the validity period ends before it starts
     * @throws NullPointerException     when a field is null
     */
    public MemberCard {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (districtId < 1 || districtId > MAX_DISTRICT_ID) {
            throw new IllegalArgumentException("districtId out of range: " + districtId);
        }
        if (cardSerial < 1 || cardSerial > 0xffff_ffffL) {
            throw new IllegalArgumentException("cardSerial out of range: " + cardSerial);
        }
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("keyId out of range: " + keyId);
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " before validFrom " + validFrom);
        }
        CardToken.checkDateRange(validFrom);
        CardToken.checkDateRange(validUntil);
    }

    /**
     * The opaque member identifier: 8 random bytes.
     *
     * @param bytes exactly 8 bytes; copied
     */
    public record MemberId(byte[] bytes) {
        public MemberId {
            if (bytes == null || bytes.length != 8) {
                throw new IllegalArgumentException("a member id is 8 bytes");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * @param hex 16 hexadecimal digits
         * @return the member id
         * @throws IllegalArgumentException when the text is not 16 hex digits
         */
        public static MemberId ofHex(String hex) {
            if (hex == null || hex.length() != 16) {
                throw new IllegalArgumentException("a member id is 16 hex digits");
            }
            return new MemberId(HexFormat.of().parseHex(hex));
        }

        /** @return 16 lowercase hexadecimal digits */
        public String hex() {
            return HexFormat.of().formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MemberId other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return hex();
        }
    }
}

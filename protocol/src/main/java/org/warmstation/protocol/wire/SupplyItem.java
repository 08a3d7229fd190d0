package org.warmstation.protocol.wire;

import java.util.Objects;

/**
 * One supply item a station stocks, part of {@link SupplySettings} (a station setting, decision
 * 0150). Immutable.
 *
 * @param code           the item code, an upper-case name (e.g. {@code GLOVES}); records name it
 * @param nameZh         Chinese name shown on the kiosk (e.g. 手套), 1..20 characters
 * @param nameEn         English name, 1..40 characters
 * @param unitZh         Chinese unit (e.g. 双), 1..4 characters
 * @param unitEn         English unit (e.g. pair), 1..12 characters
 * @param lowAt          stock below this is low (staff screen, district console), {@code >= 0}
 * @param perMemberLimit how many one member may receive per season ({@code SupplySeason}); 0 = no limit
 */
public record SupplyItem(String code, String nameZh, String nameEn, String unitZh, String unitEn, int lowAt,
                         int perMemberLimit) {
    /** @throws IllegalArgumentException naming the first invalid field */
    public SupplyItem {
        Check.enumName("code", code);
        name("nameZh", nameZh, 20);
        name("nameEn", nameEn, 40);
        name("unitZh", unitZh, 4);
        name("unitEn", unitEn, 12);
        if (lowAt < 0 || lowAt > WireSupply.MAX_STOCK) {
            throw new IllegalArgumentException("lowAt must be 0.." + WireSupply.MAX_STOCK + ": " + lowAt);
        }
        if (perMemberLimit < 0 || perMemberLimit > 1000) {
            throw new IllegalArgumentException("perMemberLimit must be 0..1000: " + perMemberLimit);
        }
    }

    private static void name(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " characters without control characters: '"
                    + Check.abbreviate(value) + "'");
        }
    }

    /** @return whether one member may receive only so many per season */
    public boolean limited() {
        return perMemberLimit > 0;
    }
}

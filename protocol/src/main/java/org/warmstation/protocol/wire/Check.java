package org.warmstation.protocol.wire;

import java.util.Objects;
import java.util.regex.Pattern;
import org.warmstation.protocol.card.MemberCard;

/** Field checks shared by the wire records; each throws {@link IllegalArgumentException}. */
final class Check {
    /** Station ids are one MQTT topic level: no '/', '+', '#', no spaces. */
    static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final Pattern HEX_32_BYTES = Pattern.compile("[0-9a-f]{64}");

    private Check() {
    }

    static String station(String station) {
        Objects.requireNonNull(station, "station");
        if (!STATION_ID.matcher(station).matches()) {
            throw new IllegalArgumentException("station id must match " + STATION_ID + ": '" + abbreviate(station) + "'");
        }
        return station;
    }

    static int district(int district) {
        if (district < 1 || district > MemberCard.MAX_DISTRICT_ID) {
            throw new IllegalArgumentException("district out of range 1.." + MemberCard.MAX_DISTRICT_ID + ": " + district);
        }
        return district;
    }

    static String schema(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("schema must be '" + expected + "', was '" + abbreviate(actual) + "'");
        }
        return actual;
    }

    static String enumName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!isEnumName(value)) {
            throw new IllegalArgumentException(what + " is not an upper-case name: '" + abbreviate(value) + "'");
        }
        return value;
    }

    /**
     * @return whether {@code value} matches {@link #ENUM_NAME}; a loop, as this runs for every
     *         field of every visit on both sides (decision 0250)
     */
    static boolean isEnumName(String value) {
        int n = value.length();
        if (n < 1 || n > 40 || value.charAt(0) < 'A' || value.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** @return whether {@code value} is exactly {@code length} lower-case hex digits */
    static boolean isLowerHex(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static long positive(String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1: " + value);
        }
        return value;
    }

    static long nonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0: " + value);
        }
        return value;
    }

    static String text(String what, String value, int maxChars) {
        if (value != null && value.length() > maxChars) {
            throw new IllegalArgumentException(what + " longer than " + maxChars + " characters");
        }
        return value;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

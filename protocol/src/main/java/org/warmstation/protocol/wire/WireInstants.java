package org.warmstation.protocol.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Reading the wire's instants fast (decision 0315). Every instant on the wire is ISO-8601 UTC
 * text as {@link DateTimeFormatter#ISO_INSTANT} writes it, e.g. {@code 2026-12-07T02:51:07.123Z}.
 * jsr310's {@link InstantDeserializer} parses each with {@code DateTimeFormatter}, which is about
 * half of decoding a visit batch (0.7 of 1.6 µs a visit, measured); the district decodes every
 * visit of every station, and in {@code sync-bench} that decode is on the drain's path.
 *
 * <p>{@link #parseCanonical} reads exactly the shape the encoders write — four-digit year, {@code T},
 * seconds, 1 to 9 fraction digits or none, {@code Z} — with plain arithmetic, and returns null for
 * anything else, including text {@code ISO_INSTANT} accepts in other shapes (lower case, hour 24,
 * a leap second, an offset, a signed year). The {@link Deserializer} hands each of those, and every
 * non-text token, to jsr310's deserializer: the result and the errors are the same as before, only
 * faster for the common shape. {@code WireInstantsTest} and {@code WireInstantsFuzzTest} check that
 * both agree on every text.
 *
 * <p>Stateless and thread-safe.
 */
final class WireInstants {
    private static final int SECONDS_PER_DAY = 86_400;

    private WireInstants() {
    }

    /**
     * Parses the canonical shape {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} (1–9 fraction digits, ASCII
     * digits only, hour 00–23, second 00–59, a valid day of the month).
     *
     * @param text any text, possibly hostile
     * @return the instant {@code ISO_INSTANT} gives for it, or null when the text is not of that
     *         shape (then {@code ISO_INSTANT} decides; the text may still be valid)
     */
    static Instant parseCanonical(String text) {
        int len = text.length();
        if (len < 20 || len > 30 || text.charAt(len - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (len > 20) {
            int fraction = len - 21; // between '.' and 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** @return the value of {@code count} ASCII digits from {@code from}, or -1 if one is not a digit */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The wire mapper's {@link Instant} deserializer: {@link #parseCanonical} for text of the
     * canonical shape, jsr310's {@link InstantDeserializer#INSTANT} for everything else.
     */
    static final class Deserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Instant.class);
        }

        /**
         * @throws IOException as jsr310's deserializer throws for what it refuses
         */
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                Instant fast = parseCanonical(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}

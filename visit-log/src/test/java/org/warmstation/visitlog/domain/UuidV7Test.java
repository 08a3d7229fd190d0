package org.warmstation.visitlog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    private static long timestampOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void idCarriesVersionSevenVariantTwoAndTheMillisecond() {
        Instant t = Instant.parse("2026-11-21T08:15:30.123456Z");
        UUID id = new UuidV7(new Random(1)).next(t);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(t.toEpochMilli(), timestampOf(id));
        // RFC 9562 section 5.7: the first 12 hex digits are the big-endian millisecond timestamp
        assertEquals(String.format("%012x", t.toEpochMilli()), id.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void idsWithinOneMillisecondStrictlyIncreaseInTextOrder() {
        UuidV7 gen = new UuidV7(new Random(2));
        Instant t = Instant.parse("2026-11-21T08:15:30Z");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            texts.add(gen.next(t).toString());
        }
        for (int i = 1; i < texts.size(); i++) {
            assertTrue(texts.get(i - 1).compareTo(texts.get(i)) < 0, "id " + i + " not greater than its predecessor");
        }
        assertEquals(texts.size(), new HashSet<>(texts).size());
    }

    @Test
    void idsKeepIncreasingWhenTheClockGoesBack() {
        UuidV7 gen = new UuidV7(new Random(3));
        UUID late = gen.next(Instant.parse("2026-11-21T09:00:00Z"));
        UUID afterSetBack = gen.next(Instant.parse("2026-11-21T08:00:00Z"));
        assertTrue(late.toString().compareTo(afterSetBack.toString()) < 0);
        assertEquals(timestampOf(late), timestampOf(afterSetBack));
    }

    @Test
    void exhaustedRandomBitsAdvanceTheTimestamp() {
        RandomGenerator allOnes = () -> -1L;
        UuidV7 gen = new UuidV7(allOnes);
        Instant t = Instant.parse("2026-11-21T08:15:30Z");
        UUID first = gen.next(t);
        UUID second = gen.next(t);
        assertEquals(t.toEpochMilli() + 1, timestampOf(second));
        assertTrue(first.toString().compareTo(second.toString()) < 0);
    }

    @Test
    void timeBeyondTheFortyEightBitRangeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new UuidV7().next(Instant.ofEpochMilli(1L << 48)));
    }
}

package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loops that replaced regular expressions on the per-visit path, and the zone cache (decision
 * 0250), decide exactly as what they replaced.
 */
class FieldChecksTest {
    private static final String ALPHABET = "AZaz09_-./ éÄ\u0000";

    @Test
    void enumNameLoopAgreesWithItsPattern() {
        for (String s : samples(List.of("", "A", "Z", "a", "_A", "A_", "HOT_WATER", "A".repeat(40), "A".repeat(41),
                "B".repeat(39) + "9", "1A", "HOT-WATER", "HOT WATER", "HOT_WATERé"))) {
            assertEquals(Check.ENUM_NAME.matcher(s).matches(), Check.isEnumName(s), "'" + s + "'");
        }
    }

    @Test
    void lowerHexLoopAgreesWithAPattern() {
        Pattern hex16 = Pattern.compile("[0-9a-f]{16}");
        for (String s : samples(List.of("", "0011223344556677", "00112233445566778", "001122334455667", "0011223344556677".toUpperCase(),
                "001122334455667g", "abcdefabcdefabcd", "ABCDEFabcdef0123"))) {
            assertEquals(hex16.matcher(s).matches(), Check.isLowerHex(s, 16), "'" + s + "'");
        }
        Random r = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 2000; i++) { // 16 hex digits, every third with one character changed
            char[] c = new char[16];
            for (int k = 0; k < 16; k++) {
                c[k] = "0123456789abcdef".charAt(r.nextInt(16));
            }
            if (i % 3 == 0) {
                c[r.nextInt(16)] = "gAF /é".charAt(r.nextInt(6));
            }
            String s = new String(c);
            assertEquals(hex16.matcher(s).matches(), Check.isLowerHex(s, 16), "'" + s + "'");
            accepted += Check.isLowerHex(s, 16) ? 1 : 0;
        }
        assertTrue(accepted > 1000 && accepted < 2000, "both outcomes exercised: " + accepted);
    }

    @Test
    void aWireVisitRefusesAnUpperCaseMemberIdAndAnUnknownZone() {
        assertThrows(IllegalArgumentException.class, () -> visit("00112233445566AA", "Asia/Shanghai"));
        assertThrows(DateTimeException.class, () -> visit("0011223344556677", "Asia/Atlantis"));
        assertEquals("0011223344556677", visit("0011223344556677", "Asia/Shanghai").memberId());
    }

    @Test
    void zoneIdsResolveAsZoneIdOfAndRefuseTheSameIds() {
        for (String id : List.of("Asia/Shanghai", "UTC", "UTC+8", "+08:00", "Z", "GMT-3", "Europe/Berlin")) {
            assertEquals(ZoneId.of(id), ZoneIds.of(id), id);
            assertSame(ZoneIds.of(id), ZoneIds.of(id), id + " comes from the cache the second time");
        }
        for (String id : List.of("", "Asia/Atlantis", "+25:00", "Asia/../etc", "UTC+8x")) {
            DateTimeException direct = assertThrows(DateTimeException.class, () -> ZoneId.of(id), id);
            DateTimeException cached = assertThrows(DateTimeException.class, () -> ZoneIds.of(id), id);
            assertEquals(direct.getClass(), cached.getClass(), id);
        }
        assertThrows(NullPointerException.class, () -> ZoneIds.of(null));
    }

    @Test
    void theZoneCacheStaysBoundedUnderManyDistinctValidIds() {
        for (int seconds = 0; seconds < 3 * ZoneIds.MAX_CACHED; seconds++) { // "+00:00:01", ... all valid, all distinct
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(seconds);
            assertEquals(offset, ZoneIds.of(offset.getId().equals("Z") ? "Z" : offset.getId()));
        }
        assertTrue(ZoneIds.cached() <= ZoneIds.MAX_CACHED, "cached " + ZoneIds.cached());
    }

    private static WireVisit visit(String member, String zone) {
        return new WireVisit(java.util.UUID.randomUUID(), 1, 1, java.time.Instant.EPOCH, zone, member, 1, "COURIER",
                List.of(), "CARD", true, 0);
    }

    /** The given strings and 5,000 random ones over a small alphabet, lengths 0–45. */
    private static List<String> samples(List<String> fixed) {
        List<String> out = new ArrayList<>(fixed);
        Random r = new Random(20261206);
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(46);
            String alphabet = i % 2 == 0 ? ALPHABET : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_abcdef";
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(i % 3 == 0 && n >= 16 ? b.substring(0, 16) : b.toString());
        }
        return out;
    }
}

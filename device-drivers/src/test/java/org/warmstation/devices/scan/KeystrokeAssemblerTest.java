package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeystrokeAssemblerTest {
    private static final Duration GAP = Duration.ofMillis(50);
    private final List<String> scans = new ArrayList<>();
    private final KeystrokeAssembler assembler = new KeystrokeAssembler(GAP, 20, scans::add);
    private Instant now = Instant.parse("2026-11-21T08:00:00Z");

    /** Types {@code text}, one character every {@code every}. */
    private void type(String text, Duration every) {
        for (char c : text.toCharArray()) {
            now = now.plus(every);
            assembler.key(c, now);
        }
    }

    private void scanner(String text) {
        type(text, Duration.ofMillis(4));
    }

    @Test
    void fastCharactersEndedByCarriageReturnOrLineFeedAreOneScanEach() {
        scanner("WSM:ABC 123\r");
        scanner("https://x.cn/?q=1\n");
        assertEquals(List.of("WSM:ABC 123", "https://x.cn/?q=1"), scans);
    }

    @Test
    void crLfGivesOneScanOnly() {
        scanner("CODE\r\n");
        assertEquals(List.of("CODE"), scans);
    }

    @Test
    void humanTypingIsNotAScan() {
        type("1234\r", Duration.ofMillis(180));
        assertEquals(List.of(), scans);
    }

    @Test
    void charactersBeforeAPauseAreDiscarded() {
        type("ab", Duration.ofMillis(300)); // someone pokes the keyboard
        now = now.plusSeconds(2);
        scanner("XYZ\r");
        scanner("ABC");
        now = now.plus(GAP.plusMillis(1));
        scanner("DEF\r");
        assertEquals(List.of("XYZ", "DEF"), scans);
    }

    @Test
    void aGapOfExactlyMaxGapStillBelongsToTheScan() {
        type("AB\r", GAP);
        assertEquals(List.of("AB"), scans);
    }

    @Test
    void inputLongerThanMaxLengthIsDiscardedAndTheNextScanWorks() {
        scanner("x".repeat(21) + "more\r");
        scanner("y".repeat(20) + "\r");
        assertEquals(List.of("y".repeat(20)), scans);
    }

    @Test
    void enterAloneIsNoScan() {
        scanner("\r\n\r");
        assertEquals(List.of(), scans);
    }

    @Test
    void controlCharactersOtherThanLineEndsArePassedThrough() {
        scanner("a\tb\u001dc\r");
        assertEquals(List.of("a\tb\u001dc"), scans);
    }

    @Test
    void aThrowingConsumerDoesNotReachTheCallerAndLaterScansStillWork() {
        List<String> seen = new ArrayList<>();
        KeystrokeAssembler a = new KeystrokeAssembler(GAP, 20, s -> {
            seen.add(s);
            throw new IllegalStateException("UI bug");
        });
        Instant t = now;
        for (char c : "ONE\rTWO\r".toCharArray()) {
            Instant at = t = t.plusMillis(3);
            assertDoesNotThrow(() -> a.key(c, at));
        }
        assertEquals(List.of("ONE", "TWO"), seen);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new KeystrokeAssembler(Duration.ZERO, 10, s -> { }));
        assertThrows(IllegalArgumentException.class, () -> new KeystrokeAssembler(GAP, 0, s -> { }));
    }
}

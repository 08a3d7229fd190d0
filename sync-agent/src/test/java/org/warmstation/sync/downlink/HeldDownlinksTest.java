package org.warmstation.sync.downlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Downlinks held while the station clock is unsynced: bounded, by command id, decided when due. */
class HeldDownlinksTest {
    private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> payloads) {
        return payloads.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aReSentCommandReplacesItsCopyAndOnlyDueOnesAreReturnedUntilTheClockIsSynced() {
        HeldDownlinks held = new HeldDownlinks(4);
        UUID a = UUID.randomUUID();
        held.hold(a, T, bytes("a1"));
        held.hold(a, T, bytes("a2"));
        held.hold(UUID.randomUUID(), T.plusSeconds(3600), bytes("later"));
        assertEquals(2, held.size(), "a re-send of one command is held once");
        assertEquals(List.of("a2"), texts(held.due(T, false)), "issued no later than allowed: due");
        assertEquals(List.of(), texts(held.due(T, false)), "the later one still waits");
        assertEquals(List.of("later"), texts(held.due(T, true)), "a synced clock decides every held one");
        assertEquals(0, held.size());
    }

    @Test
    void beyondItsBoundTheOldestIsDropped() {
        HeldDownlinks held = new HeldDownlinks(2);
        held.hold(UUID.randomUUID(), T, bytes("first"));
        held.hold(UUID.randomUUID(), T, bytes("second"));
        held.hold(UUID.randomUUID(), T, bytes("third"));
        assertEquals(List.of("second", "third"), texts(held.due(T, true)));
    }
}

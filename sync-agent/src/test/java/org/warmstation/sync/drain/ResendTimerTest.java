package org.warmstation.sync.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The resend wait: doubles with jitter per unanswered round up to the cap, resets on an ack. */
class ResendTimerTest {
    private static final Duration FIRST = Duration.ofSeconds(60);
    private static final Duration CAP = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void theWaitDoublesPerUnansweredRoundWithJitterUpToTheCapAndResetsOnAnAck() {
        ResendTimer t = new ResendTimer(FIRST, CAP, new SplittableRandom(7));
        assertEquals(FIRST, t.timeout(), "while acks come: exactly resendAfter");
        Instant now = T0;
        for (int round = 1; round <= 8; round++) {
            Instant published = now;
            now = now.plus(t.timeout());
            t.missed(published, now);
            long bound = Math.min(CAP.toMillis(), FIRST.toMillis() << round);
            long ms = t.timeout().toMillis();
            assertTrue(ms >= bound && ms < bound * 3 / 2, "round " + round + ": " + ms + " ms, bound " + bound);
        }
        assertEquals(8, t.timedOutRounds());
        t.answered();
        assertEquals(FIRST, t.timeout());
    }

    @Test
    void batchesOfOneRoundCountOnce() {
        ResendTimer t = new ResendTimer(FIRST, CAP, new SplittableRandom(7));
        Instant expiry = T0.plus(FIRST);
        t.missed(T0, expiry);
        t.missed(T0.plusSeconds(1), expiry.plusSeconds(1)); // published in the same round, before the growth
        assertEquals(1, t.timedOutRounds());
        Duration grown = t.timeout();
        assertTrue(grown.compareTo(FIRST.multipliedBy(2)) >= 0, grown.toString());
    }

    @Test
    void stationsDrawDifferentWaits() {
        Set<Duration> waits = new HashSet<>();
        SplittableRandom seeds = new SplittableRandom(1);
        for (int station = 0; station < 20; station++) {
            ResendTimer t = new ResendTimer(FIRST, CAP, seeds.split());
            t.missed(T0, T0.plus(FIRST));
            waits.add(t.timeout());
        }
        assertTrue(waits.size() > 15, "jitter spreads the stations: " + waits.size() + " distinct waits of 20");
    }
}

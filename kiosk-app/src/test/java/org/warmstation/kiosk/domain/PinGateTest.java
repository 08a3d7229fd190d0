package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PinGateTest {
    private final AtomicReference<Duration> now = new AtomicReference<>(Duration.ofHours(5));
    private final AtomicInteger checks = new AtomicInteger();
    private final PinGate gate = PinGate.standard(pin -> {
        checks.incrementAndGet();
        return pin.equals("2468");
    }, now::get);

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void rightPinOpensTheGate() {
        assertInstanceOf(PinGate.Attempt.Accepted.class, gate.attempt("2468"));
    }

    @Test
    void firstTwoWrongPinsOnlyCountDown() {
        assertEquals(new PinGate.Attempt.Wrong(2), gate.attempt("1111"));
        assertEquals(new PinGate.Attempt.Wrong(1), gate.attempt("2222"));
        assertEquals(Duration.ZERO, gate.lockedFor());
    }

    @Test
    void thirdWrongPinLocksForThirtySeconds() {
        gate.attempt("1");
        gate.attempt("2");
        assertEquals(new PinGate.Attempt.Locked(Duration.ofSeconds(30)), gate.attempt("3"));
        advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(20), gate.lockedFor());
    }

    @Test
    void whileLockedEvenTheRightPinIsRefusedAndNotChecked() {
        gate.attempt("1");
        gate.attempt("2");
        gate.attempt("3");
        int checked = checks.get();
        advance(Duration.ofSeconds(29));
        assertEquals(new PinGate.Attempt.Locked(Duration.ofSeconds(1)), gate.attempt("2468"));
        assertEquals(checked, checks.get());
    }

    @Test
    void eachWrongPinAfterALockoutDoublesIt() {
        gate.attempt("1");
        gate.attempt("2");
        gate.attempt("3");
        advance(Duration.ofSeconds(30));
        assertEquals(new PinGate.Attempt.Locked(Duration.ofSeconds(60)), gate.attempt("4"));
        advance(Duration.ofSeconds(60));
        assertEquals(new PinGate.Attempt.Locked(Duration.ofSeconds(120)), gate.attempt("5"));
    }

    @Test
    void lockoutStopsGrowingAtOneHour() {
        for (int i = 0; i < 3; i++) {
            gate.attempt("0");
        }
        Duration last = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            advance(Duration.ofHours(2));
            last = ((PinGate.Attempt.Locked) gate.attempt("0")).remaining();
        }
        assertEquals(Duration.ofHours(1), last);
    }

    @Test
    void rightPinAfterALockoutResetsTheCount() {
        gate.attempt("1");
        gate.attempt("2");
        gate.attempt("3");
        advance(Duration.ofSeconds(30));
        assertInstanceOf(PinGate.Attempt.Accepted.class, gate.attempt("2468"));
        assertEquals(new PinGate.Attempt.Wrong(2), gate.attempt("9"));
    }
}

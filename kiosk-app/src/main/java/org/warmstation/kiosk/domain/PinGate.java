package org.warmstation.kiosk.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.visitlog.domain.PinLockoutStore;
import org.warmstation.visitlog.domain.PinLockoutStore.PinLockout;

/**
 * Rate-limits staff PIN attempts at the terminal. The first {@code freeTries} wrong PINs in a row
 * are only counted; the next one locks the gate for {@code firstLockout}, and every wrong PIN
 * after a lockout locks it again for twice the previous time, up to {@code maxLockout}. A right
 * PIN resets everything. While locked, no PIN is even checked.
 *
 * <p>Time comes from an injected monotonic clock (e.g. time since boot), so a wall clock set by
 * NTP cannot shorten a lockout. The counters and the lock are kept in a {@link PinLockoutStore}
 * after every change and read back when the gate is made, so restarting the kiosk does not reset
 * them (decision 0202); a store that fails is logged and the gate goes on with what it holds.
 * Thread-safe; {@link #attempt} blocks as long as the PIN check does
 * (a PBKDF2 check takes about a second on a Raspberry Pi), so call it off the UI thread.
 */
public final class PinGate {
    private static final Logger LOG = LoggerFactory.getLogger(PinGate.class);

    /** The outcome of one attempt. */
    public sealed interface Attempt {
        /** The PIN was right; the gate is open and the counters reset. */
        record Accepted() implements Attempt { }

        /**
         * The PIN was wrong and no lockout started.
         *
         * @param triesLeft wrong tries left before a lockout
         */
        record Wrong(int triesLeft) implements Attempt { }

        /**
         * The gate is locked (by this attempt or an earlier one); the PIN was not accepted.
         *
         * @param remaining time until the next attempt is allowed
         */
        record Locked(Duration remaining) implements Attempt { }
    }

    private final Predicate<String> pinCheck;
    private final Supplier<Duration> clock;
    private final int freeTries;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final PinLockoutStore store;

    private int wrongInRow;
    private Duration lastLockout = Duration.ZERO;
    private Duration lockedUntil = Duration.ZERO;

    /**
     * @param pinCheck     tells whether a PIN is the staff PIN (e.g. a PBKDF2 hash check)
     * @param clock        monotonic time, e.g. time since boot; never going back
     * @param freeTries    wrong PINs allowed before the first lockout, at least 1 (3 on the kiosk)
     * @param firstLockout the first lockout, more than zero
     * @param maxLockout   the longest lockout, at least {@code firstLockout}
     * @throws IllegalArgumentException when a bound is out of range
     */
    public PinGate(Predicate<String> pinCheck, Supplier<Duration> clock, int freeTries,
                   Duration firstLockout, Duration maxLockout) {
        this(pinCheck, clock, freeTries, firstLockout, maxLockout, PinLockoutStore.NONE);
    }

    /**
     * As {@link #PinGate(Predicate, Supplier, int, Duration, Duration)}, starting from the state
     * in {@code store} and keeping every change there. Blocks to read the store.
     *
     * @param pinCheck     tells whether a PIN is the staff PIN
     * @param clock        monotonic time since boot, the clock the store's times count in
     * @param freeTries    wrong PINs allowed before the first lockout, at least 1
     * @param firstLockout the first lockout, more than zero
     * @param maxLockout   the longest lockout, at least {@code firstLockout}
     * @param store        where the counters and the lock are kept across restarts
     * @throws IllegalArgumentException when a bound is out of range
     */
    public PinGate(Predicate<String> pinCheck, Supplier<Duration> clock, int freeTries,
                   Duration firstLockout, Duration maxLockout, PinLockoutStore store) {
        this.pinCheck = Objects.requireNonNull(pinCheck, "pinCheck");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (freeTries < 1 || firstLockout.isNegative() || firstLockout.isZero() || maxLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("freeTries >= 1 and 0 < firstLockout <= maxLockout required");
        }
        this.freeTries = freeTries;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.store = Objects.requireNonNull(store, "store");
        PinLockout saved;
        try {
            saved = store.load(clock.get());
        } catch (RuntimeException e) {
            LOG.warn("cannot read the staff PIN lockout; starting with a first lockout after one wrong PIN: {}",
                    e.getMessage());
            saved = new PinLockout(freeTries, firstLockout, Duration.ZERO); // fail towards locking
        }
        wrongInRow = saved.wrongInRow();
        lastLockout = saved.lastLockout();
        lockedUntil = saved.lockedUntil();
    }

    /**
     * The kiosk's gate: 3 free tries, 30 s first lockout, at most 1 h.
     *
     * @param pinCheck tells whether a PIN is the staff PIN
     * @param clock    monotonic time
     * @return the gate
     */
    public static PinGate standard(Predicate<String> pinCheck, Supplier<Duration> clock) {
        return standard(pinCheck, clock, PinLockoutStore.NONE);
    }

    /**
     * The kiosk's gate (as {@link #standard(Predicate, Supplier)}) keeping its state in a store.
     *
     * @param pinCheck tells whether a PIN is the staff PIN
     * @param clock    monotonic time since boot
     * @param store    where the counters and the lock are kept across restarts
     * @return the gate
     */
    public static PinGate standard(Predicate<String> pinCheck, Supplier<Duration> clock, PinLockoutStore store) {
        return new PinGate(pinCheck, clock, 3, Duration.ofSeconds(30), Duration.ofHours(1), store);
    }

    /**
     * Tries a PIN.
     *
     * @param pin the digits entered (may be empty)
     * @return accepted, wrong, or locked
     */
    public synchronized Attempt attempt(String pin) {
        Duration left = lockedFor();
        if (left.isPositive()) {
            return new Attempt.Locked(left);
        }
        if (pin != null && pinCheck.test(pin)) {
            boolean changed = wrongInRow != 0 || !lastLockout.isZero();
            wrongInRow = 0;
            lastLockout = Duration.ZERO;
            if (changed) {
                keep();
            }
            if (pin.length() < StaffPin.MIN_DIGITS) { // a PIN set before decision 0202
                LOG.warn("the staff PIN has {} digits, fewer than {}: set a new one (station init --pin, or the"
                        + " district's station settings)", pin.length(), StaffPin.MIN_DIGITS);
            }
            return new Attempt.Accepted();
        }
        wrongInRow++;
        if (lastLockout.isZero() && wrongInRow < freeTries) {
            keep();
            return new Attempt.Wrong(freeTries - wrongInRow);
        }
        Duration lock = lastLockout.isZero() ? firstLockout : lastLockout.multipliedBy(2);
        if (lock.compareTo(maxLockout) > 0) {
            lock = maxLockout;
        }
        lastLockout = lock;
        lockedUntil = clock.get().plus(lock);
        keep();
        return new Attempt.Locked(lock);
    }

    private void keep() {
        try {
            store.save(new PinLockout(wrongInRow, lastLockout, lockedUntil), clock.get());
        } catch (RuntimeException e) {
            LOG.warn("cannot keep the staff PIN lockout (it holds until the kiosk restarts): {}", e.getMessage());
        }
    }

    /** @return the time until the next attempt is allowed; zero when not locked */
    public synchronized Duration lockedFor() {
        Duration left = lockedUntil.minus(clock.get());
        return left.isPositive() ? left : Duration.ZERO;
    }
}

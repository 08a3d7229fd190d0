package org.warmstation.visitlog.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the staff PIN keypad keeps its count of wrong PINs and its lockout, so that restarting the
 * kiosk (or the terminal) does not reset them (decision 0202). Times are the kiosk's monotonic
 * time since boot. Implementations are thread-safe and block on storage.
 */
public interface PinLockoutStore {

    /**
     * The keypad's state.
     *
     * @param wrongInRow  wrong PINs since the last right one, at least 0
     * @param lastLockout the length of the last lockout; zero when none since the last right PIN
     * @param lockedUntil time since boot at which the current lock ends (zero or past: not locked)
     */
    record PinLockout(int wrongInRow, Duration lastLockout, Duration lockedUntil) {
        /** Nothing wrong entered. */
        public static final PinLockout NONE = new PinLockout(0, Duration.ZERO, Duration.ZERO);

        /** @throws IllegalArgumentException when a count or a length is negative */
        public PinLockout {
            Objects.requireNonNull(lastLockout, "lastLockout");
            Objects.requireNonNull(lockedUntil, "lockedUntil");
            if (wrongInRow < 0 || lastLockout.isNegative() || lockedUntil.isNegative()) {
                throw new IllegalArgumentException("negative PIN lockout state");
            }
        }
    }

    /**
     * @param now the time since boot now
     * @return the saved state with {@code lockedUntil} in this boot's time: after a reboot the lock
     *         resumes for the time it had left when saved; {@link PinLockout#NONE} when nothing is saved
     * @throws VisitStore.StoreException when the store cannot be read
     */
    PinLockout load(Duration now);

    /**
     * @param state the state to keep
     * @param now   the time since boot now
     * @throws VisitStore.StoreException when the store cannot be written
     */
    void save(PinLockout state, Duration now);

    /** A store that keeps nothing: the lockout lasts as long as the process (tests, demo). */
    PinLockoutStore NONE = new PinLockoutStore() {
        @Override
        public PinLockout load(Duration now) {
            return PinLockout.NONE;
        }

        @Override
        public void save(PinLockout state, Duration now) {
            // kept in memory by the gate only
        }
    };
}

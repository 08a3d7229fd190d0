package org.warmstation.sync.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous timeout (no timing assertions: only "eventually"). */
public final class Await {
    private Await() {
    }

    /**
     * @param timeout   how long at most
     * @param what      described in the failure
     * @param condition polled every 50 ms
     * @param state     shown in the failure message
     * @throws AssertionError when the condition does not hold in time
     */
    public static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<?> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet readable; try again
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; state: " + state.get());
    }
}

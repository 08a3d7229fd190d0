package org.warmstation.devices.peripherals;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;

/** Turns the outcome of an output's pattern into the role's health. */
final class Reports {
    private Reports() {
    }

    /**
     * @return a future that completes like {@code future} but only after the role's health has
     *         been recorded; cancelling it cancels {@code future}
     */
    static CompletableFuture<Void> track(CompletableFuture<Void> future, PeripheralStates states, PeripheralRole role) {
        CompletableFuture<Void> out = new CompletableFuture<>();
        future.whenComplete((v, e) -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause == null) {
                states.status(role, Health.OK, "");
                out.complete(null);
            } else if (cause instanceof CancellationException) {
                out.cancel(false);
            } else {
                states.status(role, Health.FAILING, String.valueOf(cause.getMessage()));
                out.completeExceptionally(cause);
            }
        });
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                future.cancel(false);
            }
        });
        return out;
    }
}

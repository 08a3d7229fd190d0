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

    static CompletableFuture<Void> track(CompletableFuture<Void> future, PeripheralStates states, PeripheralRole role) {
        future.whenComplete((v, e) -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause == null) {
                states.status(role, Health.OK, "");
            } else if (!(cause instanceof CancellationException)) {
                states.status(role, Health.FAILING, String.valueOf(cause.getMessage()));
            }
        });
        return future;
    }
}

package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A scan listener that records what it receives, for assertions from the test thread. */
class Recorder implements ScanListener {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final List<String> scans = new CopyOnWriteArrayList<>();
    final List<ScannerStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void onScan(String text) {
        scans.add(text);
    }

    @Override
    public void onStatus(ScannerStatus status) {
        statuses.add(status);
    }

    long count(ScannerStatus.State state) {
        return statuses.stream().filter(s -> s.state() == state).count();
    }

    List<ScannerStatus.State> states() {
        return statuses.stream().map(ScannerStatus::state).toList();
    }

    /** Waits (generously) until the condition holds; fails with {@code what} otherwise. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}

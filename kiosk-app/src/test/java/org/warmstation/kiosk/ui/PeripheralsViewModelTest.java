package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.PeripheralStates;

/** The peripheral model keeps following the hardware even when a change comes with no UI thread. */
class PeripheralsViewModelTest {

    /** Like the FX executor before the toolkit started: runOnUi refuses until {@link #up}. */
    private static final class NotYetStartedExecutor implements TaskExecutor {
        private final SameThreadTaskExecutor inner = new SameThreadTaskExecutor();
        boolean up;

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            inner.execute(work, onSuccess, onFailure);
        }

        @Override
        public void runOnUi(Runnable action) {
            if (!up) {
                throw new IllegalStateException("Toolkit not initialized");
            }
            inner.runOnUi(action);
        }

        @Override
        public Timer schedule(Duration delay, Runnable action) {
            return inner.schedule(delay, action);
        }

        @Override
        public Timer every(Duration period, Runnable action) {
            return inner.every(period, action);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void changesBeforeTheToolkitStartsDoNotFreezeThePanel() {
        NotYetStartedExecutor executor = new NotYetStartedExecutor();
        PeripheralStates states = new PeripheralStates(EnumSet.allOf(PeripheralRole.class),
                Clock.fixed(Instant.parse("2026-11-21T02:30:00Z"), ZoneOffset.ofHours(8)));
        PeripheralsViewModel vm = new PeripheralsViewModel(states, PeripheralsViewModel.Controls.NONE, executor,
                Optional.empty());

        states.entry(); // the demo's simulated PIR, before the window exists
        assertEquals(1, vm.snapshotProperty().get().entriesToday());

        executor.up = true;
        states.doorOpen(true);
        states.entry();
        assertTrue(vm.snapshotProperty().get().doorOpen());
        assertEquals(2, vm.snapshotProperty().get().entriesToday());
    }
}

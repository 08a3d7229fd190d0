package org.warmstation.devices.peripherals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.Pattern;
import org.warmstation.devices.PeripheralRole;

/**
 * A pin write that fails at run time (a GPIO error, which Pi4J's mock platform cannot produce, so
 * the line here fails on purpose the first time).
 */
class OutputFailureTest {
    @Test
    void aFailingBuzzerIsReportedSwitchedOffAndWorksOnTheNextUse() throws Exception {
        var states = new PeripheralStates(Set.of(PeripheralRole.BUZZER), Clock.systemUTC());
        AtomicInteger writes = new AtomicInteger();
        List<Boolean> levels = new ArrayList<>();
        OutputLine flaky = on -> {
            if (writes.incrementAndGet() == 1) {
                throw new IOException("GPIO line 18 busy");
            }
            synchronized (levels) {
                levels.add(on);
            }
        };
        try (var buzzer = new PinBuzzer(flaky, states)) {
            var failed = buzzer.playAsync(Pattern.steady(Duration.ofMillis(50)));
            var e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IOException);
            var status = states.snapshot().statuses().get(PeripheralRole.BUZZER);
            assertTrue(status.failing());
            assertEquals("GPIO line 18 busy", status.message());
            assertEquals(List.of(false), levels, "switched off after the failure");

            buzzer.play(Pattern.steady(Duration.ofMillis(50)));
            assertFalse(states.snapshot().statuses().get(PeripheralRole.BUZZER).failing());
            assertEquals(List.of(false, true, false), levels);
        }
    }
}
